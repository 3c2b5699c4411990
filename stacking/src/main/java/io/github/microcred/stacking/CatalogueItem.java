package io.github.microcred.stacking;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Set;

/**
 * A micro-credential on offer, for the planner.
 *
 * @param credential what the learner would hold after completing it (credits, level, provider, subjects, ...)
 * @param hours learning hours
 * @param cost price
 * @param prerequisites identifiers of items (or held credentials) required first
 */
public record CatalogueItem(Credential credential, BigDecimal hours, BigDecimal cost, Set<String> prerequisites) {
  /** Validates and copies. */
  public CatalogueItem {
    Objects.requireNonNull(credential, "credential");
    Objects.requireNonNull(hours, "hours");
    Objects.requireNonNull(cost, "cost");
    prerequisites = Set.copyOf(prerequisites);
    if (hours.signum() < 0 || cost.signum() < 0) {
      throw new IllegalArgumentException("item " + credential.id() + ": hours and cost must be >= 0");
    }
  }

  /**
   * The item's identifier.
   *
   * @return the credential id
   */
  public String id() {
    return credential.id();
  }
}
