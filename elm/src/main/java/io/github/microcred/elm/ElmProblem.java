package io.github.microcred.elm;

import io.github.microcred.core.Issue;
import io.github.microcred.core.Severity;
import java.util.Objects;

/**
 * One problem found in an ELM document by {@link Elm#check(String)}.
 *
 * @param path the JSON path of the offending (or missing) value, e.g.
 *     {@code $.credentialSubject.hasClaim[0].specifiedBy.learningOutcome}
 * @param code what kind of problem it is
 * @param severity how serious it is
 * @param message a human-readable explanation naming the Annex I element and what was expected
 */
public record ElmProblem(String path, ElmProblemCode code, ElmSeverity severity, String message) {
  /**
   * Checks the components.
   *
   * @param path the JSON path
   * @param code the code
   * @param severity the severity
   * @param message the message
   */
  public ElmProblem {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
  }

  /**
   * The same problem as a core {@link Issue}, so that elm findings can be reported next to core validation: the
   * code is kept, {@link ElmSeverity#INFO} becomes a warning.
   *
   * @return the issue
   */
  public Issue toValidationIssue() {
    return new Issue(path, code, severity == ElmSeverity.ERROR ? Severity.ERROR : Severity.WARNING, message);
  }

  @Override
  public String toString() {
    return severity + " " + code + " at " + path + ": " + message;
  }
}
