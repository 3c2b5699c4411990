package io.github.microcred.vc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Proof sets and proof chains (VC Data Integrity 1.0, 2.1.1, 2.1.2, 4.3, 4.5): the W3C vc-di-eddsa chain vectors
 * reproduced byte for byte by {@link SignOperation#withPreviousProof} and verified, then a chain of our own (an
 * issuer's proof, a notary's counter-signature naming it) attacked: the named proof dropped, replaced by another
 * document's, tampered, the chain reversed into a cycle, pointed at itself or at nothing, ids duplicated, the set
 * reordered, and more proofs than are verified.
 */
class ProofChainTest {
  static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final KeyPair ISSUER = KeyPair.generate(KeyType.ED25519);
  static final KeyPair NOTARY = KeyPair.generate(KeyType.P256);
  static final KeyPair WITNESS = KeyPair.generate(KeyType.ED25519);
  static final String P1 = "urn:uuid:8d1d4f5a-0001-4e0e-9a6b-000000000001";
  static final String P2 = "urn:uuid:8d1d4f5a-0002-4e0e-9a6b-000000000002";

  static ObjectNode credential(String subject) {
    ObjectNode c = SecurityPitfallsTest.credential(ISSUER.publicKey().didKey());
    ((ObjectNode) c.get("credentialSubject")).put("id", subject);
    return c;
  }

  /** The issuer's proof P1, then the notary's P2 with previousProof P1. */
  static ObjectNode chain(String subject) throws VcException {
    ObjectNode one = Credentials.sign(credential(subject), ISSUER, Cryptosuite.EDDSA_RDFC_2022).withProofId(P1)
        .withCreated(NOW.minusSeconds(60)).get();
    return Credentials.sign(one, NOTARY, Cryptosuite.ECDSA_RDFC_2019).withProofId(P2).withPreviousProof(P1)
        .withCreated(NOW.minusSeconds(30)).get();
  }

  static VerificationResult verify(JsonNode c) {
    return Credentials.verify(c).withClock(CLOCK).get();
  }

  static ArrayNode proofs(ObjectNode c) {
    return (ArrayNode) c.get("proof");
  }

  static String chainFailure(VerificationResult r) {
    return r.checks(CheckName.PROOF_CHAIN).stream().filter(VerificationCheck::failed).map(VerificationCheck::message)
        .findFirst().orElse("");
  }

  static KeyPair vectorKey(String name) throws Exception {
    JsonNode k = TestSupport.json("vectors/proof-set-chain/multiKeyPairs.json").get(name);
    return KeyPair.fromMultikey(k.get("publicKeyMultibase").asText(), k.get("privateKeyMultibase").asText());
  }

  @Test
  void w3cChainVectorsAreReproducedByteForByte() throws Exception {
    ObjectNode set = TestSupport.json("vectors/proof-set-chain/signedProofSet2.json");
    ObjectNode chain1 = Credentials.sign(set, vectorKey("keyPair3"), Cryptosuite.EDDSA_RDFC_2022)
        .withProofId("urn:uuid:d94f792a-c546-4d06-b38a-da070ab56c23")
        .withPreviousProof("urn:uuid:26329423-bec9-4b2e-88cb-a7c7d9dc4544",
            "urn:uuid:8cc9022b-6b14-4cf3-8571-74972c5feb54")
        .withCreated(Instant.parse("2023-02-26T22:06:38Z")).get();
    assertEquals(TestSupport.json("vectors/proof-set-chain/signedProofChain1.json"), chain1);
    ObjectNode chain2 = Credentials.sign(chain1, vectorKey("keyPair4"), Cryptosuite.EDDSA_RDFC_2022)
        .withPreviousProof("urn:uuid:d94f792a-c546-4d06-b38a-da070ab56c23")
        .withCreated(Instant.parse("2023-02-26T22:16:38Z")).get();
    assertEquals(TestSupport.json("vectors/proof-set-chain/signedProofChain2.json"), chain2);
  }

