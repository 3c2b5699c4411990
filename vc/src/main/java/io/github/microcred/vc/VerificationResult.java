package io.github.microcred.vc;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The result of verifying a credential: every check that ran, with its outcome. {@link #verified()} is true only if
 * no check failed and at least one proof passed. Immutable.
 */
public final class VerificationResult {
  private final List<VerificationCheck> checks;

  private VerificationResult(List<VerificationCheck> checks) {
    this.checks = List.copyOf(checks);
  }

  /**
   * Creates a result from its checks.
   *
   * @param checks the checks, in the order they ran
   * @return the result
   */
  public static VerificationResult of(List<VerificationCheck> checks) {
    Objects.requireNonNull(checks, "checks");
    return new VerificationResult(checks);
  }

  /**
   * Whether the credential is verified: no failed check, and at least one {@link CheckName#PROOF} passed.
   *
   * @return the verdict
   */
  public boolean verified() {
    boolean proof = false;
    for (VerificationCheck c : checks) {
      if (c.failed()) {
        return false;
      }
      proof |= c.name() == CheckName.PROOF && c.outcome() == VerificationCheck.Outcome.PASSED;
    }
    return proof;
  }

  /**
   * All checks.
   *
   * @return an unmodifiable list
   */
  public List<VerificationCheck> checks() {
    return checks;
  }

  /**
   * The checks with a given name (several for proof sets).
   *
   * @param name the name
   * @return an unmodifiable list, possibly empty
   */
  public List<VerificationCheck> checks(CheckName name) {
    List<VerificationCheck> out = new ArrayList<>();
    for (VerificationCheck c : checks) {
      if (c.name() == name) {
        out.add(c);
      }
    }
    return List.copyOf(out);
  }

  /**
   * Whether every check with this name passed (and there is at least one).
   *
   * @param name the name
   * @return true if all passed
   */
  public boolean passed(CheckName name) {
    List<VerificationCheck> l = checks(name);
    return !l.isEmpty() && l.stream().allMatch(c -> c.outcome() == VerificationCheck.Outcome.PASSED);
  }

  /**
   * The failed checks.
   *
   * @return an unmodifiable list
   */
  public List<VerificationCheck> failures() {
    return checks.stream().filter(VerificationCheck::failed).collect(java.util.stream.Collectors.toUnmodifiableList());
  }

  /**
   * Returns a copy with one more check (used by status checkers layered on top).
   *
   * @param check the check
   * @return a new result
   */
  public VerificationResult with(VerificationCheck check) {
    List<VerificationCheck> l = new ArrayList<>(checks);
    l.add(check);
    return new VerificationResult(l);
  }

  /**
   * The result as JSON: {@code {"verified":..,"checks":[{"check":..,"outcome":..,"path":..,"message":..}]}}.
   *
   * @return a new JSON object
   */
  public ObjectNode toJson() {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    n.put("verified", verified());
    ArrayNode a = n.putArray("checks");
    for (VerificationCheck c : checks) {
      a.addObject().put("check", c.name().name().toLowerCase(Locale.ROOT))
          .put("outcome", c.outcome().name().toLowerCase(Locale.ROOT)).put("path", c.path())
          .put("message", c.message());
    }
    return n;
  }

  @Override
  public String toString() {
    return toJson().toString();
  }
}
