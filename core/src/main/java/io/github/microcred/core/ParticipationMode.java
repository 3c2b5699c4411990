package io.github.microcred.core;

/** EU Annex I "form of participation"; Oliver's "how learner participated". */
public enum ParticipationMode {
  /** Online only. */
  ONLINE,
  /** Onsite only. */
  ONSITE,
  /** Both onsite and online. */
  BLENDED
}
