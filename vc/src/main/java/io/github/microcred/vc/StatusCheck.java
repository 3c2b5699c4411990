package io.github.microcred.vc;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * Checks a credential's {@code credentialStatus} (e.g. Bitstring Status List). Plugged into
 * {@link VerifyOperation#withStatus(StatusCheck)}; it must not throw for bad input but return a
 * {@link CheckName#STATUS} check that failed.
 */
@FunctionalInterface
public interface StatusCheck {
  /**
   * Checks the status.
   *
   * @param credential a copy of the credential (only called after the proof verified)
   * @param now the verification time
   * @return a check named {@link CheckName#STATUS}
   */
  VerificationCheck check(ObjectNode credential, Instant now);
}
