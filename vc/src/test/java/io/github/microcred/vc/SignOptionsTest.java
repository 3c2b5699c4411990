package io.github.microcred.vc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** One immutable {@link SignOptions} held by {@link SignOperation}: withers derive, never change, a value. */
class SignOptionsTest {
  static final Instant T = Instant.parse("2025-01-01T00:00:00Z");
  static final KeyPair KEY = KeyPair.generate(KeyType.ED25519);

  @Test
  void defaultsAreTheDocumentedOnes() {
    SignOptions d = SignOptions.defaults();
    assertEquals(Optional.empty(), d.verificationMethod());
    assertEquals(Optional.empty(), d.created());
    assertEquals("assertionMethod", d.proofPurpose());
    assertSame(ContextLoader.pinned(), d.documentLoader());
    assertEquals(CanonicalizationLimits.DEFAULT, d.limits());
    assertEquals(List.of(), d.mandatoryPointers());
    assertEquals(Optional.empty(), d.proofId());
    assertEquals(List.of(), d.previousProof());
    ObjectNode doc = SecurityPitfallsTest.credential(KEY.publicKey().didKey());
    assertSame(d, assertDoesNotThrowGet(() -> Credentials.sign(doc, KEY, Cryptosuite.EDDSA_RDFC_2022)).options());
  }

  @Test
  void eachWitherReturnsANewValueAndLeavesTheOldOne() {
    SignOptions base = SignOptions.defaults();
    Clock clock = Clock.fixed(T, ZoneOffset.UTC);
    SignOptions all = base.withVerificationMethod("did:example:i#k").withCreated(T).withClock(clock)
        .withProofPurpose("authentication").withMandatoryPointers(List.of("/issuer")).withProofId("urn:uuid:p")
        .withPreviousProof("urn:uuid:a", "urn:uuid:b");
    assertEquals(Optional.of("did:example:i#k"), all.verificationMethod());
    assertEquals(Optional.of(T), all.created());
    assertSame(clock, all.clock());
    assertEquals("authentication", all.proofPurpose());
    assertEquals(List.of("/issuer"), all.mandatoryPointers());
    assertEquals(Optional.of("urn:uuid:p"), all.proofId());
    assertEquals(List.of("urn:uuid:a", "urn:uuid:b"), all.previousProof());
    // the defaults are untouched by every derivation
    assertEquals(Optional.empty(), base.verificationMethod());
    assertEquals("assertionMethod", base.proofPurpose());
    assertEquals(List.of(), base.previousProof());
    assertNotEquals(base.toString(), all.toString());
    assertThrows(IllegalArgumentException.class, () -> base.withPreviousProof());
    assertThrows(IllegalArgumentException.class, () -> base.withPreviousProof("urn:a", "urn:a"));
    assertThrows(NullPointerException.class, () -> base.withCreated(null));
  }

  @Test
  void oneValueConfiguresManySigningsExactlyAsTheOperationsWithers() throws Exception {
    ObjectNode doc = SecurityPitfallsTest.credential(KEY.publicKey().didKey());
    String vm = KEY.publicKey().didKeyVerificationMethod();
    SignOptions options = SignOptions.defaults().withVerificationMethod(vm).withCreated(T);
    SignOperation op = Credentials.sign(doc, KEY, Cryptosuite.EDDSA_RDFC_2022).withOptions(options);
    assertSame(options, op.options());
    ObjectNode viaOptions = op.get();
    ObjectNode viaWithers = Credentials.sign(doc, KEY, Cryptosuite.EDDSA_RDFC_2022).withVerificationMethod(vm)
        .withCreated(T).get();
    assertEquals(viaWithers, viaOptions); // Ed25519 is deterministic: the same configuration signs the same bytes
    assertEquals(T.toString(), viaOptions.at("/proof/created").asText());
    // an operation's wither derives from its options and leaves the shared value alone
    SignOperation auth = op.withProofPurpose("authentication");
    assertEquals("authentication", auth.options().proofPurpose());
    assertEquals("assertionMethod", options.proofPurpose());
    assertEquals("authentication", auth.get().at("/proof/proofPurpose").asText());
    // the same options sign a second document; both verify
    ObjectNode other = SecurityPitfallsTest.credential(KEY.publicKey().didKey()).put("name", "Other");
    ObjectNode second = Credentials.sign(other, KEY, Cryptosuite.EDDSA_RDFC_2022).withOptions(options).get();
    Clock at = Clock.fixed(T.plusSeconds(60), ZoneOffset.UTC);
    assertTrue(Credentials.verify(viaOptions).withClock(at).get().verified());
    assertTrue(Credentials.verify(second).withClock(at).get().verified());
    // withCryptosuite keeps the options
    SignOperation jcs = op.withCryptosuite(Cryptosuite.EDDSA_JCS_2022);
    assertSame(options, jcs.options());
    assertEquals("eddsa-jcs-2022", jcs.get().at("/proof/cryptosuite").asText());
  }

  private interface Get<T> {
    T get() throws Exception;
  }

  private static <T> T assertDoesNotThrowGet(Get<T> g) {
    try {
      return g.get();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
