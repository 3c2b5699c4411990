package io.github.microcred.stacking;

/** Where the learning behind a credential took place, for residency and prior-learning caps. */
public enum Origin {
  /** Earned with the awarding institution (counts "in residence"). */
  RESIDENT,
  /** Earned with another provider and recognised (transfer credit). */
  EXTERNAL,
  /** Recognised prior learning (RPL / PLA): assessed experience rather than a course. */
  RPL
}
