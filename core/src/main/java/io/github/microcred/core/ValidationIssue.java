package io.github.microcred.core;

import java.util.Objects;

/**
 * One problem found by validation.
 *
 * @param path the JSON path of the field concerned, e.g. {@code $.workload.credits[0].unit} ({@code $} for the
 *     whole document)
 * @param code a stable, machine-readable code, e.g. {@code MISSING_AWARDING_BODY}
 * @param severity how serious it is
 * @param message a human-readable message saying what was found and what was expected
 */
public record ValidationIssue(String path, String code, Severity severity, String message) {

  /** The severity of an issue. */
  public enum Severity {
    /** The document is invalid. */
    ERROR,
    /** Valid, but a recommendation is not followed. */
    WARNING
  }

  /** Validates. */
  public ValidationIssue {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return severity + " " + code + " at " + path + ": " + message;
  }
}
