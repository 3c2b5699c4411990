package io.github.microcred.stacking;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of one requirement node.
 *
 * @param path stable path of the node
 * @param kind node kind
 * @param satisfied whether it is met
 * @param required for leaves the credits or count required, for combinators the number of children required
 * @param applied for leaves the credits or count applied, for combinators the number of children met
 * @param missing {@code required - applied} when unmet, else zero
 * @param toClose what would close it: for a leaf a sentence such as {@code "6 more ECTS"}, for a combinator the paths
 *     of its unmet children, any {@code missing} of which would do
 * @param held for an unmet leaf, the learner's credentials that this requirement accepts but that do not count
 *     toward it, each with where it went instead and what would free it (empty for met requirements and combinators);
 *     at most {@link #HELD_LIMIT}, in transcript order
 * @param heldOmitted how many more such credentials there are beyond {@code held}
 */
public record RequirementStatus(String path, Requirement.Kind kind, boolean satisfied, BigDecimal required,
    BigDecimal applied, BigDecimal missing, List<String> toClose, List<Held> held, int heldOmitted) {
  /** The most held credentials listed per requirement; the others are counted in {@code heldOmitted}. */
  public static final int HELD_LIMIT = 10;

  /** Validates and copies. */
  public RequirementStatus {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(required, "required");
    Objects.requireNonNull(applied, "applied");
    Objects.requireNonNull(missing, "missing");
    toClose = List.copyOf(toClose);
    held = List.copyOf(held);
    if (heldOmitted < 0) {
      throw new IllegalArgumentException("heldOmitted must be >= 0, got " + heldOmitted);
    }
  }

  /**
   * A status without held-credential explanations.
   *
   * @param path see the record description
   * @param kind see the record description
   * @param satisfied see the record description
   * @param required see the record description
   * @param applied see the record description
   * @param missing see the record description
   * @param toClose see the record description
   */
  public RequirementStatus(String path, Requirement.Kind kind, boolean satisfied, BigDecimal required,
      BigDecimal applied, BigDecimal missing, List<String> toClose) {
    this(path, kind, satisfied, required, applied, missing, toClose, List.of(), 0);
  }

  /**
   * A credential the learner holds that an unmet requirement accepts, but that does not count toward it, derived from
   * the audit's assignment (never guessed).
   *
   * @param credentialId the credential
   * @param countsToward the requirement paths (leaves) it was assigned to instead; empty when it counts toward none
   *     (left out by a cap, or excluded before the assignment)
   * @param explanation one sentence: where it went and what would free it, e.g. {@code "data-literacy-101 counts
   *     toward $/methods; it could count here if $/methods were met by other credentials (without it $/methods would
   *     be short by 1 credential)"}
   */
  public record Held(String credentialId, List<String> countsToward, String explanation) {
    /** Validates and copies. */
    public Held {
      Objects.requireNonNull(credentialId, "credentialId");
      Objects.requireNonNull(explanation, "explanation");
      countsToward = List.copyOf(countsToward);
    }
  }
}
