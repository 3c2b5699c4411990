package io.github.microcred.core;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The result of a validation: every problem found, not only the first.
 *
 * @param issues the issues, in document order
 */
public record ValidationReport(List<ValidationIssue> issues) {

  /** Copies. */
  public ValidationReport {
    issues = List.copyOf(issues);
  }

  /**
   * Whether there is no error (warnings allowed).
   *
   * @return true if valid
   */
  public boolean isValid() {
    return errors().isEmpty();
  }

  /**
   * The errors.
   *
   * @return the errors
   */
  public List<ValidationIssue> errors() {
    return issues.stream().filter(i -> i.severity() == ValidationIssue.Severity.ERROR).toList();
  }

  /**
   * The warnings.
   *
   * @return the warnings
   */
  public List<ValidationIssue> warnings() {
    return issues.stream().filter(i -> i.severity() == ValidationIssue.Severity.WARNING).toList();
  }

  /**
   * Whether an issue with the code is present.
   *
   * @param code the code
   * @return true if present
   */
  public boolean has(String code) {
    return issues.stream().anyMatch(i -> i.code().equals(code));
  }

  /**
   * A readable multi-line summary.
   *
   * @return the text
   */
  public String summary() {
    if (issues.isEmpty()) {
      return "valid: no problems found";
    }
    return (isValid() ? "valid" : "INVALID") + ": " + errors().size() + " error(s), " + warnings().size()
        + " warning(s)\n" + issues.stream().map(i -> "  " + i).collect(Collectors.joining("\n"));
  }
}
