package io.github.microcred.vc.jose;

import static io.github.microcred.vc.jose.JwtTestSupport.credential;
import static io.github.microcred.vc.jose.JwtTestSupport.forge;
import static io.github.microcred.vc.jose.JwtTestSupport.header;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.ControllerDocument;
import io.github.microcred.vc.KeyPair;
import io.github.microcred.vc.KeyType;
import io.github.microcred.vc.VerificationMethod;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Key binding and time rules of the JWT verifier beyond the attack suite: the {@code kid} must name a method the
 * issuer controls and authorises for {@code assertionMethod}; a {@code jwk} header that is the issuer's key is
 * accepted; {@code crit} in every shape is refused; times are checked with a bounded skew.
 */
class JwtKeyBindingTest {
  static final Instant T = Instant.parse("2026-06-01T12:00:00Z");
  static final Clock NOW = Clock.fixed(T, ZoneOffset.UTC);
  static final String ISSUER = "https://issuer.example";
  final KeyPair key = KeyPair.generate(KeyType.ED25519);

  ControllerDocument doc(String controllerOfVm, String relationship) {
    VerificationMethod vm = new VerificationMethod(ISSUER + "#key-1", "Multikey", controllerOfVm, key.publicKey());
    return ControllerDocument.of(ISSUER, List.of(vm), Map.of(relationship, Set.of(vm.id())));
  }

  String token(ObjectNode vc) {
    return forge(header("EdDSA", ISSUER + "#key-1"), vc, key);
  }

  @Test
  void kidMustBeAMethodTheIssuerControlsForAssertion() {
    String jwt = token(credential(ISSUER));
    JwtVerification ok = VcJwt.verify(jwt).withClock(NOW)
        .withControllerDocument(doc(ISSUER, "assertionMethod")).get();
    assertTrue(ok.verified(), ok.result().toString());

    // the issuer's document lists the method, but someone else controls it
    JwtVerification foreign = VcJwt.verify(jwt).withClock(NOW)
        .withControllerDocument(doc("https://someone-else.example", "assertionMethod")).get();
    assertEquals(List.of(JwtRejection.KID_NOT_ISSUER), foreign.rejections(), foreign.toString());

    // the issuer controls it, but only for authentication
    JwtVerification authOnly = VcJwt.verify(jwt).withClock(NOW)
        .withControllerDocument(doc(ISSUER, "authentication")).get();
    assertEquals(List.of(JwtRejection.KID_NOT_ISSUER), authOnly.rejections(), authOnly.toString());

    // a kid naming a method the issuer does not have
    String missing = forge(header("EdDSA", ISSUER + "#key-9"), credential(ISSUER), key);
    JwtVerification unknown = VcJwt.verify(missing).withClock(NOW)
        .withControllerDocument(doc(ISSUER, "assertionMethod")).get();
    assertEquals(List.of(JwtRejection.KEY_UNRESOLVED), unknown.rejections(), unknown.toString());
  }

  @Test
  void jwkHeaderIsAcceptedOnlyWhenItIsTheIssuersKey() {
    String did = key.publicKey().didKeyVerificationMethod().split("#")[0];
    ObjectNode h = JwtTestSupport.JSON.createObjectNode().put("alg", "EdDSA").put("typ", "vc+jwt");
    h.set("jwk", key.publicKey().toJwk());
    JwtVerification own = VcJwt.verify(forge(h, credential(did), key)).withClock(NOW).get();
    assertTrue(own.verified(), "the issuer's own key in a jwk header: " + own.result());

    ObjectNode withKid = h.deepCopy().put("kid", key.publicKey().didKeyVerificationMethod());
    JwtVerification both = VcJwt.verify(forge(withKid, credential(did), key)).withClock(NOW).get();
    assertTrue(both.verified(), both.result().toString());

    // a private JWK in the header is malformed, never a key
    ObjectNode secret = h.deepCopy();
    ((ObjectNode) secret.get("jwk")).put("d", "AAAA");
    JwtVerification leaked = VcJwt.verify(forge(secret, credential(did), key)).withClock(NOW).get();
    assertEquals(List.of(JwtRejection.MALFORMED), leaked.rejections(), leaked.toString());

    // jku / x5u are never followed: the key still has to be the issuer's
    KeyPair attacker = KeyPair.generate(KeyType.ED25519);
    ObjectNode jku = header("EdDSA", null).put("jku", "https://attacker.example/jwks.json");
    JwtVerification followed = VcJwt.verify(forge(jku, credential(did), attacker)).withClock(NOW).get();
    assertEquals(List.of(JwtRejection.SIGNATURE_INVALID), followed.rejections(), followed.toString());
  }

