package io.github.microcred.core;

/** EU Annex I "type of assessment": the method(s) by which the learning outcomes are assessed. */
public enum AssessmentType {
  /** Written or oral examination. */
  EXAMINATION,
  /** Automated test or quiz. */
  AUTOMATED_TEST,
  /** Assignment, essay or report. */
  ASSIGNMENT,
  /** Project work. */
  PROJECT,
  /** Portfolio of evidence. */
  PORTFOLIO,
  /** Practical demonstration or performance, observed. */
  PRACTICAL_DEMONSTRATION,
  /** Presentation or oral defence. */
  PRESENTATION,
  /** Assessment by peers. */
  PEER_ASSESSMENT,
  /** Workplace-based assessment. */
  WORKPLACE_ASSESSMENT,
  /** Another method, described in the assessment description. */
  OTHER
}
