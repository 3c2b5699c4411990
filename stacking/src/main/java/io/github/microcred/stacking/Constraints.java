package io.github.microcred.stacking;

import io.github.microcred.stacking.internal.Amounts;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * Qualification-wide constraints, evaluated over the credentials that count (are assigned to a requirement).
 *
 * @param totalCredits minimum total counted credits; zero for none
 * @param minResidence minimum counted credits of {@link Origin#RESIDENT} origin; zero for none
 * @param validityYears credits issued more than this many years before the audit date are expired; 0 for none
 * @param caps upper limits
 */
public record Constraints(BigDecimal totalCredits, BigDecimal minResidence, int validityYears, List<Cap> caps) {

  /** No constraints. */
  public static final Constraints NONE = new Constraints(BigDecimal.ZERO, BigDecimal.ZERO, 0, List.of());

  /** Validates and copies. */
  public Constraints {
    totalCredits = Amounts.norm(totalCredits);
    minResidence = Amounts.norm(minResidence);
    caps = List.copyOf(caps);
  }
}
