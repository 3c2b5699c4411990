package io.github.microcred.vc.presentation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.CanonicalizationLimits;
import io.github.microcred.vc.CheckName;
import io.github.microcred.vc.ContextLoader;
import io.github.microcred.vc.Cryptosuite;
import io.github.microcred.vc.KeyPair;
import io.github.microcred.vc.KeyType;
import io.github.microcred.vc.VerificationCheck;
import io.github.microcred.vc.internal.Canonicalizer;
import io.github.microcred.vc.internal.DataIntegrity;
import io.github.microcred.vc.internal.JsonSupport;
import io.github.microcred.vc.internal.verify.SignedGraph;
import io.github.microcred.vc.jose.JwtTestAccess;
import io.github.microcred.vc.jose.VcJwt;
import jakarta.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 11: a Data Integrity presentation gets the compact-form rules credentials and {@code vp+jwt} get. The
 * verifier reads the holder and the proof options from JSON keys; a key spelled as its full IRI keeps the signed
 * RDF (so the proof holds) while the JSON reader would see the member as absent. Each such presentation is refused
 * with a named {@link CheckName#COMPACT_FORM} reason, whether the holder re-arranged an already signed presentation or
 * signed the aliased form.
 */
class PresentationCompactFormTest {
  static final String CRED = "https://www.w3.org/2018/credentials#";
  static final String SEC = "https://w3id.org/security#";
  static final Clock REAL = Clock.systemUTC();
  final KeyPair issuerKey = KeyPair.generate(KeyType.ED25519);
  final KeyPair holderKey = KeyPair.generate(KeyType.ED25519);
  final String holder = holderKey.publicKey().didKey();

  ObjectNode unsignedVp() throws Exception {
    ObjectNode vc = JwtTestAccess.credential(issuerKey.publicKey().didKey());
    ((ObjectNode) vc.get("credentialSubject")).put("id", holder);
    ObjectNode vp = Presentations.create(holder, List.of(VcJwt.sign(vc, issuerKey).get()));
    vp.put("id", "urn:uuid:0d1f9a52-3c44-4c3b-9d55-6d0a7d7f0001");
    return vp;
  }

  ObjectNode sign(ObjectNode vp) throws Exception {
    return PresentationTestAccess.sign(vp, holderKey, Cryptosuite.EDDSA_RDFC_2022, "ch-1", "verifier.example",
        Instant.now().minusSeconds(5));
  }

  static PresentationVerification verify(JsonNode vp, String challenge, String domain) {
    PresentationVerifyOperation op = Presentations.verify(vp.toString()).withClock(REAL).withChallenge(challenge);
    return (domain == null ? op : op.withDomain(domain)).get();
  }

  /** Replaces key {@code from} by {@code to} in place, keeping the member order. */
  static void rename(ObjectNode o, String from, String to, JsonNode value) {
    List<Map.Entry<String, JsonNode>> entries = new ArrayList<>(o.properties());
    o.removeAll();
    for (Map.Entry<String, JsonNode> e : entries) {
      o.set(e.getKey().equals(from) ? to : e.getKey(), e.getKey().equals(from) ? value : e.getValue());
    }
  }

  static String nquads(JsonObject doc) throws Exception {
    return Canonicalizer.canonicalize(doc, ContextLoader.pinned(), CanonicalizationLimits.DEFAULT);
  }

  static JsonObject unsecured(ObjectNode vp) {
    return DataIntegrity.withoutProof(JsonSupport.toJsonP(vp).asJsonObject());
  }

  static JsonObject proofConfig(ObjectNode vp) {
    return DataIntegrity.proofConfig(Cryptosuite.EDDSA_RDFC_2022,
        JsonSupport.toJsonP(vp.get("proof")).asJsonObject(), unsecured(vp));
  }

  static void assertRefusedAsNotCompact(PresentationVerification v, String path) {
    assertFalse(v.verified(), v.result()::toString);
    VerificationCheck first = v.result().failures().get(0);
    assertEquals(CheckName.COMPACT_FORM, first.name(), v.result()::toString);
    assertTrue(first.message().contains(path), first.message());
  }

  @Test
  void aFullIriHolderKeyIsRefusedAsNotCompact() throws Exception {
    ObjectNode signed = sign(unsignedVp());
    assertTrue(verify(signed, "ch-1", "verifier.example").verified(), "the compact original verifies");
    // the holder re-arranges the signed presentation: same RDF, so the original proof still holds
    ObjectNode rearranged = signed.deepCopy();
    rename(rearranged, "holder", CRED + "holder", JwtTestAccess.JSON.createObjectNode().put("@id", holder));
    assertEquals(nquads(unsecured(signed)), nquads(unsecured(rearranged)), "same signed RDF");
    assertRefusedAsNotCompact(verify(rearranged, "ch-1", "verifier.example"),
        "$." + CRED + "holder: a key that is an absolute IRI");
    // the holder signs the aliased form
    ObjectNode aliased = unsignedVp();
    rename(aliased, "holder", CRED + "holder", JwtTestAccess.JSON.createObjectNode().put("@id", holder));
    assertRefusedAsNotCompact(verify(sign(aliased), "ch-1", "verifier.example"), "$." + CRED + "holder");
  }

  @Test
  void anAliasedProofChallengeOrDomainIsRefusedAsNotCompact() throws Exception {
    ObjectNode signed = sign(unsignedVp());
    ObjectNode challenge = signed.deepCopy();
    rename((ObjectNode) challenge.get("proof"), "challenge", SEC + "challenge", challenge.at("/proof/challenge"));
    assertEquals(nquads(proofConfig(signed)), nquads(proofConfig(challenge)), "same signed proof configuration");
    assertRefusedAsNotCompact(verify(challenge, "ch-1", "verifier.example"),
        "$.proof." + SEC + "challenge is not a Data Integrity proof member");
    // a domain hidden from the JSON reader: a verifier that does not ask for one used to get "verified" while the
    // signed proof names a domain the JSON does not show
    ObjectNode domain = signed.deepCopy();
    rename((ObjectNode) domain.get("proof"), "domain", SEC + "domain", domain.at("/proof/domain"));
    assertEquals(nquads(proofConfig(signed)), nquads(proofConfig(domain)), "same signed proof configuration");
    assertRefusedAsNotCompact(verify(domain, "ch-1", null), "$.proof." + SEC + "domain is not a Data Integrity");
    assertTrue(verify(signed, "ch-1", null).verified(), "the compact original verifies without a domain asked");
  }

  @Test
  void aNestedNodeReusingThePresentationIdToNameAnotherHolderIsRefused() throws Exception {
    ObjectNode vp = unsignedVp();
    vp.putObject("termsOfUse").put("id", vp.get("id").asText()).put("type", "VerifiablePresentation")
        .put("holder", "did:example:mallory");
    assertRefusedAsNotCompact(verify(sign(vp), "ch-1", "verifier.example"), "reuses the id");
  }

  /** The second half of the rule: the JSON's holder must be the signed graph's, checked after the signature. */
  @Test
  void theHolderMustAgreeWithTheSignedGraph() throws Exception {
    ObjectNode vp = unsignedVp();
    SignedGraph graph = SignedGraph.parse(nquads(unsecured(vp)));
    assertNull(DataIntegrityPresentations.holderAgreement(graph, vp, holder));
    String other = DataIntegrityPresentations.holderAgreement(graph, vp, "did:example:mallory");
    assertTrue(other.contains("[<did:example:mallory>] is not the signed graph's [<" + holder + ">]"), other);
    String none = DataIntegrityPresentations.holderAgreement(graph, vp, null);
    assertTrue(none.contains("holder [] is not the signed graph's"), none);
    ObjectNode noId = vp.deepCopy();
    noId.remove("id");
    assertTrue(DataIntegrityPresentations.holderAgreement(graph, noId, holder).contains("not exactly one"));
  }

  @Test
  void reorderedMembersAreStillTheCompactFormAndVerify() throws Exception {
    ObjectNode signed = sign(unsignedVp());
    ObjectNode reordered = JwtTestAccess.JSON.createObjectNode();
    List<String> keys = new ArrayList<>();
    signed.fieldNames().forEachRemaining(keys::add);
    java.util.Collections.reverse(keys);
    keys.forEach(k -> reordered.set(k, signed.get(k)));
    PresentationVerification v = verify(reordered, "ch-1", "verifier.example");
    assertTrue(v.verified(), v.result()::toString);
    assertTrue(v.holder().passed(CheckName.COMPACT_FORM), v.holder()::toString);
  }
}
