package io.github.microcred.vc.jose;

import static io.github.microcred.vc.jose.JwtTestSupport.credential;
import static io.github.microcred.vc.jose.JwtTestSupport.forge;
import static io.github.microcred.vc.jose.JwtTestSupport.header;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.CheckName;
import io.github.microcred.vc.KeyPair;
import io.github.microcred.vc.KeyType;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issuer-signed tokens that another verifier reads differently from this one: a JOSE header that changes what the
 * signature covers without being declared critical, and NumericDate claims that this verifier would silently wrap
 * or crash on. Each is refused with its named reason and path, never verified and never an exception text.
 */
class JoseHeaderAttackTest {
  static final Instant T = Instant.parse("2026-06-01T12:00:00Z");
  static final Clock NOW = Clock.fixed(T, ZoneOffset.UTC);
  static final KeyPair ISSUER = KeyPair.generate(KeyType.ED25519);
  static final String ISSUER_KID = ISSUER.publicKey().didKeyVerificationMethod();
  static final String ISSUER_DID = ISSUER_KID.split("#")[0];

  static JwtVerification verify(String token) {
    return VcJwt.verify(token).withClock(NOW).get();
  }

  @Test
  void theBaselineVerifies() {
    JwtVerification v = verify(forge(header("EdDSA", ISSUER_KID), credential(ISSUER_DID)
        .put("exp", T.plusSeconds(3600).getEpochSecond()), ISSUER));
    assertTrue(v.verified(), v.result()::toString);
  }

  /**
   * RFC 7797 section 6: "b64" changes the signing input and "the 'crit' Header Parameter MUST be included with 'b64'
   * in its set of values". Without crit, an RFC 7797 verifier reads {@code b64: false} as an unencoded payload (the
   * base64url text itself), this one would decode it: refused instead, whatever its value.
   */
  @ParameterizedTest(name = "b64 {0} without crit")
  @ValueSource(strings = {"false", "true"})
  void anUnencodedPayloadHeaderOutsideCritIsRefused(String b64) {
    ObjectNode h = header("EdDSA", ISSUER_KID).put("b64", Boolean.parseBoolean(b64));
    JwtVerification v = verify(forge(h, credential(ISSUER_DID), ISSUER));
    assertFalse(v.verified(), v.result()::toString);
    assertEquals(JwtRejection.HEADER_NOT_ALLOWED, v.rejections().get(0), v.result()::toString);
    assertEquals("header.b64", v.result().failures().get(0).path());
  }

  /**
   * A NumericDate beyond a 64-bit second count (RFC 7519 section 2: seconds since the epoch) was read with
   * {@code asLong}, which wraps: {@code 2^64 + t} became {@code t}, so this verifier's decision differed from every
   * other's. Values beyond what an Instant holds (1e300) threw a DateTimeException, reported as "unexpected input".
   * Each is now BAD_TIME at its claim's path.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"exp", "nbf", "iat"})
  void numericDatesOutOfRangeAreBadTimeAtTheirPath(String claim) {
    long inRange = (claim.equals("exp") ? T.plusSeconds(3600) : T.minusSeconds(3600)).getEpochSecond();
    for (Object value : new Object[] {BigInteger.ONE.shiftLeft(64).add(BigInteger.valueOf(inRange)),
        BigInteger.ONE.shiftLeft(64).negate().add(BigInteger.valueOf(inRange)), 1e300, -1e300,
        new BigInteger("9".repeat(400))}) {
      ObjectNode vc = credential(ISSUER_DID);
      if (value instanceof BigInteger) {
        vc.put(claim, (BigInteger) value);
      } else {
        vc.put(claim, (Double) value);
      }
      JwtVerification v = verify(forge(header("EdDSA", ISSUER_KID), vc, ISSUER));
      assertFalse(v.verified(), claim + " " + value + ": " + v.result());
      assertTrue(v.rejections().contains(JwtRejection.BAD_TIME), claim + " " + value + ": " + v.result());
      assertTrue(v.result().failures().stream().anyMatch(c -> c.name() == CheckName.VALIDITY_PERIOD
          && c.path().equals("payload." + claim)), claim + " " + value + ": " + v.result());
      assertFalse(v.result().toString().contains("Exception"), v.result()::toString);
    }
  }

  /** The extremes an instant holds are read as such: no overflow when the skew is applied. */
  @Test
  void theExtremeNumericDatesAreComparedWithoutOverflow() {
    ObjectNode vc = credential(ISSUER_DID).put("exp", Instant.MAX.getEpochSecond())
        .put("nbf", Instant.MIN.getEpochSecond()).put("iat", Instant.MIN.getEpochSecond());
    JwtVerification v = verify(forge(header("EdDSA", ISSUER_KID), vc, ISSUER));
    assertTrue(v.verified(), v.result()::toString);
    ObjectNode past = credential(ISSUER_DID).put("exp", Instant.MIN.getEpochSecond());
    assertEquals(JwtRejection.EXPIRED, verify(forge(header("EdDSA", ISSUER_KID), past, ISSUER)).rejections().get(0));
    ObjectNode future = credential(ISSUER_DID).put("nbf", Instant.MAX.getEpochSecond());
    assertEquals(JwtRejection.NOT_YET_VALID, verify(forge(header("EdDSA", ISSUER_KID), future, ISSUER))
        .rejections().get(0));
  }

  /** RFC 7519 allows non-integer NumericDates: a fraction is read as the seconds it lies within, not refused. */
  @Test
  void fractionalNumericDatesAreRead() {
    ObjectNode vc = credential(ISSUER_DID).put("exp", T.getEpochSecond() - 3600 + 0.5);
    JwtVerification v = verify(forge(header("EdDSA", ISSUER_KID), vc, ISSUER));
    assertEquals(JwtRejection.EXPIRED, v.rejections().get(0), v.result()::toString);
    ObjectNode ok = credential(ISSUER_DID).put("exp", T.getEpochSecond() + 3600 + 0.5);
    assertTrue(verify(forge(header("EdDSA", ISSUER_KID), ok, ISSUER)).verified());
  }
}
