package io.github.microcred.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How the learning outcomes are assessed: EU Annex I "type of assessment", a description, Oliver's complexity of
 * the main task and the rubric of a rubric-based assessment; the JSON object {@code assessment} of a
 * micro-credential ({@code $.assessment.types} in validation paths).
 *
 * <p>Immutable. Build with {@link #of(AssessmentType...)} and the {@code with…} methods:
 * {@code Assessment.of(AssessmentType.PROJECT).withDescription("Graded project")}.
 *
 * @param types the type(s) of assessment, possibly empty
 * @param description a description of the assessment, if given
 * @param complexity the complexity of the main assessment task, if given
 * @param rubric the rubric, if the assessment is rubric-based
 */
public record Assessment(List<AssessmentType> types, Optional<String> description,
    Optional<AssessmentComplexity> complexity, Optional<Rubric> rubric) {
  /** No assessment stated. */
  public static final Assessment NONE = new Assessment(List.of(), Optional.empty(), Optional.empty(), Optional.empty());

  /**
   * Validates and copies.
   *
   * @throws NullPointerException when an argument or a type is null
   */
  public Assessment {
    types = List.copyOf(types);
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(complexity, "complexity");
    Objects.requireNonNull(rubric, "rubric");
  }

  /**
   * An assessment of the given types.
   *
   * @param types the types
   * @return the assessment
   */
  public static Assessment of(AssessmentType... types) {
    return new Assessment(List.of(types), Optional.empty(), Optional.empty(), Optional.empty());
  }

  /**
   * This assessment with more types.
   *
   * @param values the types to add
   * @return the assessment
   */
  public Assessment withType(AssessmentType... values) {
    List<AssessmentType> all = new ArrayList<>(types);
    all.addAll(List.of(values));
    return new Assessment(all, description, complexity, rubric);
  }

  /**
   * This assessment with other types.
   *
   * @param values the types, replacing these
   * @return the assessment
   */
  public Assessment withTypes(Collection<? extends AssessmentType> values) {
    return new Assessment(List.copyOf(values), description, complexity, rubric);
  }

  /**
   * This assessment with another description.
   *
   * @param value the description, or null to clear it
   * @return the assessment
   */
  public Assessment withDescription(String value) {
    return new Assessment(types, Optional.ofNullable(value), complexity, rubric);
  }

  /**
   * This assessment with another complexity.
   *
   * @param value the complexity, or null to clear it
   * @return the assessment
   */
  public Assessment withComplexity(AssessmentComplexity value) {
    return new Assessment(types, description, Optional.ofNullable(value), rubric);
  }

  /**
   * This assessment with another rubric.
   *
   * @param value the rubric, or null to clear it
   * @return the assessment
   */
  public Assessment withRubric(Rubric value) {
    return new Assessment(types, description, complexity, Optional.ofNullable(value));
  }

  /**
   * Whether nothing is stated.
   *
   * @return true when empty
   */
  public boolean isEmpty() {
    return types.isEmpty() && description.isEmpty() && complexity.isEmpty() && rubric.isEmpty();
  }
}
