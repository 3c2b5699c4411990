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
 */
public record RequirementStatus(String path, Requirement.Kind kind, boolean satisfied, BigDecimal required,
    BigDecimal applied, BigDecimal missing, List<String> toClose) {
  /** Validates and copies. */
  public RequirementStatus {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(required, "required");
    Objects.requireNonNull(applied, "applied");
    Objects.requireNonNull(missing, "missing");
    toClose = List.copyOf(toClose);
  }
}
