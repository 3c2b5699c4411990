package io.github.microcred.vc.internal.verify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.CheckName;
import io.github.microcred.vc.StatusCheck;
import io.github.microcred.vc.VerificationCheck;
import io.github.microcred.vc.VerificationCode;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * The status check shared by every verifier. Whether a credential has a status is decided on signed data (for Data
 * Integrity: the signed graph has {@code cred:credentialStatus}); then it fails closed without a
 * {@link StatusCheck}, is not run when the proof failed, and a checker that throws, returns something other than
 * a {@link CheckName#STATUS} check, or answers "not applicable" (it reads another status kind) fails it.
 */
public final class StatusGate {
  private StatusGate() {}

  /**
   * Runs the gate.
   *
   * @param signedHasStatus whether the signed data has a credential status
   * @param path the path of the status member, for messages
   * @param status the configured check, or null
   * @param proofOk whether the proof (and key binding) verified
   * @param signedProblem why the signed status entries cannot be trusted (JSON and signed data disagree), or null
   * @param credential the credential handed to the check (its status members proven equal to the signed data)
   * @param now the verification time
   * @return the check
   */
  public static VerificationCheck check(boolean signedHasStatus, String path, StatusCheck status, boolean proofOk,
      String signedProblem, Supplier<ObjectNode> credential, Instant now) {
    if (!signedHasStatus) {
      return VerificationCheck.notApplicable(CheckName.STATUS, path, "no credentialStatus");
    }
    if (status == null) {
      return VerificationCheck.failed(CheckName.STATUS, path, VerificationCode.STATUS_NOT_CHECKED,
          "credentialStatus present but no status checker configured (fails closed)");
    }
    if (!proofOk) {
      return VerificationCheck.failed(CheckName.STATUS, path, VerificationCode.STATUS_NOT_CHECKED,
          "not checked: the proof did not verify");
    }
    if (signedProblem != null) {
      return VerificationCheck.failed(CheckName.STATUS, path, VerificationCode.STATUS_NOT_CHECKED,
          "not checked: " + signedProblem);
    }
    VerificationCheck c;
    try {
      c = status.check(credential.get(), now);
    } catch (RuntimeException e) {
      c = VerificationCheck.failed(CheckName.STATUS, path, VerificationCode.STATUS_NOT_CHECKED,
          "status checker failed: " + e);
    }
    if (c == null || c.name() != CheckName.STATUS) {
      return VerificationCheck.failed(CheckName.STATUS, path, VerificationCode.STATUS_NOT_CHECKED,
          "status checker returned no STATUS check");
    }
    // the signed data has a status: a checker that finds nothing to read in it has not checked it
    return c.outcome() == VerificationCheck.Outcome.NOT_APPLICABLE ? VerificationCheck.failed(CheckName.STATUS, path,
        VerificationCode.STATUS_NOT_CHECKED,
        "the status checker does not read this status (" + c.message() + "); fails closed") : c;
  }
}
