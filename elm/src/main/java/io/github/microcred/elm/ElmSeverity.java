package io.github.microcred.elm;

/** How serious an {@link ElmProblem} is. */
public enum ElmSeverity {
  /** A mandatory EU Annex I element is missing, or the document is not an EDC credential. */
  ERROR,
  /** A value is present but not in the form EDC's controlled vocabularies expect. */
  WARNING,
  /** An optional Annex I element is absent. */
  INFO
}
