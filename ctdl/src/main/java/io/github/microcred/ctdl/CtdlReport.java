package io.github.microcred.ctdl;

import io.github.microcred.core.Issue;
import io.github.microcred.core.Severity;
import io.github.microcred.core.ValidationReport;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The result of {@link Ctdl#validate}: every problem found, in document order, each an {@link Issue} whose code is a
 * {@link CtdlProblemCode} (read it typed with {@link CtdlProblemCode#of(Issue)}). A report never stops at the first
 * problem.
 *
 * @param problems all problems, unmodifiable
 */
public record CtdlReport(List<Issue> problems) {
  /**
   * Copies the list.
   *
   * @param problems the problems
   */
  public CtdlReport {
    problems = List.copyOf(problems);
  }

  /**
   * The same list under the name every microcred report uses.
   *
   * @return the problems
   */
  public List<Issue> issues() {
    return problems;
  }

  /**
   * Whether the document has no problem of severity {@link Severity#ERROR}.
   *
   * @return true when valid
   */
  public boolean valid() {
    return errors().isEmpty();
  }

  /**
   * The problems of severity {@link Severity#ERROR}.
   *
   * @return the errors
   */
  public List<Issue> errors() {
    return problems.stream().filter(p -> p.severity() == Severity.ERROR).collect(Collectors.toUnmodifiableList());
  }

  /**
   * The errors against the schema (terms, domains, ranges, concept schemes, CTIDs), without policy findings.
   *
   * @return the schema errors
   */
  public List<Issue> schemaErrors() {
    return problems.stream()
        .filter(p -> p.severity() == Severity.ERROR && CtdlProblemCode.of(p).category() != CtdlProblemCode.Category.POLICY)
        .collect(Collectors.toUnmodifiableList());
  }

  /**
   * The problems with the given code.
   *
   * @param code the code
   * @return the matching problems
   */
  public List<Issue> withCode(CtdlProblemCode code) {
    return problems.stream().filter(p -> p.code() == code).collect(Collectors.toUnmodifiableList());
  }

  /**
   * This report as a core {@link ValidationReport}, so that CTDL findings can be reported next to core validation:
   * the same issues (codes, severities, paths); validity is the same.
   *
   * @return the core report
   */
  public ValidationReport toValidationReport() {
    return new ValidationReport(problems);
  }

  @Override
  public String toString() {
    if (problems.isEmpty()) {
      return "valid: no problems";
    }
    StringBuilder sb = new StringBuilder();
    sb.append(valid() ? "valid" : "INVALID").append(": ").append(errors().size()).append(" error(s), ")
        .append(problems.size() - errors().size()).append(" other finding(s)\n");
    for (Issue p : problems) {
      sb.append("  ").append(p).append('\n');
    }
    return sb.toString();
  }
}
