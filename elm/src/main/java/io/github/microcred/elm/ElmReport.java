package io.github.microcred.elm;

import java.util.List;
import java.util.Objects;

/**
 * The result of {@link Elm#check(String)}: every problem found, in document order.
 */
public final class ElmReport {
  private final List<ElmProblem> problems;

  ElmReport(List<ElmProblem> problems) {
    this.problems = List.copyOf(Objects.requireNonNull(problems, "problems"));
  }

  /**
   * Every problem.
   *
   * @return the problems, unmodifiable
   */
  public List<ElmProblem> problems() {
    return problems;
  }

  /**
   * The problems with a given code.
   *
   * @param code the code
   * @return those problems
   */
  public List<ElmProblem> problems(ElmProblemCode code) {
    return problems.stream().filter(p -> p.code() == code).toList();
  }

  /**
   * Whether every mandatory Annex I element is present (no {@link ElmSeverity#ERROR}).
   *
   * @return true when complete
   */
  public boolean complete() {
    return problems.stream().noneMatch(p -> p.severity() == ElmSeverity.ERROR);
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder(complete() ? "Annex I complete" : "Annex I incomplete");
    for (ElmProblem p : problems) {
      s.append("\n  ").append(p);
    }
    return s.toString();
  }
}
