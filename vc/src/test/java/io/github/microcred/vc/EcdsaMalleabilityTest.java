package io.github.microcred.vc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.internal.Base58;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * ECDSA signature malleability: for a valid (r, s), (r, n - s) verifies too. Neither vc-di-ecdsa nor JOSE (RFC 7518
 * s3.4) asks a verifier to refuse the high-S form, and the W3C ecdsa-rdfc-2019 vectors are RFC 6979 signatures that
 * are not low-S normalized (README "Crypto encodings"; refusing high-S would refuse about half of the field's
 * signatures): both forms are accepted. What must hold instead: nothing reads a {@code proofValue} as the identity of
 * a proof or a credential. A proof chain names its previous proof by {@code id}, so the twin of the first proof keeps
 * the link, and the counter-signature, which covers the first proof as it was signed, then no longer verifies (the
 * twin is another document: changing it changes no verified outcome into a pass).
 */
class EcdsaMalleabilityTest {
  static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final BigInteger N256 =
      new BigInteger("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);
  static final BigInteger N384 = new BigInteger("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFC7634D81F4372DDF"
      + "581A0DB248B0A77AECEC196ACCC52973", 16);

  /** The other-S form of a multibase raw r||s proofValue. */
  static String twin(String proofValue, KeyType type) {
    byte[] sig = Base58.decodeMultibase(proofValue);
    int half = sig.length / 2;
    BigInteger n = type == KeyType.P384 ? N384 : N256;
    BigInteger s = new BigInteger(1, Arrays.copyOfRange(sig, half, sig.length));
    byte[] other = n.subtract(s).toByteArray();
    byte[] out = sig.clone();
    Arrays.fill(out, half, sig.length, (byte) 0);
    int len = Math.min(other.length, half);
    System.arraycopy(other, other.length - len, out, sig.length - len, len);
    return Base58.encodeMultibase(out);
  }

  static VerificationResult verify(ObjectNode c) {
    return Credentials.verify(c).withClock(CLOCK).get();
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"P256, ECDSA_RDFC_2019", "P384, ECDSA_RDFC_2019", "P256, ECDSA_JCS_2019", "P384, ECDSA_JCS_2019"})
  void bothFormsVerifyAndTheTwinIsAnotherProofValueOnly(KeyType type, Cryptosuite suite) throws Exception {
    KeyPair k = KeyPair.generate(type);
    ObjectNode c = Credentials.sign(SecurityPitfallsTest.credential(k.publicKey().didKey()), k, suite)
        .withCreated(NOW.minusSeconds(60)).get();
    assertTrue(verify(c).verified(), verify(c)::toString);
    ObjectNode t = c.deepCopy();
    ObjectNode proof = (ObjectNode) t.get("proof");
    String original = proof.get("proofValue").asText();
    proof.put("proofValue", twin(original, type));
    assertNotEquals(original, proof.get("proofValue").asText());
    VerificationResult r = verify(t);
    assertTrue(r.verified(), "the other-S form verifies (the field accepts both): " + r);
    proof.put("proofValue", original);
    assertEquals(c, t, "the twin differs from the original in proofValue only");
  }

  @Test
  void aChainNamesItsPreviousProofByIdSoTheTwinOfTheFirstProofBreaksTheCounterSignature() throws Exception {
    KeyPair issuer = KeyPair.generate(KeyType.P256);
    KeyPair notary = KeyPair.generate(KeyType.P384);
    String p1 = "urn:uuid:8d1d4f5a-0001-4e0e-9a6b-0000000000a1";
    ObjectNode one = Credentials.sign(SecurityPitfallsTest.credential(issuer.publicKey().didKey()), issuer,
        Cryptosuite.ECDSA_RDFC_2019).withProofId(p1).withCreated(NOW.minusSeconds(60)).get();
    ObjectNode two = Credentials.sign(one, notary, Cryptosuite.ECDSA_RDFC_2019)
        .withProofId("urn:uuid:8d1d4f5a-0002-4e0e-9a6b-0000000000a2").withPreviousProof(p1)
        .withCreated(NOW.minusSeconds(30)).get();
    assertTrue(verify(two).verified(), verify(two)::toString);
    ObjectNode t = two.deepCopy();
    ObjectNode first = (ObjectNode) ((ArrayNode) t.get("proof")).get(0);
    first.put("proofValue", twin(first.get("proofValue").asText(), KeyType.P256));
    VerificationResult r = verify(t);
    assertFalse(r.verified(), "the counter-signature covers the first proof's value as signed: " + r);
    assertTrue(r.failures().stream().anyMatch(f -> f.path().startsWith("$.proof[1]")), r::toString);
    assertTrue(r.failures().stream().noneMatch(f -> f.path().startsWith("$.proof[0]")),
        "the twin of the first proof verifies on its own: " + r);
  }
}
