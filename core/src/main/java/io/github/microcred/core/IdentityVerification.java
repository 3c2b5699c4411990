package io.github.microcred.core;

/**
 * Supervision and identity verification during assessment: the EU Annex I optional element, graded on
 * Oliver's 6-step auditing and competency verification scale (Oliver 2019, p. 25), weakest first.
 */
public enum IdentityVerification {
  /** Unsupervised, no identity verification. */
  UNSUPERVISED,
  /** Supervised online or onsite, identity not verified. */
  SUPERVISED_IDENTITY_NOT_VERIFIED,
  /** Supervised online, identity verified with one factor. */
  ONLINE_ONE_FACTOR,
  /** Supervised online, identity verified with two factors. */
  ONLINE_TWO_FACTORS,
  /** Supervised onsite, identity verified with one factor. */
  ONSITE_ONE_FACTOR,
  /** Supervised onsite, identity verified with two factors. */
  ONSITE_TWO_FACTORS
}
