package io.github.microcred.core;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The size class of a micro-credential, derived from its required effort in hours. The bands are inclusive:
 * skill credential 4–12 h, micro-credential module 25–150 h, short learning programme 150–1,500 h (a value of
 * exactly 150 h is a module). Hours outside every band (under 4, between 12 and 25, over 1,500) give no kind.
 */
public enum Kind {
  /** A skill credential: 4 to 12 hours. */
  SKILL_CREDENTIAL(4, 12),
  /** A micro-credential module: 25 to 150 hours. */
  MICRO_CREDENTIAL_MODULE(25, 150),
  /** A short learning programme: more than 150 up to 1,500 hours. */
  SHORT_LEARNING_PROGRAMME(150, 1500);

  private final int minHours;
  private final int maxHours;

  Kind(int minHours, int maxHours) {
    this.minHours = minHours;
    this.maxHours = maxHours;
  }

  /**
   * The band's lower bound in hours.
   *
   * @return hours
   */
  public int minHours() {
    return minHours;
  }

  /**
   * The band's upper bound in hours (inclusive).
   *
   * @return hours
   */
  public int maxHours() {
    return maxHours;
  }

  /**
   * Derives the kind from hours.
   *
   * @param hours the required effort
   * @return the kind, or empty when the hours fall outside every band
   */
  public static Optional<Kind> fromHours(BigDecimal hours) {
    for (Kind k : values()) {
      if (hours.compareTo(BigDecimal.valueOf(k.minHours)) >= 0 && hours.compareTo(BigDecimal.valueOf(k.maxHours)) <= 0) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }
}
