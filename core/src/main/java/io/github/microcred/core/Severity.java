package io.github.microcred.core;

/** How serious an {@link Issue} is; the one severity scale of every microcred module. */
public enum Severity {
  /** The document is invalid (or a requirement is not met): a receiver would reject it. */
  ERROR,
  /** Valid, but a recommendation is not followed, or a legacy or undeclared shape is used or was normalised. */
  WARNING,
  /** Informational only, e.g. a term whose status in its schema is unstable. */
  INFO
}
