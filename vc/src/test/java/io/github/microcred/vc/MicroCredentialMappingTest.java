package io.github.microcred.vc;

import io.github.microcred.core.Award;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.core.AssessmentType;
import io.github.microcred.core.Competency;
import io.github.microcred.core.CreditUnit;
import io.github.microcred.core.CreditValue;
import io.github.microcred.core.Level;
import io.github.microcred.core.MicroCredential;
import io.github.microcred.core.Organization;
import io.github.microcred.core.ValidityPolicy;
import io.github.microcred.core.Workload;
import io.github.microcred.core.Assessment;
import io.github.microcred.vc.ob3.Achievement;
import io.github.microcred.vc.ob3.MicroCredentials;
import io.github.microcred.vc.ob3.OpenBadgeCredential;
import io.github.microcred.vc.ob3.Profile;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class MicroCredentialMappingTest {
  static final Instant AWARDED = Instant.parse("2025-03-01T10:00:00Z");

  static MicroCredential sample() {
    return MicroCredential.builder("Data Analysis with Python — Grundlagen")
        .id("https://example.edu/mc/data-analysis")
        .shortDescription("Clean, explore and visualise data sets.")
        .certifiedLearning("Data wrangling in pandas")
        .issuerCountry("DE")
        .awardingBody(Organization.builder("Example University").build())
        .learningOutcome("Clean a messy data set", "Explain a chart to a non-expert")
        .workload(Workload.ofHours(50).withCredit(CreditValue.of("2.5", CreditUnit.ECTS)))
        .level(Level.eqf(5))
        .assessment(Assessment.of(AssessmentType.PROJECT).withDescription("A graded project"))
        .competency(Competency.of("Data analysis", "http://data.europa.eu/esco/skill/xyz"))
        .language("en", "de")
        .prerequisite("Basic Python")
        .grading("Pass/fail")
        .furtherInformation("https://example.edu/mc/data-analysis/info")
        .validity(ValidityPolicy.periodAfterAward(Period.ofYears(3)))
        .build();
  }

  @Test
  void nothingInTheCoreModelIsDropped() throws Exception {
    MicroCredential mc = sample();
    ObjectNode core = mc.toJson();
    Achievement a = MicroCredentials.toAchievement(mc);
    // lossless: the core model comes back equal from the achievement (and from its JSON-LD)
    assertEquals(mc, MicroCredentials.fromAchievement(a).orElseThrow());
    assertEquals(mc, MicroCredentials.fromAchievement(Achievement.fromJson(a.toJson(), "$")).orElseThrow());
    assertEquals(core, a.extensions().get("microcredential"));
    assertEquals("Data Analysis with Python — Grundlagen", a.name());
    assertEquals(new java.math.BigDecimal("2.5"), a.creditsAvailable().orElseThrow());
    assertEquals("http://data.europa.eu/esco/skill/xyz", a.alignments().get(0).targetUrl());
    assertEquals("en", a.inLanguage().orElseThrow());
    assertTrue(a.criteriaNarrative().orElseThrow().contains("Clean a messy data set"));
  }

  @Test
  void awardBecomesASignedVerifiableOpenBadge() throws Exception {
    KeyPair k = KeyPair.generate(KeyType.ED25519);
    OpenBadgeCredential ob = MicroCredentials.toOpenBadge(sample(), Profile.of(k.publicKey().didKey(), "Example U"),
        "did:example:learner-7", "urn:uuid:0b6c3c2e-4b1a-4e55-9d3e-6f1d3c2e4b1a", AWARDED);
    ObjectNode signed = Credentials.sign(ob.toJson(), k, Cryptosuite.EDDSA_RDFC_2022).withCreated(AWARDED).get();
    VerificationResult r = Credentials.verify(signed)
        .withClock(Clock.fixed(AWARDED.plusSeconds(60), ZoneOffset.UTC)).get();
    assertTrue(r.verified(), r::toString);
    // the extension is signed: changing the embedded core model breaks the proof
    ObjectNode tampered = signed.deepCopy();
    ((ObjectNode) tampered.at("/credentialSubject/achievement/microcredential")).put("hours", 500);
    VerificationResult rt = Credentials.verify(tampered).withClock(Clock.fixed(AWARDED, ZoneOffset.UTC)).get();
    assertTrue(!rt.verified(), rt::toString);
    // and reads back
    JsonNode back = OpenBadgeCredential.fromJson(signed).subject().achievement().extensions().get("microcredential");
    assertEquals(sample(), MicroCredential.fromJson(back));
    // via the front door too
    ObjectNode issued = Credentials.issue(sample(), "did:example:learner-7", k,
        Clock.fixed(AWARDED, ZoneOffset.UTC)).get();
    VerificationResult ri = Credentials.verify(issued).withClock(Clock.fixed(AWARDED.plusSeconds(5), ZoneOffset.UTC))
        .get();
    assertTrue(ri.verified(), ri::toString);
  }

  @Test
  void awardMapsWithLearnerResultsEvidenceAndVerifies() throws Exception {
    KeyPair k = KeyPair.generate(KeyType.P256);
    io.github.microcred.core.Award award = io.github.microcred.core.Award.builder(sample(),
        io.github.microcred.core.LearnerIdentity.did("did:example:learner-9"), AWARDED)
        .id("urn:uuid:9d7c0c2e-1b1a-4e55-9d3e-6f1d3c2e4b1a").build();
    ObjectNode signed = Credentials.issue(award, k).withCreated(AWARDED).get();
    VerificationResult r = Credentials.verify(signed).withClock(Clock.fixed(AWARDED.plusSeconds(1), ZoneOffset.UTC))
        .get();
    assertTrue(r.verified(), r::toString);
    OpenBadgeCredential back = OpenBadgeCredential.fromJson(signed);
    assertEquals("did:example:learner-9", back.subject().id().orElseThrow());
    assertEquals(award, Award.fromJson(
        back.extensions().get("microcredentialAward").toString()));
    io.github.microcred.core.Award hashed = io.github.microcred.core.Award.builder(sample(),
        io.github.microcred.core.LearnerIdentity.hashedEmail("ada@example.org", "salt1"), AWARDED)
        .id("urn:uuid:9d7c0c2e-1b1a-4e55-9d3e-6f1d3c2e4b1b").build();
    ObjectNode h = Credentials.issue(hashed, k).withCreated(AWARDED).get();
    assertEquals("emailAddress", h.at("/credentialSubject/identifier/0/identityType").asText());
  }

  @Test
  void missingIdIsMintedFromTitleAndAwardingBodiesAndAnIdThatIsNoIriIsATypedError() throws VcException {
    MicroCredential noId = MicroCredential.builder("x").build();
    String minted = MicroCredentials.toAchievement(noId).id();
    assertTrue(minted.matches("urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-3[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"), minted);
    assertEquals(minted, MicroCredentials.toAchievement(MicroCredential.builder("x").build()).id(), "deterministic");
    assertNotEquals(minted, MicroCredentials.toAchievement(MicroCredential.builder("y").build()).id());
    assertEquals(minted, MicroCredentials.fromAchievement(MicroCredentials.toAchievement(noId)).orElseThrow().id()
        .orElseThrow(), "the carried core model has the minted id");
    MicroCredential notIri = MicroCredential.builder("x").id("data literacy").build();
    VcException e = assertThrows(VcException.class, () -> MicroCredentials.toAchievement(notIri));
    assertEquals(VcErrorCode.MAPPING_FAILED, e.code());
    assertTrue(e.getMessage().contains("MicroCredential.id 'data literacy' is not an absolute IRI"), e.getMessage());
  }
}