  @Test
  void w3cChainVectorVerifiesEveryProofAndLink() {
    VerificationResult r = verify(TestSupport.json("vectors/proof-set-chain/signedProofChain2.json"));
    assertEquals(4, r.checks(CheckName.PROOF).size(), r::toString);
    assertTrue(r.passed(CheckName.PROOF), r::toString);
    assertTrue(r.passed(CheckName.PROOF_CHAIN), r::toString);
    assertTrue(r.checks(CheckName.PROOF_CHAIN).get(0).message().contains("$.proof[3] after $.proof[2]"), r::toString);
    // every method is authorised by its did:key controller; the vectors' issuer https://vc.example/issuers/5678
    // controls none of them, so the credential is not verified (the issuer binding)
    List<VerificationCheck> binding = r.failures().stream()
        .filter(c -> c.name() == CheckName.PURPOSE_AND_CONTROLLER).toList();
    assertEquals(1, binding.size(), r::toString);
    assertEquals("$.proof", binding.get(0).path());
    assertTrue(binding.get(0).message().contains("no proof is by the issuer"), r::toString);
    assertEquals(1, r.failures().size(), r::toString);
  }

  @Test
  void anIssuersProofCounterSignedByANotaryVerifies() throws Exception {
    ObjectNode c = chain("did:example:ada");
    assertEquals(P1, proofs(c).get(1).get("previousProof").asText());
    VerificationResult r = verify(c);
    assertTrue(r.verified(), r::toString);
    assertTrue(r.checks(CheckName.PROOF_CHAIN).get(0).message().contains("$.proof[1] after $.proof[0]"),
        r::toString);
    // the JCS suites chain too: the notary signs the JSON of the document with exactly the named proof attached
    ObjectNode one = Credentials.sign(credential("did:example:ada"), ISSUER, Cryptosuite.EDDSA_JCS_2022)
        .withProofId(P1).withCreated(NOW.minusSeconds(60)).get();
    ObjectNode jcs = Credentials.sign(one, NOTARY, Cryptosuite.ECDSA_JCS_2019).withPreviousProof(P1)
        .withCreated(NOW.minusSeconds(30)).get();
    assertTrue(verify(jcs).verified(), () -> verify(jcs).toString());
    ((ObjectNode) proofs(jcs).get(0)).put("created", "2024-12-31T23:57:00Z");
    assertFalse(verify(jcs).verified());
  }

  @Test
  void droppingTheNamedProofFailsTheChainWithTheSpecsError() throws Exception {
    ObjectNode c = chain("did:example:ada");
    proofs(c).remove(0);
    VerificationResult r = verify(c);
    assertFalse(r.verified());
    assertTrue(chainFailure(r).startsWith("PROOF_VERIFICATION_ERROR: $.proof[0].previousProof '" + P1
        + "' names no proof of this document"), r::toString);
    assertTrue(r.failures().stream().filter(f -> f.name() == CheckName.PROOF_CHAIN)
        .allMatch(f -> f.code() == VerificationCode.PROOF_CHAIN_INVALID), r::toString);
    // a single proof (an object) with a dangling previousProof is refused the same way
    c.set("proof", proofs(c).get(0));
    VerificationResult r1 = verify(c);
    assertFalse(r1.verified());
    assertTrue(chainFailure(r1).contains("$.proof.previousProof '" + P1 + "' names no proof"), r1::toString);
  }

  @Test
  void droppingTheCounterSignatureLeavesTheIssuersProofAlone() throws Exception {
    // inherent to proof chains: the earlier proofs do not name the later ones, so the issuer's proof still verifies
    // on its own once the notary's is removed; what a verifier needs from the notary it must require by policy
    ObjectNode c = chain("did:example:ada");
    proofs(c).remove(1);
    c.set("proof", proofs(c).get(0));
    assertTrue(verify(c).verified());
  }

