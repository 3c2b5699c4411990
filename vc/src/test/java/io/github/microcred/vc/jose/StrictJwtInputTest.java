package io.github.microcred.vc.jose;

import static io.github.microcred.vc.jose.JwtTestSupport.b64;
import static io.github.microcred.vc.jose.JwtTestSupport.credential;
import static io.github.microcred.vc.jose.JwtTestSupport.header;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.microcred.vc.KeyPair;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, strict input on the JWT path: header and payload are read with the module's strict reader, so the
 * duplicate keys that a last-wins parser would resolve silently, content after the JSON, invalid UTF-8 and
 * oversized payloads are refused, even under a valid signature.
 */
class StrictJwtInputTest {
  private static final KeyPair KEY = JwtAttackTest.ISSUER;

  /** Signs the exact header and payload bytes. */
  private static String sign(byte[] header, byte[] payload) {
    String input = b64(header) + "." + b64(payload);
    return input + "." + b64(KEY.sign(input.getBytes(StandardCharsets.US_ASCII)));
  }

  private static String sign(String header, String payload) {
    return sign(header.getBytes(StandardCharsets.UTF_8), payload.getBytes(StandardCharsets.UTF_8));
  }

  private static JwtVerification verify(String jwt) {
    return VcJwt.verify(jwt).withClock(JwtAttackTest.NOW).get();
  }

  private static String hdr() {
    return header("EdDSA", JwtAttackTest.ISSUER_KID).toString();
  }

  private static String pl() {
    return credential(JwtAttackTest.ISSUER_DID).toString();
  }

  private static void refused(JwtVerification v, JwtRejection why, String reason) {
    assertFalse(v.verified(), v.toString());
    assertTrue(v.rejectedFor(why), v.toString());
    assertTrue(v.result().checks().stream().anyMatch(c -> c.failed() && c.message().contains(reason)),
        v.result().toString());
  }

  @Test
  void theUntamperedTokenVerifies() {
    assertTrue(verify(sign(hdr(), pl())).verified(), verify(sign(hdr(), pl())).toString());
  }

  @Test
  void duplicateKeysInThePayloadAreRefused() {
    // a last-wins parser would read the second validUntil, a first-wins one the first
    String p = pl();
    String dup = p.substring(0, p.length() - 1) + ",\"validUntil\":\"2020-01-01T00:00:00Z\","
        + "\"validUntil\":\"2999-01-01T00:00:00Z\"}";
    refused(verify(sign(hdr(), dup)), JwtRejection.MALFORMED, "duplicate key 'validUntil'");
    String dupIssuer = p.substring(0, p.length() - 1) + ",\"issuer\":\"did:example:mallory\"}";
    refused(verify(sign(hdr(), dupIssuer)), JwtRejection.MALFORMED, "duplicate key 'issuer'");
  }

  @Test
  void duplicateKeysInTheHeaderAreRefused() {
    String h = hdr();
    String dup = h.substring(0, h.length() - 1) + ",\"alg\":\"none\"}";
    refused(verify(sign(dup, pl())), JwtRejection.MALFORMED, "duplicate key 'alg'");
  }

  @Test
  void contentAfterThePayloadIsRefused() {
    refused(verify(sign(hdr(), pl() + "{\"issuer\":\"did:example:mallory\"}")), JwtRejection.MALFORMED,
        "content after the end of the JSON value");
  }

  @Test
  void invalidUtf8InThePayloadIsRefused() {
    byte[] p = pl().replace("Ada", "A_a").getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < p.length; i++) {
      if (p[i] == '_') {
        p[i] = (byte) 0xFF;
      }
    }
    refused(verify(sign(hdr().getBytes(StandardCharsets.UTF_8), p)), JwtRejection.MALFORMED, "invalid UTF-8");
  }

  @Test
  void anOversizedPayloadIsRefusedBeforeItIsDecoded() {
    String p = pl();
    String big = p.substring(0, p.length() - 1) + ",\"description\":\"" + "x".repeat(8 << 20) + "\"}";
    refused(verify(sign(hdr(), big)), JwtRejection.TOO_LARGE, "characters; at most");
    // one byte over the limit once decoded
    String edge = p.substring(0, p.length() - 1) + ",\"description\":\""
        + "x".repeat((4 << 20) - p.length() - 16) + "\"}";
    refused(verify(sign(hdr(), edge)), JwtRejection.TOO_LARGE, "4194304");
  }
}
