package io.github.microcred.vc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 11, strict input: a signed credential is verified exactly as given. Content after the JSON value, duplicate
 * keys, invalid UTF-8, unpaired surrogates and oversized documents fail the SYNTAX check with their reason, before
 * any proof is looked at.
 */
class StrictInputTest {
  private static final KeyPair KEY = SecurityPitfallsTest.ED;

  private static String signedText() throws VcException {
    return SecurityPitfallsTest.signed(KEY, SecurityPitfallsTest.credential(KEY.publicKey().didKey())).toString();
  }

  private static VerificationResult verify(String text) {
    return Credentials.verify(text).withClock(SecurityPitfallsTest.CLOCK).get();
  }

  private static VerificationResult verify(byte[] bytes) {
    return Credentials.verify(bytes).withClock(SecurityPitfallsTest.CLOCK).get();
  }

  private static VerificationCheck syntax(VerificationResult r) {
    assertFalse(r.verified(), r.toString());
    VerificationCheck c = r.checks().get(0);
    assertEquals(CheckName.SYNTAX, c.name(), r.toString());
    assertTrue(c.failed(), r.toString());
    return c;
  }

  @Test
  void theSignedCredentialVerifiesAsTextAndAsBytes() throws VcException {
    String text = signedText();
    assertTrue(verify(text).verified());
    assertTrue(verify(text.getBytes(StandardCharsets.UTF_8)).verified());
    assertTrue(verify(text + "\n").verified(), "trailing whitespace is not content");
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"credentialSubject\":{\"id\":\"did:example:mallory\"}}", "garbage", "}", ",", "[]",
    "\u0000"})
  void contentAfterTheSignedCredentialIsRefused(String tail) throws VcException {
    String text = signedText() + "\n" + tail;
    for (VerificationResult r : List.of(verify(text), verify(text.getBytes(StandardCharsets.UTF_8)))) {
      VerificationCheck c = syntax(r);
      assertTrue(c.message().contains("content after the end of the JSON value at line 2, column "), c.message());
      assertEquals(1, r.checks().size(), "no proof is checked on a document that is not exactly one JSON object");
    }
  }

  @Test
  void duplicateKeysInTheSignedCredentialAreRefused() throws VcException {
    String text = signedText();
    // a second validUntil after the signed members: parsers that keep the first and those that keep the last disagree
    String dup = text.substring(0, text.length() - 1) + ",\"validFrom\":\"2099-01-01T00:00:00Z\"}";
    VerificationCheck c = syntax(verify(dup));
    assertTrue(c.message().contains("duplicate key 'validFrom' in the object at $"), c.message());
  }

  @Test
  void invalidUtf8IsRefused() throws VcException {
    String text = signedText();
    int at = text.indexOf("Example University");
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes(text.substring(0, at).getBytes(StandardCharsets.UTF_8));
    b.write(0xC0); // overlong encoding of '.': decoders that replace it with U+FFFD change the signed text
    b.write(0xAE);
    b.writeBytes(text.substring(at).getBytes(StandardCharsets.UTF_8));
    VerificationCheck c = syntax(verify(b.toByteArray()));
    assertTrue(c.message().contains("invalid UTF-8 at byte offset " + at), c.message());
  }

  @Test
  void unpairedSurrogatesCannotStandForTheSignedQuestionMark() throws VcException {
    // Java encodes an unpaired surrogate as '?': without the check, "\uD800" would verify where "?" was signed
    ObjectNode unsigned = SecurityPitfallsTest.credential(KEY.publicKey().didKey());
    unsigned.put("name", "Teamwork?");
    String text = SecurityPitfallsTest.signed(KEY, unsigned).toString();
    assertTrue(verify(text).verified());
    String forged = text.replace("Teamwork?", "Teamwork\\uD800");
    VerificationCheck c = syntax(verify(forged));
    assertTrue(c.message().contains("unpaired surrogate"), c.message());
  }

  @Test
  void anOversizedCredentialIsRefusedWhileReading() throws VcException {
    ObjectNode big = SecurityPitfallsTest.signed(KEY, SecurityPitfallsTest.credential(KEY.publicKey().didKey()));
    big.put("description", "x".repeat(CanonicalizationLimits.DEFAULT.maxDocumentBytes()));
    VerificationCheck c = syntax(verify(big.toString().getBytes(StandardCharsets.UTF_8)));
    assertTrue(c.message().startsWith("LIMIT_EXCEEDED: credential: larger than the limit of 4194304 bytes; "
        + "reading stopped at byte 4194305"), c.message());
    VerificationResult small = Credentials.verify(signedText()).withClock(SecurityPitfallsTest.CLOCK)
        .withLimits(CanonicalizationLimits.DEFAULT.withMaxDocumentBytes(100)).get();
    assertTrue(syntax(small).message().contains("reading stopped at byte 101"), small.toString());
  }

  @Test
  void tooDeepACredentialIsRefused() throws VcException {
    String text = signedText();
    String deep = text.substring(0, text.length() - 1) + ",\"x\":" + "[".repeat(70) + "]".repeat(70) + "}";
    assertTrue(syntax(verify(deep)).message().contains("LIMIT_EXCEEDED: credential: nesting deeper than 64"));
  }

  @Test
  void signingReadsStrictlyToo() {
    KeyPair k = KEY;
    VcException trailing = assertThrows(VcException.class,
        () -> Credentials.sign("{\"a\":1} {\"b\":2}", k, Cryptosuite.EDDSA_RDFC_2022));
    assertEquals(VcErrorCode.INVALID_DOCUMENT, trailing.code());
    VcException dup = assertThrows(VcException.class,
        () -> Credentials.sign("{\"a\":1,\"a\":2}".getBytes(StandardCharsets.UTF_8), k, Cryptosuite.EDDSA_RDFC_2022));
    assertTrue(dup.getMessage().contains("duplicate key 'a'"), dup.getMessage());
    VcException utf8 = assertThrows(VcException.class,
        () -> Credentials.sign(new byte[] {'{', '"', (byte) 0xFF, '"', ':', '1', '}'}, k,
            Cryptosuite.EDDSA_RDFC_2022));
    assertTrue(utf8.getMessage().contains("invalid UTF-8 at byte offset 2"), utf8.getMessage());
  }

  @Test
  void numbersKeepTheirSignedForm() throws VcException {
    // 1.0 is an xsd:double in the signed RDF: a document handed back with 1 (an xsd:integer) would not verify
    String unsigned = "{\"@context\":[\"https://www.w3.org/ns/credentials/v2\","
        + "\"https://www.w3.org/ns/credentials/examples/v2\"],\"type\":[\"VerifiableCredential\"],"
        + "\"issuer\":\"" + KEY.publicKey().didKey() + "\",\"validFrom\":\"2024-01-01T00:00:00Z\","
        + "\"credentialSubject\":{\"id\":\"did:example:learner\",\"score\":1.0,\"weight\":2.50}}";
    ObjectNode signed = Credentials.sign(unsigned, KEY, Cryptosuite.EDDSA_RDFC_2022)
        .withCreated(SecurityPitfallsTest.CLOCK.instant().minusSeconds(60)).get();
    assertEquals("1.0", signed.get("credentialSubject").get("score").toString());
    assertEquals("2.50", signed.get("credentialSubject").get("weight").toString());
    assertTrue(verify(signed.toString()).verified(), verify(signed.toString()).toString());
  }
}
