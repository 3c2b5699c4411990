package io.github.microcred.core;

/**
 * The learning setting of a micro-credential: whether the learning it certifies took place in formal education and
 * training or outside it, in the terms of the Council Recommendation on the validation of non-formal and informal
 * learning (2012/C 398/01) that ELM's {@code learningSetting} and the EU Vocabularies "learning setting" scheme
 * ({@code http://data.europa.eu/snb/learning-setting/25831c2}) use.
 */
public enum LearningSetting {
  /** Formal learning: organised and structured, in an education or training institution, leading to a qualification. */
  FORMAL,
  /** Non-formal learning: planned activities, with some form of learning support, outside the formal system. */
  NON_FORMAL
}
