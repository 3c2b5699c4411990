package io.github.microcred.vc.jose;

import static io.github.microcred.vc.jose.JwtTestSupport.b64;
import static io.github.microcred.vc.jose.JwtTestSupport.credential;
import static io.github.microcred.vc.jose.JwtTestSupport.forge;
import static io.github.microcred.vc.jose.JwtTestSupport.header;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.KeyPair;
import io.github.microcred.vc.KeyType;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The JWT attack suite of issue 4: every forged or stale token is rejected with its named reason. */
class JwtAttackTest {
  static final Clock NOW = Clock.fixed(Instant.parse("2026-06-01T12:00:00Z"), ZoneOffset.UTC);
  static final KeyPair ISSUER = KeyPair.generate(KeyType.ED25519);
  static final KeyPair ATTACKER = KeyPair.generate(KeyType.ED25519);
  static final String ISSUER_DID = did(ISSUER);
  static final String ISSUER_KID = ISSUER.publicKey().didKeyVerificationMethod();

  static String did(KeyPair k) {
    return k.publicKey().didKeyVerificationMethod().split("#")[0];
  }

  static String good() {
    try {
      return VcJwt.sign(credential(ISSUER_DID), ISSUER).withClock(NOW).get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String hs256WithPublicKey() throws Exception {
    ObjectNode h = header("HS256", ISSUER_KID);
    String input = b64(h.toString()) + "." + b64(credential(ISSUER_DID).toString());
    Mac mac = Mac.getInstance("HmacSHA256");
    // the classic confusion: the verifier's *public* key used as the HMAC secret (raw bytes and JWK form)
    mac.init(new SecretKeySpec(ISSUER.publicKey().encoded(), "HmacSHA256"));
    return input + "." + b64(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
  }

  static Stream<Arguments> attacks() throws Exception {
    List<Arguments> cases = new ArrayList<>();
    ObjectNode vc = credential(ISSUER_DID);
    cases.add(Arguments.of("alg none",
        (Supplier<String>) () -> b64(header("none", ISSUER_KID).toString()) + "." + b64(vc.toString()) + ".",
        JwtRejection.ALG_NONE));
    String hs = hs256WithPublicKey();
    cases.add(Arguments.of("HS256 signed with the public key", (Supplier<String>) () -> hs,
        JwtRejection.ALG_NOT_ALLOWED));
    ObjectNode selfAsserted = JwtTestSupport.JSON.createObjectNode().put("alg", "EdDSA").put("typ", "vc+jwt");
    selfAsserted.set("jwk", ATTACKER.publicKey().toJwk());
    cases.add(Arguments.of("jwk header key not owned by the issuer",
        (Supplier<String>) () -> forge(selfAsserted, vc, ATTACKER), JwtRejection.JWK_NOT_ISSUER));
    ObjectNode selfAssertedWithKid = selfAsserted.deepCopy().put("kid", ISSUER_KID);
    cases.add(Arguments.of("jwk header with the issuer's kid but another key",
        (Supplier<String>) () -> forge(selfAssertedWithKid, vc, ATTACKER), JwtRejection.JWK_NOT_ISSUER));
    cases.add(Arguments.of("kid pointing at another DID",
        (Supplier<String>) () -> forge(header("EdDSA", ATTACKER.publicKey().didKeyVerificationMethod()), vc, ATTACKER),
        JwtRejection.KID_NOT_ISSUER));
    ObjectNode crit = header("EdDSA", ISSUER_KID).put("b64", false);
    crit.putArray("crit").add("b64");
    cases.add(Arguments.of("unknown crit", (Supplier<String>) () -> forge(crit, vc, ISSUER),
        JwtRejection.CRIT_UNKNOWN));
    ObjectNode expired = vc.deepCopy().put("validUntil", "2026-05-01T00:00:00Z");
    cases.add(Arguments.of("expired (validUntil)",
        (Supplier<String>) () -> forge(header("EdDSA", ISSUER_KID), expired, ISSUER), JwtRejection.EXPIRED));
    ObjectNode expClaim = vc.deepCopy().put("exp", Instant.parse("2026-06-01T11:00:00Z").getEpochSecond());
    cases.add(Arguments.of("expired (exp)",
        (Supplier<String>) () -> forge(header("EdDSA", ISSUER_KID), expClaim, ISSUER), JwtRejection.EXPIRED));
    ObjectNode future = vc.deepCopy().put("validFrom", "2026-07-01T00:00:00Z");
    cases.add(Arguments.of("not yet valid (validFrom)",
        (Supplier<String>) () -> forge(header("EdDSA", ISSUER_KID), future, ISSUER), JwtRejection.NOT_YET_VALID));
    ObjectNode nbf = vc.deepCopy().put("nbf", Instant.parse("2026-06-01T13:00:00Z").getEpochSecond());
    cases.add(Arguments.of("not yet valid (nbf)",
        (Supplier<String>) () -> forge(header("EdDSA", ISSUER_KID), nbf, ISSUER), JwtRejection.NOT_YET_VALID));
    ObjectNode iss = vc.deepCopy().put("iss", did(ATTACKER));
    cases.add(Arguments.of("payload iss differs from the credential issuer",
        (Supplier<String>) () -> forge(header("EdDSA", ISSUER_KID), iss, ISSUER), JwtRejection.ISS_MISMATCH));
    cases.add(Arguments.of("truncated signature", (Supplier<String>) () -> {
      String g = good();
      return g.substring(0, g.length() - 4);
    }, JwtRejection.SIGNATURE_INVALID));
    cases.add(Arguments.of("signature swapped from another token", (Supplier<String>) () -> {
      String a = good();
      String b;
      try {
        ObjectNode other = credential(ISSUER_DID).put("id", "urn:uuid:other");
        b = VcJwt.sign(other, ISSUER).withClock(NOW).get();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      return a.substring(0, a.lastIndexOf('.')) + b.substring(b.lastIndexOf('.'));
    }, JwtRejection.SIGNATURE_INVALID));
    cases.add(Arguments.of("payload tampered after signing", (Supplier<String>) () -> {
      String[] p = good().split("\\.");
      ObjectNode changed = credential(ISSUER_DID);
      ((ObjectNode) changed.get("credentialSubject")).put("name", "Mallory");
      return p[0] + "." + b64(changed.toString()) + "." + p[2];
    }, JwtRejection.SIGNATURE_INVALID));
    KeyPair p256 = KeyPair.generate(KeyType.P256);
    cases.add(Arguments.of("ES256 header over an Ed25519 issuer key",
        (Supplier<String>) () -> forge(header("ES256", ISSUER_KID), vc, p256), JwtRejection.ALG_KEY_MISMATCH));
    ObjectNode wrongTyp = header("EdDSA", ISSUER_KID).put("typ", "JWT");
    cases.add(Arguments.of("typ JWT on a VC 2.0 payload",
        (Supplier<String>) () -> forge(wrongTyp, vc, ISSUER), JwtRejection.TYP_MISMATCH));
    cases.add(Arguments.of("not a JWS", (Supplier<String>) () -> "abc.def", JwtRejection.MALFORMED));
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("attacks")
  void rejectedWithItsNamedReason(String name, Supplier<String> token, JwtRejection reason) {
    JwtVerification v = VcJwt.verify(token.get()).withClock(NOW).get();
    assertFalse(v.verified(), name);
    assertEquals(reason, v.rejections().get(0), name + ": " + v.result());
    assertTrue(v.result().failures().get(0).message().startsWith(reason.name()), name);
  }

  @org.junit.jupiter.api.Test
  void theUnforgedTokenVerifies() {
    assertTrue(VcJwt.verify(good()).withClock(NOW).get().verified());
  }
}
