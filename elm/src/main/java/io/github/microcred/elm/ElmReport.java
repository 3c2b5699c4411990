package io.github.microcred.elm;

import io.github.microcred.core.Issue;
import io.github.microcred.core.Severity;
import java.util.List;
import java.util.Objects;

/**
 * The result of {@link Elm#check(String)}: every problem found, in document order, as core {@link Issue}s with an
 * {@link ElmProblemCode} ({@link Severity#ERROR} for a missing mandatory element or a document that is not EDC,
 * {@link Severity#WARNING} for a microcred concept, {@link Severity#INFO} for an absent optional element).
 */
public final class ElmReport {
  private final List<Issue> problems;

  ElmReport(List<Issue> problems) {
    this.problems = List.copyOf(Objects.requireNonNull(problems, "problems"));
  }

  /**
   * Every problem.
   *
   * @return the problems, unmodifiable
   */
  public List<Issue> problems() {
    return problems;
  }

  /**
   * The problems with a given code.
   *
   * @param code the code
   * @return those problems
   */
  public List<Issue> problems(ElmProblemCode code) {
    return problems.stream().filter(p -> p.code() == code).toList();
  }

  /**
   * Whether the credential passes the check: every mandatory Annex I element is present (no {@link Severity#ERROR}).
   * The verdict word of every report type ({@code ValidationReport}, {@code CtdlReport}, {@code ElmReport}).
   *
   * @return true when no problem is an error
   */
  public boolean valid() {
    return problems.stream().noneMatch(p -> p.severity() == Severity.ERROR);
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder(valid() ? "Annex I complete" : "Annex I incomplete");
    for (Issue p : problems) {
      s.append("\n  ").append(p);
    }
    return s.toString();
  }
}
