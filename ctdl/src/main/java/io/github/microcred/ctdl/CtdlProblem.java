package io.github.microcred.ctdl;

import io.github.microcred.core.Issue;
import io.github.microcred.core.Severity;
import java.util.Objects;

/**
 * One problem found in a CTDL document.
 *
 * @param path the JSON path of the offending value, e.g. {@code $['@graph'][0]['ceterms:creditValue']}
 * @param code what kind of problem it is
 * @param severity how serious it is
 * @param message a human-readable explanation naming what was expected
 */
public record CtdlProblem(String path, CtdlProblemCode code, CtdlSeverity severity, String message) {
  /**
   * Checks the components.
   *
   * @param path the JSON path
   * @param code the code
   * @param severity the severity
   * @param message the message
   */
  public CtdlProblem {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
  }

  /**
   * The same problem as a core {@link Issue}, so that ctdl findings can be reported next to core validation: the
   * code is kept, {@link CtdlSeverity#INFO} becomes a warning.
   *
   * @return the issue
   */
  public Issue toValidationIssue() {
    return new Issue(path, code, severity == CtdlSeverity.ERROR ? Severity.ERROR : Severity.WARNING, message);
  }

  @Override
  public String toString() {
    return severity + " " + code + " at " + path + ": " + message;
  }
}
