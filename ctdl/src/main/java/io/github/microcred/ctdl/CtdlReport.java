package io.github.microcred.ctdl;

import io.github.microcred.core.ValidationReport;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The result of {@link Ctdl#validate}: every problem found, in document order. A report never stops at the first
 * problem.
 *
 * @param problems all problems, unmodifiable
 */
public record CtdlReport(List<CtdlProblem> problems) {
  /**
   * Copies the list.
   *
   * @param problems the problems
   */
  public CtdlReport {
    problems = List.copyOf(problems);
  }

  /**
   * Whether the document has no problem of severity {@link CtdlSeverity#ERROR}.
   *
   * @return true when valid
   */
  public boolean isValid() {
    return errors().isEmpty();
  }

  /**
   * The problems of severity {@link CtdlSeverity#ERROR}.
   *
   * @return the errors
   */
  public List<CtdlProblem> errors() {
    return problems.stream().filter(p -> p.severity() == CtdlSeverity.ERROR).collect(Collectors.toUnmodifiableList());
  }

  /**
   * The errors against the schema (terms, domains, ranges, concept schemes, CTIDs), without policy findings.
   *
   * @return the schema errors
   */
  public List<CtdlProblem> schemaErrors() {
    return problems.stream()
        .filter(p -> p.severity() == CtdlSeverity.ERROR && p.code().category() != CtdlProblemCode.Category.POLICY)
        .collect(Collectors.toUnmodifiableList());
  }

  /**
   * The problems with the given code.
   *
   * @param code the code
   * @return the matching problems
   */
  public List<CtdlProblem> withCode(CtdlProblemCode code) {
    return problems.stream().filter(p -> p.code() == code).collect(Collectors.toUnmodifiableList());
  }

  /**
   * This report as a core {@link ValidationReport} (see
   * {@link CtdlProblem#toValidationIssue()}); validity is the same.
   *
   * @return the core report
   */
  public ValidationReport toValidationReport() {
    return new ValidationReport(
        problems.stream().map(CtdlProblem::toValidationIssue).collect(Collectors.toUnmodifiableList()));
  }

  @Override
  public String toString() {
    if (problems.isEmpty()) {
      return "valid: no problems";
    }
    StringBuilder sb = new StringBuilder();
    sb.append(isValid() ? "valid" : "INVALID").append(": ").append(errors().size()).append(" error(s), ")
        .append(problems.size() - errors().size()).append(" other finding(s)\n");
    for (CtdlProblem p : problems) {
      sb.append("  ").append(p).append('\n');
    }
    return sb.toString();
  }
}
