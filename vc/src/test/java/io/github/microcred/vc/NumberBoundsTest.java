package io.github.microcred.vc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.internal.Canonicalizer;
import io.github.microcred.vc.internal.JsonSupport;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * A JSON number that JSON-LD would have to expand to be read ({@code 1E-9999999} as an {@code xsd:integer} is a
 * division by 10^9999999) is refused before any JSON-LD work, naming its path, on both paths alike, when signing
 * and when verifying (a failed proof check, not an exception); numbers at the bound
 * ({@link Canonicalizer#MAX_NUMBER_DIGITS}) still canonicalize, the same on the fast and the general path.
 */
class NumberBoundsTest {
  private static final KeyPair KEY = SecurityPitfallsTest.ED;
  private static final String V2 = "https://www.w3.org/ns/credentials/v2";
  private static final String SCORES = "https://example.org/microcred/test/scores/v1";
  private static final ContextLoader LOADER;

  static {
    byte[] ctx = "{\"@context\": {\"score\": \"https://example.org/scores#score\", \"deep\": \"https://example.org/scores#deep\"}}"
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    try {
      LOADER = TestSupport.loader().withContext(SCORES, ctx, java.util.HexFormat.of().formatHex(
          java.security.MessageDigest.getInstance("SHA-256").digest(ctx)));
    } catch (Exception e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private static JsonObject document(JsonValue score) {
    return JsonSupport.PROVIDER.createObjectBuilder().add("@context", JsonSupport.PROVIDER.createArrayBuilder().add(V2).add(SCORES))
        .add("type", JsonSupport.PROVIDER.createArrayBuilder().add("VerifiableCredential"))
        .add("credentialSubject", JsonSupport.PROVIDER.createObjectBuilder().add("id", "did:example:learner")
            .add("score", score))
        .build();
  }

  private static String canonical(JsonObject doc, Canonicalizer.Path path) throws VcException {
    return Canonicalizer.canonicalize(doc, LOADER, CanonicalizationLimits.DEFAULT, "SHA-256", null,
        System::nanoTime, path);
  }

  private static String digits(int n) {
    StringBuilder b = new StringBuilder("9");
    while (b.length() < n) {
      b.append(b.length() % 10);
    }
    return b.toString();
  }

  @ParameterizedTest
  @ValueSource(strings = {"1E-9999999", "1E+9999999", "1E-1001", "1E+1001", "-7E-2147483647", "DIGITS1001",
      "0.DIGITS1001"})
  void aNumberThatWouldExpandIsRefusedWithItsPathOnBothPaths(String text) {
    BigDecimal n = new BigDecimal(text.replace("DIGITS1001", digits(1001)));
    JsonObject doc = document(JsonSupport.PROVIDER.createValue(n));
    VcException general = assertThrows(VcException.class, () -> canonical(doc, Canonicalizer.Path.GENERAL));
    VcException auto = assertThrows(VcException.class, () -> canonical(doc, Canonicalizer.Path.AUTO));
    VcException fast = assertThrows(VcException.class, () -> canonical(doc, Canonicalizer.Path.FAST));
    assertEquals(VcErrorCode.LIMIT_EXCEEDED, general.code(), general.getMessage());
    assertTrue(general.getMessage().startsWith("$.credentialSubject.score: the number "), general.getMessage());
    assertTrue(general.getMessage().contains("at most 1000 digits and an exponent within +/-1000"),
        general.getMessage());
    assertTrue(general.getMessage().length() < 300, "the number is not copied whole into the message");
    assertEquals(general.getMessage(), auto.getMessage());
    assertEquals(general.getMessage(), fast.getMessage());
  }

  @Test
  void theMessageNamesTheNumberAndItsExponent() {
    VcException e = assertThrows(VcException.class,
        () -> canonical(document(JsonSupport.PROVIDER.createValue(new BigDecimal("1E-9999999"))),
            Canonicalizer.Path.AUTO));
    assertEquals("$.credentialSubject.score: the number 1E-9999999 has 1 digits and a decimal exponent of -9999999;"
        + " at most 1000 digits and an exponent within +/-1000 are accepted (it would be expanded to be read as an"
        + " xsd:integer or xsd:double)", e.getMessage());
  }

  @Test
  void numbersInsideArraysAreFoundToo() {
    JsonObject doc = document(JsonSupport.PROVIDER.createArrayBuilder().add(1).add(2.5)
        .add(JsonSupport.PROVIDER.createObjectBuilder().add("deep",
            JsonSupport.PROVIDER.createArrayBuilder().add(new BigDecimal("5E-5000"))))
        .build());
    VcException e = assertThrows(VcException.class, () -> canonical(doc, Canonicalizer.Path.GENERAL));
    assertTrue(e.getMessage().startsWith("$.credentialSubject.score[2].deep[0]: the number 5E-5000 "),
        e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"1E-1000", "1E+1000", "-1E-1000", "DIGITS1000", "0.DIGITS999", "1.5E-300", "12345E+20",
      "1E+21", "1E-7", "0.0"})
  void numbersAtTheBoundCanonicalizeTheSameOnBothPaths(String text) throws VcException {
    BigDecimal n = new BigDecimal(text.replace("DIGITS1000", digits(1000)).replace("DIGITS999", digits(999)));
    JsonObject doc = document(JsonSupport.PROVIDER.createValue(n));
    long before = Canonicalizer.pathCounts().fast();
    String auto = canonical(doc, Canonicalizer.Path.AUTO);
    assertTrue(Canonicalizer.pathCounts().fast() > before, "the fast path ran");
    assertEquals(canonical(doc, Canonicalizer.Path.GENERAL), auto);
    if (text.equals("1E-1000")) {
      // JSON-LD: no fractional part (1E-1000 % 1 is 0 as a double), below 10^21: the integer value, 0
      assertTrue(auto.contains("\"0\"^^<http://www.w3.org/2001/XMLSchema#integer>"), auto);
    }
    if (text.equals("1E+1000")) {
      assertTrue(auto.contains("\"1.0E1000\"^^<http://www.w3.org/2001/XMLSchema#double>"), auto);
    }
  }

  @Test
  void signingRefusesItAndVerificationFailsTheProofCheckWithoutThrowing() throws Exception {
    ObjectNode unsigned = SecurityPitfallsTest.credential(KEY.publicKey().didKey());
    ((ObjectNode) unsigned.get("credentialSubject")).put("score", new BigDecimal("1E-9999999"));
    VcException e = assertThrows(VcException.class, () -> Credentials.sign(unsigned, KEY,
        Cryptosuite.EDDSA_RDFC_2022).withCreated(SecurityPitfallsTest.NOW.minusSeconds(60)).get());
    assertEquals(VcErrorCode.LIMIT_EXCEEDED, e.code(), e.getMessage());
    assertTrue(e.getMessage().startsWith("$.credentialSubject.score: the number 1E-9999999"), e.getMessage());

    ObjectNode signed = SecurityPitfallsTest.signed(KEY, SecurityPitfallsTest.credential(KEY.publicKey().didKey()));
    String text = signed.toString().replace("\"credentialSubject\":{", "\"credentialSubject\":{\"score\":1E-9999999,");
    assertTrue(text.contains("1E-9999999"));
    VerificationResult r = Credentials.verify(text).withClock(SecurityPitfallsTest.CLOCK).get();
    assertFalse(r.verified());
    assertTrue(r.checks().stream().anyMatch(c -> c.failed() && c.message().contains("LIMIT_EXCEEDED")
        && c.message().contains("$.credentialSubject.score: the number 1E-9999999")), r.toString());
  }
}