  @Test
  void reorderingTheSetChangesNothingButTheJcsOrderOfNamedProofs() throws Exception {
    ObjectNode c = chain("did:example:ada");
    ArrayNode p = proofs(c);
    JsonNode first = p.remove(0);
    p.add(first);
    VerificationResult r = verify(c);
    assertTrue(r.verified(), r::toString);
    assertTrue(r.checks(CheckName.PROOF_CHAIN).get(0).message().contains("$.proof[0] after $.proof[1]"),
        r::toString);
    // JCS signs the named proofs as a JSON array in document order: two named proofs swapped fail the link
    ObjectNode one = Credentials.sign(credential("did:example:ada"), ISSUER, Cryptosuite.EDDSA_JCS_2022)
        .withProofId(P1).withCreated(NOW.minusSeconds(90)).get();
    ObjectNode two = Credentials.sign(one, WITNESS, Cryptosuite.EDDSA_JCS_2022).withProofId(P2)
        .withCreated(NOW.minusSeconds(60)).get();
    ObjectNode three = Credentials.sign(two, NOTARY, Cryptosuite.ECDSA_JCS_2019).withPreviousProof(P1, P2)
        .withCreated(NOW.minusSeconds(30)).get();
    assertTrue(verify(three).verified(), () -> verify(three).toString());
    ArrayNode q = proofs(three);
    JsonNode a = q.remove(0);
    q.insert(1, a);
    VerificationResult swapped = verify(three);
    assertFalse(swapped.verified());
    assertEquals(VerificationCheck.Outcome.FAILED, swapped.checks(CheckName.PROOF).get(2).outcome(),
        swapped::toString);
    // the rdfc suites sign a graph, in which the named proofs have no order
    ObjectNode r1 = Credentials.sign(credential("did:example:ada"), ISSUER, Cryptosuite.EDDSA_RDFC_2022)
        .withProofId(P1).withCreated(NOW.minusSeconds(90)).get();
    ObjectNode r2 = Credentials.sign(r1, WITNESS, Cryptosuite.EDDSA_RDFC_2022).withProofId(P2)
        .withCreated(NOW.minusSeconds(60)).get();
    ObjectNode r3 = Credentials.sign(r2, NOTARY, Cryptosuite.ECDSA_RDFC_2019).withPreviousProof(P1, P2)
        .withCreated(NOW.minusSeconds(30)).get();
    ArrayNode rq = proofs(r3);
    rq.insert(1, rq.remove(0));
    assertTrue(verify(r3).verified(), () -> verify(r3).toString());
  }

  @Test
  void aTamperedNamedProofFailsItselfAndEveryProofChainedToIt() throws Exception {
    ObjectNode c = chain("did:example:ada");
    ((ObjectNode) proofs(c).get(0)).put("created", "2024-12-31T23:58:00Z");
    VerificationResult r = verify(c);
    assertFalse(r.verified());
    assertEquals(VerificationCheck.Outcome.FAILED, r.checks(CheckName.PROOF).get(0).outcome(), r::toString);
    // the notary signed the named proof as it was: its own signature fails, and its link
    assertEquals(VerificationCheck.Outcome.FAILED, r.checks(CheckName.PROOF).get(1).outcome(), r::toString);
    assertTrue(chainFailure(r).contains("$.proof[0]) did not verify"), r::toString);
  }

  @Test
  void aProofFromAnotherDocumentDoesNotFit() throws Exception {
    ObjectNode a = chain("did:example:ada");
    ObjectNode b = chain("did:example:bob");
    // B's issuer proof (same id, same key) in place of A's: it signed B, and A's notary signed A's
    ObjectNode mixed = a.deepCopy();
    proofs(mixed).set(0, proofs(b).get(0));
    VerificationResult r = verify(mixed);
    assertFalse(r.verified());
    assertEquals(VerificationCheck.Outcome.FAILED, r.checks(CheckName.PROOF).get(0).outcome(), r::toString);
    assertEquals(VerificationCheck.Outcome.FAILED, r.checks(CheckName.PROOF).get(1).outcome(), r::toString);
    // B's counter-signature (naming the same id) appended to A: it signed B with B's proof attached
    ObjectNode appended = a.deepCopy();
    proofs(appended).remove(1);
    ObjectNode foreign = ((ObjectNode) proofs(b).get(1)).deepCopy();
    foreign.put("id", "urn:uuid:8d1d4f5a-0003-4e0e-9a6b-000000000003");
    proofs(appended).add(foreign);
    VerificationResult r2 = verify(appended);
    assertFalse(r2.verified());
    assertEquals(VerificationCheck.Outcome.PASSED, r2.checks(CheckName.PROOF).get(0).outcome(), r2::toString);
    assertEquals(VerificationCheck.Outcome.FAILED, r2.checks(CheckName.PROOF).get(1).outcome(), r2::toString);
  }

