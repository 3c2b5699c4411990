package io.github.microcred.core;

import java.util.Objects;

/**
 * One problem found in a document or a model: the one problem type of every microcred module (core validation,
 * CTDL reports and import warnings, stacking rule problems, verification check failures).
 *
 * @param path where the problem is: a JSON path such as {@code $.workload.credits[0].unit} or
 *     {@code $['@graph'][0]['ceterms:ctid']} ({@code $} for the whole document), or the name of the model element
 *     concerned where there is no document
 * @param code what kind of problem it is, a module's enum constant
 * @param severity how serious it is
 * @param message a human-readable explanation saying what was found and what was expected
 */
public record Issue(String path, Code code, Severity severity, String message) {
  /**
   * Checks the components.
   *
   * @param path the path
   * @param code the code
   * @param severity the severity
   * @param message the message
   */
  public Issue {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
  }

  /**
   * An error.
   *
   * @param path the path
   * @param code the code
   * @param message the message
   * @return the issue
   */
  public static Issue error(String path, Code code, String message) {
    return new Issue(path, code, Severity.ERROR, message);
  }

  /**
   * A warning.
   *
   * @param path the path
   * @param code the code
   * @param message the message
   * @return the issue
   */
  public static Issue warning(String path, Code code, String message) {
    return new Issue(path, code, Severity.WARNING, message);
  }

  /**
   * Whether this issue is an {@link Severity#ERROR}.
   *
   * @return true for an error
   */
  public boolean isError() {
    return severity == Severity.ERROR;
  }

  @Override
  public String toString() {
    return severity + " " + code.name() + " at " + path + ": " + message;
  }
}
