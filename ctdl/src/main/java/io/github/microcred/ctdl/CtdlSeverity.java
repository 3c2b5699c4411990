package io.github.microcred.ctdl;

/** How serious a {@link CtdlProblem} is. */
public enum CtdlSeverity {
  /** The graph breaks the CTDL schema or a required rule of the minimum-data policy: the Registry would reject it. */
  ERROR,
  /** The graph is legal but misses a recommended property, or uses a legacy or undeclared shape. */
  WARNING,
  /** Informational: e.g. a term whose status in the schema is {@code vs:unstable}. */
  INFO
}
