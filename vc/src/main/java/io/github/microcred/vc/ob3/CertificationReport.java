package io.github.microcred.vc.ob3;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which 1EdTech certification rules a credential meets ({@link Ob3Certification#check}): one outcome per
 * {@link CertificationRule}, in the enum's order. Immutable.
 */
public final class CertificationReport {
  /** How a credential fares against one rule. */
  public enum Outcome {
    /** The credential meets the rule. */
    MET,
    /** The credential does not meet it; the message says why, the path where. */
    NOT_MET,
    /** The rule is about something the credential does not have (a JWT rule for a JSON credential, no status). */
    NOT_APPLICABLE
  }

  /**
   * One rule's outcome.
   *
   * @param rule the rule
   * @param outcome the outcome
   * @param path the JSON path (or JWT part) it is about
   * @param message what was found
   */
  public record RuleOutcome(CertificationRule rule, Outcome outcome, String path, String message) {
    /**
     * Validates the members.
     *
     * @param rule see the record
     * @param outcome see the record
     * @param path see the record
     * @param message see the record
     */
    public RuleOutcome {
      Objects.requireNonNull(rule, "rule");
      Objects.requireNonNull(outcome, "outcome");
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(message, "message");
    }
  }

  private final List<RuleOutcome> outcomes;

  CertificationReport(List<RuleOutcome> outcomes) {
    this.outcomes = List.copyOf(outcomes);
  }

  /**
   * Every rule's outcome, in {@link CertificationRule} order.
   *
   * @return an unmodifiable list
   */
  public List<RuleOutcome> outcomes() {
    return outcomes;
  }

  /**
   * One rule's outcome.
   *
   * @param rule the rule
   * @return the outcome (every rule has one)
   */
  public RuleOutcome outcome(CertificationRule rule) {
    for (RuleOutcome o : outcomes) {
      if (o.rule() == rule) {
        return o;
      }
    }
    throw new IllegalStateException("no outcome for " + rule);
  }

  /**
   * Whether the credential meets a rule.
   *
   * @param rule the rule
   * @return true when {@link Outcome#MET}
   */
  public boolean meets(CertificationRule rule) {
    return outcome(rule).outcome() == Outcome.MET;
  }

  /**
   * The rules the credential meets.
   *
   * @return rule list, in enum order
   */
  public List<CertificationRule> met() {
    List<CertificationRule> r = new ArrayList<>();
    outcomes.stream().filter(o -> o.outcome() == Outcome.MET).forEach(o -> r.add(o.rule()));
    return r;
  }

  /**
   * The outcomes of the rules it does not meet.
   *
   * @return outcome list, in enum order
   */
  public List<RuleOutcome> notMet() {
    return outcomes.stream().filter(o -> o.outcome() == Outcome.NOT_MET).toList();
  }

  /**
   * Whether every applicable rule is met.
   *
   * @return true when nothing is {@link Outcome#NOT_MET}
   */
  public boolean meetsAll() {
    return notMet().isEmpty();
  }

  /**
   * The first rule not met.
   *
   * @return its outcome, if any
   */
  public Optional<RuleOutcome> firstNotMet() {
    return notMet().stream().findFirst();
  }

  /**
   * The report as JSON: {@code {"meetsAll": .., "rules": [{"rule", "outcome", "path", "message", "source"}]}}.
   *
   * @return a new object
   */
  public ObjectNode toJson() {
    ObjectNode o = JsonNodeFactory.instance.objectNode().put("meetsAll", meetsAll());
    ArrayNode a = o.putArray("rules");
    for (RuleOutcome r : outcomes) {
      a.addObject().put("rule", r.rule().name()).put("outcome", r.outcome().name()).put("path", r.path())
          .put("message", r.message()).put("source", r.rule().source());
    }
    return o;
  }

  @Override
  public String toString() {
    return "CertificationReport[met=" + met() + ", notMet=" + notMet().stream().map(RuleOutcome::rule).toList() + "]";
  }
}