  @Test
  void cyclesSelfReferencesAndRepointedLinksAreRefused() throws Exception {
    // the chain reversed into a cycle: P1 names P2, P2 names P1
    ObjectNode cycle = chain("did:example:ada");
    ((ObjectNode) proofs(cycle).get(0)).put("previousProof", P2);
    VerificationResult r = verify(cycle);
    assertFalse(r.verified());
    assertTrue(chainFailure(r).contains("part of a cycle"), r::toString);
    assertEquals(2, r.failures().stream().filter(f -> f.name() == CheckName.PROOF_CHAIN).count(), r::toString);
    // a proof that names itself
    ObjectNode self = chain("did:example:ada");
    ((ObjectNode) proofs(self).get(1)).put("previousProof", P2);
    VerificationResult r2 = verify(self);
    assertFalse(r2.verified());
    assertTrue(chainFailure(r2).contains("names the proof itself ('" + P2 + "')"), r2::toString);
    // previousProof is signed: a link moved to another existing proof breaks the signature
    ObjectNode three = chain("did:example:ada");
    ObjectNode extra = Credentials.sign(three, WITNESS, Cryptosuite.EDDSA_RDFC_2022)
        .withProofId("urn:uuid:8d1d4f5a-0003-4e0e-9a6b-000000000003").withCreated(NOW.minusSeconds(10)).get();
    assertTrue(verify(extra).verified(), () -> verify(extra).toString());
    ((ObjectNode) proofs(extra).get(1)).put("previousProof", "urn:uuid:8d1d4f5a-0003-4e0e-9a6b-000000000003");
    VerificationResult r3 = verify(extra);
    assertFalse(r3.verified());
    assertEquals(VerificationCheck.Outcome.FAILED, r3.checks(CheckName.PROOF).get(1).outcome(), r3::toString);
    // the link removed: the notary's proof no longer covers what it signed
    ObjectNode unlinked = chain("did:example:ada");
    ((ObjectNode) proofs(unlinked).get(1)).remove("previousProof");
    assertFalse(verify(unlinked).verified());
  }

  @Test
  void malformedLinksAndDuplicateIdsAreRefusedBeforeAnySignature() throws Exception {
    ObjectNode dup = chain("did:example:ada");
    ObjectNode third = ((ObjectNode) proofs(dup).get(0)).deepCopy();
    proofs(dup).add(third);
    VerificationResult r = verify(dup);
    assertFalse(r.verified());
    assertTrue(chainFailure(r).contains("proof id '" + P1 + "' is used by $.proof[0] and $.proof[2]"), r::toString);
    for (JsonNode bad : List.of(TestSupport.JSON.getNodeFactory().numberNode(456321),
        TestSupport.JSON.createArrayNode(), TestSupport.JSON.createArrayNode().add(P1).add(P1),
        TestSupport.JSON.createArrayNode().add(7), TestSupport.JSON.createObjectNode().put("id", P1))) {
      ObjectNode c = chain("did:example:ada");
      ((ObjectNode) proofs(c).get(1)).set("previousProof", bad);
      VerificationResult rb = verify(c);
      assertFalse(rb.verified(), bad::toString);
      assertTrue(rb.failures().stream().anyMatch(f -> f.name() == CheckName.PROOF_CHAIN || f.name() == CheckName.SYNTAX
          || f.name() == CheckName.COMPACT_FORM), () -> bad + ": " + rb);
    }
    ObjectNode numericId = chain("did:example:ada");
    ((ObjectNode) proofs(numericId).get(0)).put("id", 5);
    assertFalse(verify(numericId).verified());
  }

