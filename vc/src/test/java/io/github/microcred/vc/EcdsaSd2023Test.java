package io.github.microcred.vc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ecdsa-sd-2023 through the public API on generated Open Badges 3.0 credentials (seeded): issue a base proof with
 * mandatory pointers, derive with random selective pointers, verify; the derived credential holds exactly the
 * mandatory and selected parts; disclosing every member gives back the credential; typed errors for what cannot be
 * signed or derived.
 */
class EcdsaSd2023Test {
  static final long SEED = 2023_0816L;
  static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);
  static final List<String> MANDATORY = List.of("/issuer", "/validFrom");
  static final List<String> CANDIDATES = List.of("/name", "/description", "/validUntil", "/evidence",
      "/credentialSubject/achievement", "/credentialSubject/achievement/name",
      "/credentialSubject/achievement/criteria", "/credentialSubject/achievement/resultDescription",
      "/credentialSubject/achievement/alignment/0", "/credentialSubject/result", "/credentialSubject/identifier",
      "/credentialSubject/creditsEarned", "/credentialSubject/term", "/credentialSubject/achievement/tag/0");

  static ObjectNode base(SplittableRandom r, KeyPair key) throws VcException {
    ObjectNode unsigned = Ob3Generator.badge(r, key.publicKey().didKey()).toJson();
    return Credentials.sign(unsigned, key, Cryptosuite.ECDSA_SD_2023).withMandatoryPointers(MANDATORY)
        .withClock(CLOCK).get();
  }

  static IntStream seeds() {
    return IntStream.range(0, 12);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void deriveAndVerifyGeneratedBadges(int i) throws Exception {
    SplittableRandom r = new SplittableRandom(SEED + i);
    KeyPair key = KeyPair.generate(KeyType.P256);
    ObjectNode base = base(r, key);
    String where = "seed " + (SEED + i) + ": ";
    VerificationResult baseResult = Credentials.verify(base).withClock(CLOCK).get();
    assertFalse(baseResult.verified(), where + "a base proof is not for verifiers");
    List<String> selective = new ArrayList<>();
    for (String p : CANDIDATES) {
      if (!base.at(p).isMissingNode() && r.nextInt(3) > 0) {
        selective.add(p);
      }
    }
    selective.add("/credentialSubject/achievement/name"); // the data model needs a credentialSubject
    ObjectNode derived = Credentials.derive(base, selective).get();
    VerificationResult v = Credentials.verify(derived).withClock(CLOCK).get();
    assertTrue(v.verified(), where + selective + ": " + v);
    // exactly what was disclosed: every selected value as issued, no unselected top-level member
    for (String p : selective) {
      assertEquals(base.at(p), derived.at(p), where + p);
    }
    for (String p : MANDATORY) {
      assertEquals(base.at(p), derived.at(p), where + p);
    }
    Iterator<String> names = derived.fieldNames();
    while (names.hasNext()) {
      String n = names.next();
      boolean expected = n.equals("@context") || n.equals("proof") || n.equals("id") || n.equals("type")
          || MANDATORY.stream().anyMatch(p -> p.startsWith("/" + n))
          || selective.stream().anyMatch(p -> p.equals("/" + n) || p.startsWith("/" + n + "/"));
      assertTrue(expected, where + "undisclosed member " + n + " appears");
    }
    if (!selective.contains("/description") && base.has("description")) {
      assertFalse(derived.has("description"), where);
    }
  }

  @Test
  void disclosingEveryMemberGivesBackTheCredential() throws Exception {
    SplittableRandom r = new SplittableRandom(SEED);
    KeyPair key = KeyPair.generate(KeyType.P256);
    for (int i = 0; i < 4; i++) {
      ObjectNode base = base(r, key);
      List<String> all = new ArrayList<>();
      base.fieldNames().forEachRemaining(f -> {
        if (!f.equals("@context") && !f.equals("proof")) {
          all.add("/" + f);
        }
      });
      ObjectNode derived = Credentials.derive(base, all).get();
      ObjectNode expected = base.deepCopy();
      ObjectNode unexpected = derived.deepCopy();
      expected.remove("proof");
      unexpected.remove("proof");
      assertEquals(expected, unexpected, "seed " + SEED + " #" + i);
      assertTrue(Credentials.verify(derived).withClock(CLOCK).get().verified());
    }
  }

  @Test
  void mandatoryPartsOnly() throws Exception {
    KeyPair key = KeyPair.generate(KeyType.P256);
    ObjectNode unsigned = Ob3Generator.badge(new SplittableRandom(SEED), key.publicKey().didKey()).toJson();
    ObjectNode base = Credentials.sign(unsigned, key, Cryptosuite.ECDSA_SD_2023)
        .withMandatoryPointers(List.of("/issuer", "/credentialSubject/achievement/name")).withClock(CLOCK).get();
    ObjectNode derived = Credentials.derive(base, List.of()).get();
    assertTrue(Credentials.verify(derived).withClock(CLOCK).get().verified(), derived::toString);
    assertEquals(base.at("/credentialSubject/achievement/name"), derived.at("/credentialSubject/achievement/name"));
    assertTrue(derived.at("/credentialSubject/achievement/description").isMissingNode());
  }

  @Test
  void typedErrors() throws Exception {
    KeyPair p256 = KeyPair.generate(KeyType.P256);
    SplittableRandom r = new SplittableRandom(SEED);
    ObjectNode unsigned = Ob3Generator.badge(r, p256.publicKey().didKey()).toJson();
    // P-384 and Ed25519 keys do not fit the suite
    for (KeyType t : List.of(KeyType.P384, KeyType.ED25519)) {
      VcException e = assertThrows(VcException.class, () -> Credentials.sign(unsigned, KeyPair.generate(t),
          Cryptosuite.ECDSA_SD_2023).get());
      assertEquals(VcErrorCode.UNSUPPORTED_SUITE, e.code(), e.getMessage());
    }
    // mandatory pointers: only this suite, and they must match
    VcException e = assertThrows(VcException.class, () -> Credentials.sign(unsigned, p256,
        Cryptosuite.ECDSA_RDFC_2019).withMandatoryPointers(List.of("/issuer")).get());
    assertEquals(VcErrorCode.INVALID_ARGUMENT, e.code());
    for (String bad : List.of("/nope", "issuer", "", "/issuer/~2", "/credentialSubject/achievement/name/0",
        "/type/01", "/type/-")) {
      e = assertThrows(VcException.class, () -> Credentials.sign(unsigned, p256, Cryptosuite.ECDSA_SD_2023)
          .withMandatoryPointers(List.of(bad)).get(), bad);
      assertEquals(VcErrorCode.INVALID_ARGUMENT, e.code(), bad + ": " + e.getMessage());
      assertTrue(e.getMessage().contains("'" + bad + "'"), bad + ": " + e.getMessage());
    }
    ObjectNode base = Credentials.sign(unsigned, p256, Cryptosuite.ECDSA_SD_2023)
        .withMandatoryPointers(MANDATORY).get();
    // a selective pointer that does not match
    e = assertThrows(VcException.class, () -> Credentials.derive(base, List.of("/credentialSubject/nope")).get());
    assertEquals(VcErrorCode.INVALID_ARGUMENT, e.code());
    assertTrue(e.getMessage().contains("/credentialSubject/nope"), e.getMessage());
    // no base proof: an rdfc proof, no proof, a derived proof
    ObjectNode rdfc = Credentials.sign(unsigned, p256, Cryptosuite.ECDSA_RDFC_2019).get();
    e = assertThrows(VcException.class, () -> Credentials.derive(rdfc, List.of("/name")).get());
    assertEquals(VcErrorCode.INVALID_DOCUMENT, e.code());
    e = assertThrows(VcException.class, () -> Credentials.derive(unsigned, List.of("/name")).get());
    assertEquals(VcErrorCode.INVALID_DOCUMENT, e.code());
    ObjectNode derived = Credentials.derive(base, List.of("/credentialSubject")).get();
    e = assertThrows(VcException.class, () -> Credentials.derive(derived, List.of("/name")).get());
    assertEquals(VcErrorCode.INVALID_DOCUMENT, e.code());
    assertTrue(e.getMessage().contains("already a derived"), e.getMessage());
    // the credential was changed after the base proof: statement count no longer fits
    ObjectNode changed = base.deepCopy();
    changed.put("description", "added after signing");
    changed.remove("description");
    ((ObjectNode) changed.get("credentialSubject")).put("term", "Fall 2099");
    if (!base.get("credentialSubject").has("term")) {
      e = assertThrows(VcException.class, () -> Credentials.derive(changed, List.of("/name")).get());
      assertEquals(VcErrorCode.INVALID_DOCUMENT, e.code(), e.getMessage());
    }
  }
}
