package io.github.microcred.core;

/**
 * Oliver's "complexity of main assessment task", a 7-step scale (Oliver 2019, p. 25), lowest first.
 */
public enum AssessmentComplexity {
  /** No assessment (no rating). */
  NO_ASSESSMENT,
  /** Testing recall of facts. */
  RECALL_OF_FACTS,
  /** Application of a skill to a routine problem. */
  SKILL_TO_ROUTINE_PROBLEM,
  /** Application of a skill to a complex problem. */
  SKILL_TO_COMPLEX_PROBLEM,
  /** Application of multiple skills to routine problems. */
  MULTIPLE_SKILLS_TO_ROUTINE_PROBLEMS,
  /** Application of multiple skills to complex problems. */
  MULTIPLE_SKILLS_TO_COMPLEX_PROBLEMS,
  /** Portfolio and reflective evidence for validation of proficiency. */
  REFLECTIVE_PORTFOLIO
}