  @Test
  void moreProofsThanTheBoundAreRefusedWithoutCheckingAny() throws Exception {
    ObjectNode c = chain("did:example:ada");
    ArrayNode p = proofs(c);
    while (p.size() <= io.github.microcred.vc.internal.verify.ProofChains.MAX_PROOFS) {
      ObjectNode copy = ((ObjectNode) p.get(0)).deepCopy();
      copy.put("id", "urn:uuid:copy-" + p.size());
      p.add(copy);
    }
    VerificationResult r = verify(c);
    assertFalse(r.verified());
    assertTrue(chainFailure(r).contains("at most " + io.github.microcred.vc.internal.verify.ProofChains.MAX_PROOFS),
        r::toString);
    assertTrue(r.checks(CheckName.PROOF).isEmpty(), r::toString);
  }

  /** Whether verification ended in a caught runtime exception rather than a decided check. */
  static boolean threw(VerificationResult r) {
    return r.checks().stream().anyMatch(c -> c.message().startsWith("unexpected input"));
  }

  @Test
  void aHundredThousandChainedProofsAreRefusedBeforeAnyIsChecked() throws Exception {
    // proof i names proof i-1, proof 0 names the last one (a cycle through all 10^5), with the size bound raised
    // so that the chain itself, not the document size, is what is refused
    ObjectNode c = chain("did:example:ada");
    ObjectNode template = TestSupport.JSON.createObjectNode().put("type", "DataIntegrityProof")
        .put("cryptosuite", "eddsa-rdfc-2022").put("verificationMethod", "did:example:x#k")
        .put("proofPurpose", "assertionMethod").put("proofValue", "z1");
    ArrayNode p = TestSupport.JSON.createArrayNode();
    int n = 100_000;
    for (int i = 0; i < n; i++) {
      ObjectNode q = template.deepCopy();
      q.put("id", "urn:p:" + i);
      q.put("previousProof", "urn:p:" + ((i + n - 1) % n));
      p.add(q);
    }
    c.set("proof", p);
    VerificationResult r = Credentials.verify(c).withClock(CLOCK)
        .withLimits(CanonicalizationLimits.DEFAULT.withMaxDocumentBytes(64 << 20)).get();
    assertFalse(r.verified());
    assertFalse(threw(r), r::toString);
    assertTrue(chainFailure(r).contains("the document carries 100000 proofs; at most "), r::toString);
    assertTrue(r.checks(CheckName.PROOF).isEmpty(), "no signature is checked");
    // with the default limits the same document is refused as too large, when it is read
    VerificationResult d = verify(c);
    assertFalse(d.verified());
    assertFalse(threw(d), d::toString);
    assertTrue(d.failures().stream().anyMatch(f -> f.name() == CheckName.SYNTAX), d::toString);
  }

  @Test
  void aCycleThroughEveryProofOfAFullSetFailsEachProofWithoutCheckingItsLinks() throws Exception {
    ObjectNode c = chain("did:example:ada");
    ObjectNode template = (ObjectNode) proofs(c).get(1);
    int n = io.github.microcred.vc.internal.verify.ProofChains.MAX_PROOFS;
    ArrayNode p = TestSupport.JSON.createArrayNode();
    for (int i = 0; i < n; i++) {
      ObjectNode q = template.deepCopy();
      q.put("id", "urn:p:" + i);
      // proof i names all earlier proofs and proof 0 names the last: every proof is on a cycle
      ArrayNode named = q.putArray("previousProof");
      if (i == 0) {
        named.add("urn:p:" + (n - 1));
      }
      for (int j = 0; j < i; j++) {
        named.add("urn:p:" + j);
      }
      p.add(q);
    }
    c.set("proof", p);
    VerificationResult r = verify(c);
    assertFalse(r.verified());
    assertFalse(threw(r), r::toString);
    assertEquals(n, r.failures().stream().filter(f -> f.name() == CheckName.PROOF_CHAIN
        && f.message().contains("part of a cycle")).count(), r::toString);
    assertTrue(r.checks(CheckName.PROOF).stream().allMatch(x -> x.failed() && x.message().startsWith("not verified: ")),
        r::toString);
  }