  @Test
  void critInAnyShapeIsRefused() {
    String did = key.publicKey().didKeyVerificationMethod().split("#")[0];
    String kid = key.publicKey().didKeyVerificationMethod();
    ObjectNode empty = header("EdDSA", kid);
    empty.putArray("crit");
    ObjectNode notArray = header("EdDSA", kid).put("crit", "exp");
    ObjectNode custom = header("EdDSA", kid).put("https://example.com/policy", "x");
    custom.putArray("crit").add("https://example.com/policy");
    for (ObjectNode h : List.of(empty, notArray, custom)) {
      JwtVerification v = VcJwt.verify(forge(h, credential(did), key)).withClock(NOW).get();
      assertEquals(List.of(JwtRejection.CRIT_UNKNOWN), v.rejections(), h + ": " + v);
    }
  }

  /** One time claim at {@code offset} seconds from now, verified with the given skew. */
  List<JwtRejection> at(String claim, long offset, Duration skew) {
    String did = key.publicKey().didKeyVerificationMethod().split("#")[0];
    ObjectNode vc = credential(did);
    vc.remove("validFrom");
    Instant t = T.plusSeconds(offset);
    if (claim.startsWith("valid")) {
      vc.put(claim, t.toString());
    } else {
      vc.put(claim, t.getEpochSecond());
    }
    String jwt = forge(header("EdDSA", key.publicKey().didKeyVerificationMethod()), vc, key);
    JwtVerifyOperation op = VcJwt.verify(jwt).withClock(NOW);
    return (skew == null ? op : op.withMaxClockSkew(skew)).get().rejections();
  }

  @Test
  void timesAreCheckedWithABoundedSkew() {
    // upper bounds: exp, validUntil
    for (String claim : List.of("exp", "validUntil")) {
      assertEquals(List.of(), at(claim, -30, null), claim + " 30 s ago is inside the default 60 s skew");
      assertEquals(List.of(JwtRejection.EXPIRED), at(claim, -90, null), claim + " 90 s ago");
      assertEquals(List.of(JwtRejection.EXPIRED), at(claim, -30, Duration.ZERO), claim + " with no skew");
      assertEquals(List.of(), at(claim, 3600, Duration.ZERO), claim + " in an hour");
    }
    // lower bounds: nbf, iat, validFrom
    for (String claim : List.of("nbf", "iat", "validFrom")) {
      assertEquals(List.of(), at(claim, 30, null), claim + " 30 s ahead is inside the default skew");
      assertEquals(List.of(JwtRejection.NOT_YET_VALID), at(claim, 90, null), claim + " 90 s ahead");
      assertEquals(List.of(JwtRejection.NOT_YET_VALID), at(claim, 30, Duration.ZERO), claim + " with no skew");
      assertEquals(List.of(), at(claim, -3600, Duration.ZERO), claim + " an hour ago");
    }
    // the skew is bounded: a caller cannot switch time checks off
    String jwt = JwtAttackTest.good();
    assertThrows(IllegalArgumentException.class,
        () -> VcJwt.verify(jwt).withMaxClockSkew(JwtVerifyOperation.MAX_SKEW.plusSeconds(1)));
    assertThrows(IllegalArgumentException.class, () -> VcJwt.verify(jwt).withMaxClockSkew(Duration.ofSeconds(-1)));
    // a time that is not a number / not a dateTime is a named error, not a pass
    String did = key.publicKey().didKeyVerificationMethod().split("#")[0];
    ObjectNode bad = credential(did).put("exp", "tomorrow");
    JwtVerification v = VcJwt.verify(forge(header("EdDSA", key.publicKey().didKeyVerificationMethod()), bad, key))
        .withClock(NOW).get();
    assertEquals(List.of(JwtRejection.BAD_TIME), v.rejections(), v.toString());
  }
}
