package io.github.microcred.vc.ob3;

import io.github.microcred.core.Workload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.ControllerDocument;
import io.github.microcred.vc.Credentials;
import io.github.microcred.vc.KeyPair;
import io.github.microcred.vc.KeyType;
import io.github.microcred.vc.PublicKey;
import io.github.microcred.vc.VerificationMethod;
import io.github.microcred.vc.VerificationResult;
import io.github.microcred.vc.jose.JwtVerification;
import io.github.microcred.vc.jose.Ob3Jwt;
import io.github.microcred.vc.jose.VcJwt;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The certification profile check on real and mutated credentials: the 1EdTech OB 3.0 spec vector
 * (eddsa-rdfc-2022), the 1EdTech validator's Ed25519Signature2020 sample, OB 3.0 JWTs; each rule's outcome is
 * asserted, and each mutation turns exactly the rule it breaks to NOT_MET.
 */
class Ob3CertificationTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Clock NOW = Clock.fixed(Instant.parse("2026-06-01T12:00:00Z"), ZoneOffset.UTC);

  static ObjectNode resource(String path) throws Exception {
    try (InputStream in = Ob3CertificationTest.class.getResourceAsStream("/io/github/microcred/vc/vectors/" + path)) {
      return (ObjectNode) JSON.readTree(in);
    }
  }

  static ObjectNode specVector() throws Exception {
    return (ObjectNode) resource("ob3-eddsa-rdfc-2022.json").at("/expected/signedCredential");
  }

  static Set<CertificationRule> notMet(CertificationReport r) {
    Set<CertificationRule> s = EnumSet.noneOf(CertificationRule.class);
    r.notMet().forEach(o -> s.add(o.rule()));
    return s;
  }

  @Test
  void theOneEdTechSpecVectorMeetsEveryCredentialRule() throws Exception {
    ObjectNode vc = specVector();
    CertificationReport r = Ob3Certification.check(vc);
    assertEquals(CertificationRule.values().length, r.outcomes().size());
    assertTrue(r.meetsAll(), r.toJson().toPrettyString());
    assertTrue(r.met().containsAll(List.of(CertificationRule.CREDENTIAL_TYPE, CertificationRule.CONTEXTS,
        CertificationRule.SCHEMA_REQUIRED_MEMBERS, CertificationRule.RECIPIENT, CertificationRule.PROOF_SUITE)),
        r.toString());
    assertEquals(CertificationReport.Outcome.NOT_APPLICABLE, r.outcome(CertificationRule.VERIFIED).outcome());
    assertEquals(CertificationReport.Outcome.NOT_APPLICABLE, r.outcome(CertificationRule.JWT_PROFILE).outcome());
  }

  @Test
  void whatMicrocredIssuesMeetsEveryRule() throws Exception {
    io.github.microcred.core.MicroCredential mc = io.github.microcred.core.MicroCredential.builder("Welding basics")
        .id("https://example.edu/mc/welding").shortDescription("Safe MIG welding").learningOutcome("Weld a butt joint")
        .workload(Workload.ofHours(30)).build();
    KeyPair key = KeyPair.generate(KeyType.ED25519);
    ObjectNode badge = Credentials.issue(mc, "did:example:learner", key, NOW).get();
    CertificationReport r = Ob3Certification.check(badge, Credentials.verify(badge).withClock(NOW).get());
    assertTrue(r.meetsAll(), r.toJson().toPrettyString());
    assertTrue(r.meets(CertificationRule.PROOF_SUITE) && r.meets(CertificationRule.VERIFIED), r.toString());
    // as an OB 3.0 JWT with an RSA key
    KeyPair rsa = KeyPair.generate(KeyType.RSA);
    String jwt = Ob3Jwt.sign(Credentials.issue(mc, "did:example:learner", rsa, NOW).document(), rsa).get();
    CertificationReport j = Ob3Certification.check(jwt, Ob3Jwt.verify(jwt).withClock(NOW).get());
    assertTrue(j.meetsAll(), j.toJson().toPrettyString());
  }

  @Test
  void eachMutationBreaksItsRule() throws Exception {
    Map<CertificationRule, java.util.function.Consumer<ObjectNode>> mutations = Map.of(
        CertificationRule.CREDENTIAL_TYPE, c -> c.putArray("type").add("VerifiableCredential"),
        CertificationRule.CONTEXTS, c -> c.putArray("@context").add("https://www.w3.org/ns/credentials/v2"),
        CertificationRule.SCHEMA_REQUIRED_MEMBERS, c -> ((ObjectNode) c.at("/credentialSubject/achievement"))
            .remove("criteria"),
        CertificationRule.PROOF_SUITE, c -> ((ObjectNode) proof(c)).put("cryptosuite", "ecdsa-rdfc-2019"),
        CertificationRule.STATUS_METHOD, c -> c.putObject("credentialStatus").put("id", "https://example.edu/s")
            .put("type", "StatusList2021Entry"),
        CertificationRule.REFRESH_SERVICE, c -> c.putObject("refreshService").put("id", "https://example.edu/r")
            .put("type", "ManualRefreshService2018"));
    for (Map.Entry<CertificationRule, java.util.function.Consumer<ObjectNode>> m : mutations.entrySet()) {
      ObjectNode c = specVector();
      m.getValue().accept(c);
      CertificationReport r = Ob3Certification.check(c);
      assertEquals(Set.of(m.getKey()), notMet(r), m.getKey() + ": " + r.toJson().toPrettyString());
    }
    ObjectNode noCriteria = specVector();
    ((ObjectNode) noCriteria.at("/credentialSubject/achievement")).remove("criteria");
    assertEquals("$.credentialSubject.achievement.criteria",
        Ob3Certification.check(noCriteria).outcome(CertificationRule.SCHEMA_REQUIRED_MEMBERS).path());
    ObjectNode anonymous = specVector();
    ((ObjectNode) anonymous.get("credentialSubject")).remove("id");
    ((ObjectNode) anonymous.get("credentialSubject")).remove("identifier");
    assertTrue(notMet(Ob3Certification.check(anonymous)).contains(CertificationRule.RECIPIENT));
    ObjectNode unnamedIssuer = specVector();
    ((ObjectNode) unnamedIssuer.get("issuer")).remove("name");
    assertEquals(Set.of(CertificationRule.DISPLAY_FIELDS), notMet(Ob3Certification.check(unnamedIssuer)));
  }

  static JsonNode proof(ObjectNode c) {
    JsonNode p = c.get("proof");
    return p.isArray() ? p.get(0) : p;
  }

  @Test
  void theRefreshServiceAndBothStatusMethodsAreReported() throws Exception {
    ObjectNode c = specVector();
    c.putObject("refreshService").put("id", "https://example.edu/refresh/1").put("type", "1EdTechCredentialRefresh");
    c.putArray("credentialStatus").add(JSON.createObjectNode().put("id", "https://example.edu/revocations/1")
        .put("type", "1EdTechRevocationList")).add(JSON.createObjectNode().put("type", "BitstringStatusListEntry"));
    CertificationReport r = Ob3Certification.check(c);
    assertTrue(r.meets(CertificationRule.REFRESH_SERVICE), r.toString());
    assertTrue(r.outcome(CertificationRule.REFRESH_SERVICE).message().contains("never fetches"));
    assertEquals("1EdTechRevocationList, BitstringStatusListEntry", r.outcome(CertificationRule.STATUS_METHOD)
        .message());
  }

  @Test
  void anEd25519Signature2020BadgeIsVerifiedButNotOnACertifiedSuite() throws Exception {
    ObjectNode badge = resource("1edtech-validator/ob30-simple_v1.json");
    String issuer = "https://example.com/issuers/876543";
    String vm = issuer + "#z6MknNHHrBzPytzu6CUBP9Lg7fg4KSBjzimc2Frh693YbMiv";
    ControllerDocument doc = ControllerDocument.of(issuer, List.of(new VerificationMethod(vm,
        "Ed25519VerificationKey2020", issuer, PublicKey.fromMultibase(
            "z6MknNHHrBzPytzu6CUBP9Lg7fg4KSBjzimc2Frh693YbMiv"))), Map.of("assertionMethod", Set.of(vm)));
    VerificationResult v = Credentials.verify(badge).withClock(NOW).withControllerDocument(doc).get();
    CertificationReport r = Ob3Certification.check(badge, v);
    assertTrue(r.meets(CertificationRule.VERIFIED), r.toString());
    assertTrue(r.meets(CertificationRule.CONTEXTS));
    assertEquals("VC 1.1 + https://purl.imsglobal.org/spec/ob/v3p0/context.json",
        r.outcome(CertificationRule.CONTEXTS).message());
    assertEquals(Set.of(CertificationRule.PROOF_SUITE), notMet(r), r.toJson().toPrettyString());
    // an unverified result is reported as such
    CertificationReport unverified = Ob3Certification.check(badge, Credentials.verify(badge).withClock(NOW).get());
    assertTrue(notMet(unverified).contains(CertificationRule.VERIFIED));
  }

  @Test
  void jwtsAreCheckedAgainstTheJwtProfileAndTheValidatorsAlgorithms() throws Exception {
    ObjectNode vc = specVector();
    vc.remove("proof");
    KeyPair rsa = KeyPair.generate(KeyType.RSA);
    vc.set("issuer", ((ObjectNode) vc.get("issuer")).put("id", rsa.publicKey().didJwk()));
    String jwt = Ob3Jwt.sign(vc, rsa).get();
    JwtVerification v = Ob3Jwt.verify(jwt).withClock(NOW).get();
    CertificationReport r = Ob3Certification.check(jwt, v);
    assertTrue(r.meets(CertificationRule.JWT_PROFILE), r.toJson().toPrettyString());
    assertTrue(r.meets(CertificationRule.JWT_ALGORITHM));
    assertEquals(CertificationReport.Outcome.NOT_APPLICABLE, r.outcome(CertificationRule.PROOF_SUITE).outcome());
    assertTrue(r.meetsAll(), r.toJson().toPrettyString());
    // EdDSA meets the profile ("other algorithms are permitted") but not the algorithms the validator reads
    KeyPair ed = KeyPair.generate(KeyType.ED25519);
    ObjectNode edVc = vc.deepCopy();
    ((ObjectNode) edVc.get("issuer")).put("id", ed.publicKey().didKey());
    String edJwt = Ob3Jwt.sign(edVc, ed).get();
    CertificationReport er = Ob3Certification.check(edJwt, Ob3Jwt.verify(edJwt).withClock(NOW).get());
    assertEquals(Set.of(CertificationRule.JWT_ALGORITHM), notMet(er), er.toJson().toPrettyString());
    // a vc+jwt is not the OB 3.0 JWT profile
    String vcJwt = VcJwt.sign(edVc, ed).get();
    CertificationReport vr = Ob3Certification.check(vcJwt, Ob3Jwt.verify(vcJwt).withClock(NOW).get());
    assertTrue(notMet(vr).contains(CertificationRule.JWT_PROFILE), vr.toString());
    assertTrue(vr.outcome(CertificationRule.JWT_PROFILE).message().contains("HEADER_NOT_ALLOWED"), vr.toString());
    assertFalse(vr.meetsAll());
  }
}
