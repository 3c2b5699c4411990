package io.github.microcred.vc;

import java.util.Objects;

/**
 * The outcome of one check.
 *
 * @param name which check
 * @param outcome passed, failed or not applicable
 * @param path the JSON path the check concerns, e.g. {@code $} or {@code $.proof[1]}
 * @param message a human-readable explanation (why it failed, or what passed)
 */
public record VerificationCheck(CheckName name, Outcome outcome, String path, String message) {
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
   * @param message see the record description
   */
  public VerificationCheck {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
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
    return new VerificationCheck(name, Outcome.PASSED, path, message);
  }

  /**
   * A failed check.
   *
   * @param name the check
   * @param path the path
   * @param message why it failed
   * @return the check
   */
  public static VerificationCheck failed(CheckName name, String path, String message) {
    return new VerificationCheck(name, Outcome.FAILED, path, message);
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
    return new VerificationCheck(name, Outcome.NOT_APPLICABLE, path, message);
  }

  /**
   * Whether the outcome is {@link Outcome#FAILED}.
   *
   * @return true if failed
   */
  public boolean failed() {
    return outcome == Outcome.FAILED;
  }
}
