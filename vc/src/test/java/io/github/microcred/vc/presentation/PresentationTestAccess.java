package io.github.microcred.vc.presentation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.Cryptosuite;
import io.github.microcred.vc.KeyPair;
import io.github.microcred.vc.VcException;
import java.time.Instant;

/** Test helpers shared with other packages: Data Integrity presentations signed at a given time, with any suite. */
public final class PresentationTestAccess {
  private PresentationTestAccess() {}

  /**
   * Signs a presentation with the key's did:key method ({@code authentication}).
   *
   * @param vp the presentation
   * @param key the holder's key
   * @param suite the cryptosuite
   * @param challenge the challenge
   * @param domain the domain
   * @param created the proof's created time
   * @return the signed presentation
   * @throws VcException when it cannot be canonicalized
   */
  public static ObjectNode sign(JsonNode vp, KeyPair key, Cryptosuite suite, String challenge, String domain,
      Instant created) throws VcException {
    return DataIntegrityPresentations.sign(vp, key, suite, key.publicKey().didKeyVerificationMethod(), challenge,
        domain, created);
  }
}
