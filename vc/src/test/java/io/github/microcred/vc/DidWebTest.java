package io.github.microcred.vc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@code did:web} issuers go through the {@link DidResolver} interface. The HTTP resolver is opt-in and never
 * contacts the network in tests: only its refusals (hosts outside the allow list, bad timeouts) are exercised.
 */
class DidWebTest {
  static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final String DID = "did:web:issuer.example.edu";
  static final String VM = DID + "#key-1";

  static ObjectNode signed(KeyPair k) throws VcException {
    ObjectNode c = SecurityPitfallsTest.credential(DID);
    return Credentials.sign(c, k, Cryptosuite.forKey(k.type())).withVerificationMethod(VM).withCreated(NOW).get();
  }

  /** A resolver that serves one controller document, as a did:web resolver backed by a cache or a test would. */
  static DidResolver serving(ControllerDocument doc, AtomicInteger calls) {
    return did -> {
      calls.incrementAndGet();
      if (!did.equals(doc.id())) {
        throw new VcException(VcErrorCode.RESOLUTION_FAILED, "unknown " + did);
      }
      return doc;
    };
  }

  @Test
  void didWebIssuerVerifiesThroughTheResolverInterface() throws Exception {
    KeyPair k = KeyPair.generate(KeyType.ED25519);
    ControllerDocument doc = ControllerDocument.of(DID,
        List.of(new VerificationMethod(VM, "Multikey", DID, k.publicKey())),
        Map.of("assertionMethod", Set.of(VM)));
    AtomicInteger calls = new AtomicInteger();
    ObjectNode c = signed(k);
    VerificationResult r = Credentials.verify(c).withClock(CLOCK)
        .withDidResolver(DidResolvers.chain(DidResolvers.offline(), serving(doc, calls))).get();
    assertTrue(r.verified(), r::toString);
    assertEquals(1, calls.get());
    // without a did:web resolver the default (offline) one refuses it, with a clear message
    VerificationResult off = Credentials.verify(c).withClock(CLOCK).get();
    assertFalse(off.passed(CheckName.PURPOSE_AND_CONTROLLER), off::toString);
    assertTrue(off.checks(CheckName.PURPOSE_AND_CONTROLLER).get(0).message().contains("cannot be resolved offline"),
        off::toString);
    // a key the did:web document does not list fails the proof
    KeyPair other = KeyPair.generate(KeyType.ED25519);
    VerificationResult wrongKey = Credentials.verify(signed(other)).withClock(CLOCK)
        .withDidResolver(serving(doc, calls)).get();
    assertFalse(wrongKey.passed(CheckName.PROOF), wrongKey::toString);
    // a document authorising the key for authentication only does not authorise assertions
    ControllerDocument authOnly = ControllerDocument.of(DID,
        List.of(new VerificationMethod(VM, "Multikey", DID, k.publicKey())),
        Map.of("authentication", Set.of(VM)));
    VerificationResult notAuthorised = Credentials.verify(c).withClock(CLOCK)
        .withDidResolver(serving(authOnly, calls)).get();
    assertFalse(notAuthorised.passed(CheckName.PURPOSE_AND_CONTROLLER), notAuthorised::toString);
  }

  @Test
  void httpResolverRefusesHostsOutsideTheAllowListWithoutNetwork() throws Exception {
    DidResolver web = DidResolvers.web(Set.of("Issuer.Example.EDU"), Duration.ofSeconds(2));
    VcException e = assertThrows(VcException.class, () -> web.resolve("did:web:evil.example"));
    assertEquals(VcErrorCode.RESOLUTION_FAILED, e.code());
    assertTrue(e.getMessage().contains("not allowed"), e::getMessage);
    assertThrows(VcException.class, () -> web.resolve("did:key:z6Mk"));
    assertThrows(IllegalArgumentException.class, () -> DidResolvers.web(Set.of("a.example"), Duration.ZERO));
    assertThrows(IllegalArgumentException.class,
        () -> DidResolvers.web(Set.of("a.example"), Duration.ofSeconds(31)));
    // a verification that meets a disallowed did:web fails its check instead of fetching
    KeyPair k = KeyPair.generate(KeyType.ED25519);
    ObjectNode c = SecurityPitfallsTest.credential("did:web:evil.example");
    ObjectNode s = Credentials.sign(c, k, Cryptosuite.EDDSA_RDFC_2022)
        .withVerificationMethod("did:web:evil.example#key-1").withCreated(NOW).get();
    VerificationResult r = Credentials.verify(s).withClock(CLOCK).withDidResolver(web).get();
    assertFalse(r.verified());
    assertTrue(r.checks(CheckName.PURPOSE_AND_CONTROLLER).get(0).message().contains("not allowed"), r::toString);
  }
}
