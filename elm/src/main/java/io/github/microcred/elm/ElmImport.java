package io.github.microcred.elm;

import io.github.microcred.core.Award;
import io.github.microcred.core.Issue;
import io.github.microcred.core.MicroCredential;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of {@link Elm#importCredential}: the micro-credential the claim specifies, its award to the learner (when
 * the learner and the issue date can be held by the core model), and a warning with its JSON path for every value
 * that did not map.
 */
public final class ElmImport {
  private final MicroCredential microCredential;
  private final Award award;
  private final List<Issue> warnings;

  ElmImport(MicroCredential microCredential, Award award, List<Issue> warnings) {
    this.microCredential = Objects.requireNonNull(microCredential, "microCredential");
    this.award = award;
    this.warnings = List.copyOf(warnings);
  }

  /**
   * The micro-credential (the claim's {@code Qualification}).
   *
   * @return the micro-credential
   */
  public MicroCredential microCredential() {
    return microCredential;
  }

  /**
   * The award: learner, issuer, issue and award dates, expiry, grade.
   *
   * @return the award, empty when the learner or the issue date cannot be read (a warning says which)
   */
  public Optional<Award> award() {
    return Optional.ofNullable(award);
  }

  /**
   * Everything that did not map, with its JSON path: core {@link Issue}s of severity warning whose code is an
   * {@link ElmProblemCode} of category {@code CONVERSION} ({@code NOT_CARRIED}, {@code CHANGED}, {@code INVALID_VALUE},
   * {@code SEAL_NOT_CHECKED}) or {@code NOT_IN_VOCABULARY} (a concept outside its EU scheme).
   *
   * @return the warnings
   */
  public List<Issue> warnings() {
    return warnings;
  }
}
