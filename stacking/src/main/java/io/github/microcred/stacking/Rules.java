package io.github.microcred.stacking;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.core.CreditUnit;
import io.github.microcred.core.Issue;
import io.github.microcred.stacking.internal.RulesJson;
import io.github.microcred.stacking.internal.RulesValidator;
import io.github.microcred.stacking.internal.Units;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The requirements of a qualification: a requirement tree, named definitions, global constraints and double-counting
 * whitelists, with every credit amount in one {@code unit}. Obtain validated rules from {@link #builder(String)} or
 * {@link #fromJson(String)}; the JSON form is described by the schema resource
 * {@code /io/github/microcred/stacking/rules.schema.json}.
 *
 * @param id identifier of the qualification
 * @param title human-readable title
 * @param unit the credit unit of every amount in the rules; credentials are converted to it through the core
 *     {@link io.github.microcred.core.CreditConversions} policy
 * @param root the requirement tree
 * @param definitions named requirements that {@code ref} nodes point to
 * @param constraints global constraints
 * @param doubleCounting whitelists of requirements that may share credentials
 */
public record Rules(String id, String title, CreditUnit unit, Requirement root, Map<String, Requirement> definitions,
    Constraints constraints, List<DoubleCount> doubleCounting) {

  /** The classpath location of the published JSON Schema of the rule language. */
  public static final String SCHEMA_RESOURCE = "/io/github/microcred/stacking/rules.schema.json";

  /** Copies. Use {@link #validated()} or the builder to obtain checked rules. */
  public Rules {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(root, "root");
    definitions = Collections.unmodifiableMap(new LinkedHashMap<>(definitions));
    Objects.requireNonNull(constraints, "constraints");
    doubleCounting = List.copyOf(doubleCounting);
  }

  /**
   * Checks the rules: unknown references, cyclic references, {@code nOf} with n greater than its children, negative
   * amounts, duplicate ids, whitelists naming unknown requirements, bad caps.
   *
   * @return every problem found, each an error {@link Issue} with a {@link StackingIssueCode} and the path to the
   *     fault; empty when the rules are valid
   */
  public List<Issue> problems() {
    return RulesValidator.problems(this);
  }

  /**
   * Returns these rules after checking them.
   *
   * @return this
   * @throws StackingException {@link StackingErrorCode#RULES_INVALID} listing every fault with its path
   */
  public Rules validated() throws StackingException {
    List<Issue> p = problems();
    if (!p.isEmpty()) {
      throw new StackingException(StackingErrorCode.RULES_INVALID, RulesValidator.describe(p));
    }
    return this;
  }

  /**
   * Parses and validates rules in the JSON rule language.
   *
   * @param json the JSON text
   * @return the rules
   * @throws StackingException {@link StackingErrorCode#RULES_INVALID} naming the JSON path of every fault
   */
  public static Rules fromJson(String json) throws StackingException {
    return RulesJson.read(json).validated();
  }

  /**
   * The rules in the JSON rule language, read back by {@link #fromJson(String)}; {@code toPrettyString()} of the tree is
   * the indented text, {@code toString()} the compact one.
   *
   * @return a new tree, owned by the caller
   */
  public ObjectNode toJson() {
    return RulesJson.write(this);
  }

  /**
   * Starts a fluent builder.
   *
   * @param id the qualification id
   * @return the builder
   */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  /** Fluent builder for {@link Rules}. */
  public static final class Builder {
    private final String id;
    private String title = "";
    private CreditUnit unit = CreditUnit.ECTS;
    private Requirement root;
    private final Map<String, Requirement> definitions = new LinkedHashMap<>();
    private BigDecimal totalCredits = BigDecimal.ZERO;
    private BigDecimal minResidence = BigDecimal.ZERO;
    private int validityYears;
    private final List<Cap> caps = new ArrayList<>();
    private final List<DoubleCount> doubleCounting = new ArrayList<>();

    private Builder(String id) {
      this.id = id;
    }

    /**
     * Sets the title.
     *
     * @param v title
     * @return this
     */
    public Builder title(String v) {
      title = v;
      return this;
    }

    /**
     * Sets the credit unit of all amounts by name ({@code ECTS}, {@code SCH}, ...).
     *
     * @param v unit name
     * @return this
     * @throws IllegalArgumentException for an unknown unit
     */
    public Builder unit(String v) {
      unit = Units.parse(v);
      return this;
    }

    /**
     * Sets the credit unit of all amounts.
     *
     * @param v unit
     * @return this
     */
    public Builder unit(CreditUnit v) {
      unit = v;
      return this;
    }

    /**
     * Sets the requirement tree.
     *
     * @param v root requirement
     * @return this
     */
    public Builder requirement(Requirement v) {
      root = v;
      return this;
    }

    /**
     * Adds a named definition.
     *
     * @param name name
     * @param v requirement
     * @return this
     */
    public Builder define(String name, Requirement v) {
      definitions.put(name, v);
      return this;
    }

    /**
     * Sets the total credit minimum.
     *
     * @param v credits
     * @return this
     */
    public Builder totalCredits(double v) {
      totalCredits = BigDecimal.valueOf(v);
      return this;
    }

    /**
     * Sets the total credit minimum, exactly.
     *
     * @param v credits
     * @return this
     */
    public Builder totalCredits(BigDecimal v) {
      totalCredits = Objects.requireNonNull(v, "v");
      return this;
    }

    /**
     * Sets the minimum credits in residence.
     *
     * @param v credits
     * @return this
     */
    public Builder minResidence(double v) {
      minResidence = BigDecimal.valueOf(v);
      return this;
    }

    /**
     * Sets the credit validity window.
     *
     * @param years years
     * @return this
     */
    public Builder validityYears(int years) {
      validityYears = years;
      return this;
    }

    /**
     * Adds a cap.
     *
     * @param cap the cap
     * @return this
     */
    public Builder cap(Cap cap) {
      caps.add(cap);
      return this;
    }

    /**
     * Allows the named requirements to share credentials.
     *
     * @param requirements requirement ids or paths
     * @return this
     */
    public Builder allowDoubleCounting(String... requirements) {
      doubleCounting.add(new DoubleCount(Set.of(requirements), Set.of()));
      return this;
    }

    /**
     * Adds a double-counting whitelist entry.
     *
     * @param v the entry
     * @return this
     */
    public Builder allowDoubleCounting(DoubleCount v) {
      doubleCounting.add(v);
      return this;
    }

    /**
     * Builds and validates.
     *
     * @return the rules
     * @throws StackingException {@link StackingErrorCode#RULES_INVALID} naming the path to every fault
     */
    public Rules build() throws StackingException {
      if (root == null) {
        throw new StackingException(StackingErrorCode.RULES_INVALID, "$: no requirement set");
      }
      return new Rules(id, title, unit, root, definitions,
          new Constraints(totalCredits, minResidence, validityYears, caps), doubleCounting).validated();
    }
  }
}
