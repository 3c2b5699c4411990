package io.github.microcred.vc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.ob3.ClrCredential;
import io.github.microcred.vc.ob3.EndorsementCredential;
import io.github.microcred.vc.ob3.OpenBadgeCredential;
import io.github.microcred.vc.ob3.Profile;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The typed OB3 / CLR model reads published credentials, VC 1.1 credentials and its own output. */
class Ob3ModelTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);

  @Test
  void readsThe1EdTechOb3Vector() throws Exception {
    JsonNode signed = TestSupport.vector("ob3-eddsa-rdfc-2022.json").get("expected").get("signedCredential");
    OpenBadgeCredential ob = OpenBadgeCredential.fromJson(signed);
    assertEquals("http://example.com/credentials/3527", ob.id());
    assertEquals("https://example.edu/issuers/565049", ob.issuer().id());
    assertEquals("Example Corp", ob.issuer().name().orElseThrow());
    assertEquals("2010-01-01T00:00:00Z", ob.validFrom());
    assertEquals("did:example:ebfeb1f712ebc6f1c276e12ec21", ob.subject().id().orElseThrow());
    assertEquals("Teamwork", ob.subject().achievement().name());
    assertTrue(ob.subject().achievement().criteriaNarrative().orElseThrow().startsWith("Team members are nominated"));
  }

  @Test
  void readsThe1EdTechClrVector() throws Exception {
    JsonNode signed = TestSupport.vector("clr2-eddsa-rdfc-2022.json").get("expected").get("signedCredential");
    ClrCredential clr = ClrCredential.fromJson(signed);
    assertEquals("http://example.edu/credentials/3732", clr.id());
    assertEquals("Sample Transcript", clr.name());
    assertEquals("did:example:ebfeb1f712ebc6f1c276e12ec21", clr.learnerId());
    assertEquals(signed.at("/credentialSubject/verifiableCredential").size(), clr.verifiableCredentials().size());
    // the bundled credentials are kept exactly as they are (their proofs stay verifiable)
    assertEquals(signed.at("/credentialSubject/verifiableCredential/0"), clr.verifiableCredentials().get(0));
    assertEquals(OpenBadgeCredential.fromJson(signed.at("/credentialSubject/verifiableCredential/0")).name(),
        Optional.of("Example University Degree"));
  }

  @Test
  void readsAndVerifiesAVc11OpenBadge() throws Exception {
    KeyPair k = KeyPair.generate(KeyType.ED25519);
    ObjectNode v2 = Ob3Generator.badge(new SplittableRandom(11), k.publicKey().didKey()).toJson();
    // the same badge in the VC 1.1 shape: credentials/v1 context, issuanceDate / expirationDate
    ObjectNode v1 = TestSupport.JSON.createObjectNode();
    v2.fields().forEachRemaining(e -> {
      switch (e.getKey()) {
        case "validFrom" -> v1.set("issuanceDate", e.getValue());
        case "validUntil" -> v1.set("expirationDate", e.getValue());
        default -> v1.set(e.getKey(), e.getValue().deepCopy());
      }
    });
    ((ArrayNode) v1.get("@context")).set(0, TestSupport.JSON.getNodeFactory()
        .textNode("https://www.w3.org/2018/credentials/v1"));
    OpenBadgeCredential read = OpenBadgeCredential.fromJson(v1);
    assertEquals(v2.get("validFrom").asText(), read.validFrom());
    assertEquals(Optional.ofNullable(v2.get("validUntil")).map(JsonNode::asText), read.validUntil());
    assertEquals(OpenBadgeCredential.fromJson(v2).subject(), read.subject());
    ObjectNode signed = Credentials.sign(v1, k, Cryptosuite.EDDSA_RDFC_2022).withClock(CLOCK).get();
    VerificationResult r = Credentials.verify(signed).withClock(CLOCK).get();
    assertTrue(r.verified(), r::toString);
    ObjectNode expired = signed.deepCopy();
    expired.put("expirationDate", "2024-12-01T00:00:00Z");
    VerificationResult re = Credentials.verify(expired).withClock(CLOCK).get();
    assertFalse(re.passed(CheckName.VALIDITY_PERIOD), re::toString);
    assertFalse(re.passed(CheckName.PROOF), re::toString); // and the changed date breaks the signature
    ObjectNode noDate = v1.deepCopy();
    noDate.remove("issuanceDate");
    VcException e = assertThrows(VcException.class, () -> OpenBadgeCredential.fromJson(noDate));
    assertTrue(e.getMessage().contains("issuanceDate"), e::getMessage);
  }

  @Test
  void endorsementRoundTripsAndVerifies() throws Exception {
    KeyPair k = KeyPair.generate(KeyType.P256);
    EndorsementCredential e = new EndorsementCredential("urn:uuid:6b0f6b8e-0000-4000-8000-000000000009",
        "Endorsement of Teamwork", Profile.of(k.publicKey().didKey(), "Employers' Guild"), "2024-02-01T00:00:00Z",
        "https://example.edu/achievements/1", Optional.of("Relevant to **our** jobs."));
    ObjectNode json = e.toJson();
    assertEquals(e, EndorsementCredential.fromJson(json));
    ObjectNode signed = Credentials.sign(json, k, Cryptosuite.ECDSA_RDFC_2019).withClock(CLOCK).get();
    assertEquals(e, EndorsementCredential.fromJson(signed));
    assertTrue(Credentials.verify(signed).withClock(CLOCK).get().verified());
    ObjectNode changed = signed.deepCopy();
    ((ObjectNode) changed.get("credentialSubject")).put("endorsementComment", "Not relevant.");
    assertFalse(Credentials.verify(changed).withClock(CLOCK).get().verified());
    ObjectNode noSubject = json.deepCopy();
    noSubject.remove("credentialSubject");
    assertThrows(VcException.class, () -> EndorsementCredential.fromJson(noSubject));
  }
}
