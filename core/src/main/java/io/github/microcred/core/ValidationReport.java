package io.github.microcred.core;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The result of a validation: every problem found, not only the first. Its codes are {@link CoreIssueCode}s
 * (other modules' reports converted with their {@code toValidationReport()} carry their own codes).
 *
 * @param issues the issues, in document order
 */
public record ValidationReport(List<Issue> issues) {

  /** Copies. */
  public ValidationReport {
    issues = List.copyOf(issues);
  }

  /**
   * Whether there is no error (warnings allowed). Every report type's verdict is {@code valid()} (core, ctdl, elm), as
   * every verification's is {@code verified()} and every audit's {@code satisfied()}.
   *
   * @return true if valid
   */
  public boolean valid() {
    return errors().isEmpty();
  }

  /**
   * The errors.
   *
   * @return the errors
   */
  public List<Issue> errors() {
    return issues.stream().filter(i -> i.severity() == Severity.ERROR).toList();
  }

  /**
   * The warnings.
   *
   * @return the warnings
   */
  public List<Issue> warnings() {
    return issues.stream().filter(i -> i.severity() == Severity.WARNING).toList();
  }

  /**
   * Whether an issue with the code is present.
   *
   * @param code the code
   * @return true if present
   */
  public boolean has(Code code) {
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
    return (valid() ? "valid" : "INVALID") + ": " + errors().size() + " error(s), " + warnings().size()
        + " warning(s)\n" + issues.stream().map(i -> "  " + i).collect(Collectors.joining("\n"));
  }
}