  @Test
  void aSingleProofNamingItselfOrAnAbsentProofIsRefused() throws Exception {
    ObjectNode one = Credentials.sign(credential("did:example:ada"), ISSUER, Cryptosuite.EDDSA_RDFC_2022)
        .withProofId(P1).withCreated(NOW.minusSeconds(60)).get();
    ObjectNode self = one.deepCopy();
    ((ObjectNode) self.get("proof")).put("previousProof", P1);
    VerificationResult r = verify(self);
    assertFalse(r.verified());
    assertFalse(threw(r), r::toString);
    assertTrue(chainFailure(r).contains("$.proof.previousProof names the proof itself"), r::toString);
    // named as one entry of an array, next to an absent one
    ((ObjectNode) self.get("proof")).putArray("previousProof").add(P2).add(P1);
    VerificationResult r2 = verify(self);
    assertFalse(r2.verified());
    assertFalse(threw(r2), r2::toString);
    assertTrue(chainFailure(r2).contains("PROOF_VERIFICATION_ERROR: $.proof.previousProof '" + P2 + "'"),
        r2::toString);
    // a proof without an id whose previousProof names a proof absent from the set
    ObjectNode anon = one.deepCopy();
    ((ObjectNode) anon.get("proof")).remove("id");
    ((ObjectNode) anon.get("proof")).put("previousProof", P1);
    VerificationResult r3 = verify(anon);
    assertFalse(r3.verified());
    assertTrue(chainFailure(r3).contains("names no proof of this document"), r3::toString);
  }

  @Test
  void aSetWithoutAnIssuersProofIsNotVerified() throws Exception {
    ObjectNode one = Credentials.sign(credential("did:example:ada"), WITNESS, Cryptosuite.EDDSA_RDFC_2022)
        .withProofId(P1).withCreated(NOW.minusSeconds(60)).get();
    ObjectNode two = Credentials.sign(one, NOTARY, Cryptosuite.ECDSA_RDFC_2019).withPreviousProof(P1)
        .withCreated(NOW.minusSeconds(30)).get();
    VerificationResult r = verify(two);
    assertFalse(r.verified());
    assertTrue(r.passed(CheckName.PROOF), r::toString);
    assertTrue(r.failures().get(0).message().contains("no proof is by the issuer"), r::toString);
    assertEquals(VerificationCode.CONTROLLER_MISMATCH, r.failures().get(0).code(), r::toString);
    // and a wrong purpose on the co-signer's proof fails the set
    ObjectNode c = chain("did:example:ada");
    ObjectNode wrongPurpose = Credentials.sign(c, WITNESS, Cryptosuite.EDDSA_RDFC_2022)
        .withProofPurpose("authentication").withCreated(NOW.minusSeconds(5)).get();
    assertFalse(verify(wrongPurpose).verified());
  }

  @Test
  void signingRefusesLinksToNothingDuplicateIdsAndSelectiveDisclosureChains() throws Exception {
    ObjectNode one = Credentials.sign(credential("did:example:ada"), ISSUER, Cryptosuite.EDDSA_RDFC_2022)
        .withProofId(P1).withCreated(NOW.minusSeconds(60)).get();
    VcException missing = assertThrows(VcException.class, () -> Credentials.sign(one, NOTARY,
        Cryptosuite.ECDSA_RDFC_2019).withPreviousProof(P2).get());
    assertEquals(VcErrorCode.INVALID_ARGUMENT, missing.code());
    assertTrue(missing.getMessage().contains("PROOF_GENERATION_ERROR"), missing::getMessage);
    VcException dupId = assertThrows(VcException.class, () -> Credentials.sign(one, NOTARY,
        Cryptosuite.ECDSA_RDFC_2019).withProofId(P1).get());
    assertEquals(VcErrorCode.INVALID_ARGUMENT, dupId.code());
    VcException sd = assertThrows(VcException.class, () -> Credentials.sign(one, NOTARY,
        Cryptosuite.ECDSA_SD_2023).withPreviousProof(P1).get());
    assertEquals(VcErrorCode.INVALID_ARGUMENT, sd.code());
    assertThrows(IllegalArgumentException.class, () -> Credentials.sign(one, NOTARY,
        Cryptosuite.ECDSA_RDFC_2019).withPreviousProof());
    assertThrows(IllegalArgumentException.class, () -> Credentials.sign(one, NOTARY,
        Cryptosuite.ECDSA_RDFC_2019).withPreviousProof(P1, P1));
  }
}
