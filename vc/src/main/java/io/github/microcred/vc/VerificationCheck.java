package io.github.microcred.vc;

import io.github.microcred.core.Code;
import io.github.microcred.core.Issue;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one check.
 *
 * @param name which check
 * @param outcome passed, failed or not applicable
 * @param path the JSON path the check concerns, e.g. {@code $} or {@code $.proof[1]}
 * @param code why the check failed: a {@link VerificationCode} (Data Integrity credentials and presentations,
 *     status checks, nested credentials), a {@link io.github.microcred.vc.jose.JwtRejection} ({@code vc+jwt},
 *     {@code vp+jwt}) or an {@link io.github.microcred.vc.sdjwt.SdJwtRejection} (SD-JWT VC); {@link
 *     VerificationCode#NONE} exactly when the check did not fail
 * @param message a human-readable explanation (why it failed, or what passed)
 */
public record VerificationCheck(CheckName name, Outcome outcome, String path, Code code, String message) {
  /** Check outcomes. */
  public enum Outcome {
    /** The check passed. */
    PASSED,
    /** The check failed: the credential is not verified. */
    FAILED,
    /** The check does not apply (e.g. no {@code credentialStatus}); does not fail verification. */
    NOT_APPLICABLE
  }

  /**
   * Validates the members.
   *
   * @param name see the record description
   * @param outcome see the record description
   * @param path see the record description
   * @param code see the record description
   * @param message see the record description
   * @throws IllegalArgumentException if a failed check has the code {@link VerificationCode#NONE}, or a check that
   *     did not fail has another code
   */
  public VerificationCheck {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
    if ((outcome == Outcome.FAILED) == (code == VerificationCode.NONE)) {
      throw new IllegalArgumentException(outcome == Outcome.FAILED
          ? "a failed check needs a failure code, not NONE" : "a " + outcome + " check has the code NONE, not "
              + code.name());
    }
  }

  /**
   * A passed check.
   *
   * @param name the check
   * @param path the path
   * @param message the message
   * @return the check
   */
  public static VerificationCheck passed(CheckName name, String path, String message) {
    return new VerificationCheck(name, Outcome.PASSED, path, VerificationCode.NONE, message);
  }

  /**
   * A failed check.
   *
   * @param name the check
   * @param path the path
   * @param code why it failed (not {@link VerificationCode#NONE})
   * @param message why it failed, for a person
   * @return the check
   */
  public static VerificationCheck failed(CheckName name, String path, Code code, String message) {
    return new VerificationCheck(name, Outcome.FAILED, path, code, message);
  }

  /**
   * A check that does not apply.
   *
   * @param name the check
   * @param path the path
   * @param message why it does not apply
   * @return the check
   */
  public static VerificationCheck notApplicable(CheckName name, String path, String message) {
    return new VerificationCheck(name, Outcome.NOT_APPLICABLE, path, VerificationCode.NONE, message);
  }

  /**
   * Whether the outcome is {@link Outcome#FAILED}.
   *
   * @return true if failed
   */
  public boolean failed() {
    return outcome == Outcome.FAILED;
  }

  /**
   * This check as the core problem type, when it failed: {@code Issue(path, code, ERROR, message)}.
   *
   * @return the issue, or empty when the check did not fail
   */
  public Optional<Issue> toIssue() {
    return failed() ? Optional.of(Issue.error(path, code, message)) : Optional.empty();
  }
}
