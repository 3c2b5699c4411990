package io.github.microcred.vc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.internal.NestedCredentials;
import io.github.microcred.vc.jose.JwtVerification;
import io.github.microcred.vc.jose.Ob3Jwt;
import io.github.microcred.vc.jose.VcJwt;
import io.github.microcred.vc.ob3.EndorsementCredential;
import io.github.microcred.vc.ob3.Profile;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Issue 11: Open Badges 3.0 endorsements ({@code endorsement} arrays of {@code EndorsementCredential}s, and
 * {@code endorsementJwt}) on a credential, its achievement and its issuer are verified as embedded credentials with
 * the same options as the credential: each result listed with its JSON path, a failed one fails the whole, and
 * endorsements nested in endorsements are bounded.
 */
class EndorsementsTest {
  static final Instant SIGNED = Instant.parse("2025-01-01T00:00:00Z");
  static final Clock NOW = Clock.fixed(Instant.parse("2026-06-01T12:00:00Z"), ZoneOffset.UTC);
  static final String ACHIEVEMENT_ID = "https://example.com/achievements/21st-century-skills/teamwork";

  final KeyPair issuerKey = KeyPair.generate(KeyType.ED25519);
  final KeyPair endorserKey = KeyPair.generate(KeyType.ED25519);
  final String issuer = issuerKey.publicKey().didKey();
  final String endorser = endorserKey.publicKey().didKey();
  int serial;

  /** An unsigned EndorsementCredential by the endorser about {@code subjectId}. */
  ObjectNode endorsement(String subjectId, String comment) {
    return new EndorsementCredential("urn:uuid:6a1c2b3e-0000-4000-8000-" + String.format("%012d", ++serial),
        "Endorsement " + serial, Profile.of(endorser, "Example Endorser"), "2024-01-01T00:00:00Z", subjectId,
        Optional.of(comment)).toJson();
  }

  ObjectNode signed(ObjectNode doc, KeyPair key) throws VcException {
    return Credentials.sign(doc, key, Cryptosuite.EDDSA_RDFC_2022).withCreated(SIGNED).get();
  }

  /** The 1EdTech OB3 vector's badge, issued by {@link #issuer}. */
  ObjectNode badge() {
    ObjectNode b = TestSupport.vector("ob3-eddsa-rdfc-2022.json").get("unsignedCredential").deepCopy();
    ((ObjectNode) b.get("issuer")).put("id", issuer);
    return b;
  }

  static ObjectNode achievement(ObjectNode badge) {
    return (ObjectNode) badge.get("credentialSubject").get("achievement");
  }

  VerificationResult verify(ObjectNode credential) {
    return Credentials.verify(credential).withClock(NOW).get();
  }

  @Test
  void endorsementsOfTheAchievementIssuerAndCredentialAreVerifiedAndListedWithTheirPaths() throws Exception {
    ObjectNode b = badge();
    ((ObjectNode) b.get("issuer")).putArray("endorsement").add(signed(endorsement(issuer, "A good school"),
        endorserKey));
    achievement(b).putArray("endorsement").add(signed(endorsement(ACHIEVEMENT_ID, "Rigorous"), endorserKey));
    String jwt = Ob3Jwt.sign(endorsement(ACHIEVEMENT_ID, "Also as a JWT"), endorserKey).withClock(
        Clock.fixed(SIGNED, ZoneOffset.UTC)).get();
    achievement(b).putArray("endorsementJwt").add(jwt);
    b.putArray("endorsement").add(signed(endorsement(ACHIEVEMENT_ID, "On the credential"), endorserKey));

    VerificationResult r = verify(signed(b, issuerKey));
    assertTrue(r.verified(), r::toString);
    List<String> paths = r.nested().stream().map(VerificationResult.Nested::path).toList();
    assertEquals(List.of("$.issuer.endorsement[0]", "$.credentialSubject.achievement.endorsement[0]",
        "$.credentialSubject.achievement.endorsementJwt[0]", "$.endorsement[0]"), paths);
    for (VerificationResult.Nested n : r.nested()) {
      assertTrue(n.result().verified(), n::toString);
      assertTrue(n.result().passed(CheckName.PROOF), n::toString);
    }
    assertEquals(paths, r.checks(CheckName.NESTED_CREDENTIALS).stream().map(VerificationCheck::path).toList());
    assertEquals("$.credentialSubject.achievement.endorsementJwt[0]",
        r.toJson().get("nested").get(2).get("path").asText());
  }

  /**
   * Regression: an endorsement altered after its endorser signed it (before the badge issuer signed the badge) is
   * covered by the badge's proof, so only verifying the endorsement itself finds it.
   */
  @Test
  void tamperedEndorsementFailsTheCredentialWithItsPath() throws Exception {
    ObjectNode e = signed(endorsement(ACHIEVEMENT_ID, "Rigorous"), endorserKey);
    ((ObjectNode) e.get("credentialSubject")).put("endorsementComment", "The best programme in the world");
    ObjectNode b = badge();
    achievement(b).putArray("endorsement").add(signed(endorsement(ACHIEVEMENT_ID, "Fine"), endorserKey)).add(e);

    VerificationResult r = verify(signed(b, issuerKey));
    assertTrue(r.passed(CheckName.PROOF), "the badge's own proof covers the altered bytes: " + r);
    assertFalse(r.verified(), r::toString);
    assertEquals(1, r.failures().size(), r::toString);
    VerificationCheck failed = r.failures().get(0);
    assertEquals(CheckName.NESTED_CREDENTIALS, failed.name());
    assertEquals("$.credentialSubject.achievement.endorsement[1]", failed.path());
    assertTrue(failed.message().contains("PROOF"), failed.message());
    assertTrue(r.nested().get(0).result().verified(), r::toString);
    assertFalse(r.nested().get(1).result().passed(CheckName.PROOF), r::toString);
  }

  /**
   * OB 3.0 {@code endorsementJwt} items are OB 3.0 JWTs: verified with that profile's checks (header, claims
   * against the credential), so a {@code vc+jwt}, a token whose claims contradict its credential, or anything but a
   * compact JWS string fails there, with the path of the item.
   */
  @Test
  void endorsementJwtItemsAreVerifiedWithTheOb3JwtProfile() throws Exception {
    Clock at = Clock.fixed(SIGNED, ZoneOffset.UTC);
    String ob3 = Ob3Jwt.sign(endorsement(ACHIEVEMENT_ID, "An OB 3.0 JWT"), endorserKey).withClock(at).get();
    ObjectNode good = badge();
    achievement(good).putArray("endorsementJwt").add(ob3);
    VerificationResult ok = verify(signed(good, issuerKey));
    assertTrue(ok.verified(), ok::toString);
    assertTrue(ok.nested().get(0).result().passed(CheckName.PROOF), ok::toString);

    // the same endorsement as a VC-JOSE-COSE vc+jwt: verified elsewhere, but not an OB 3.0 JWT
    String vcJwt = VcJwt.sign(endorsement(ACHIEVEMENT_ID, "A vc+jwt"), endorserKey).withClock(at).get();
    assertTrue(VcJwt.verify(vcJwt).withClock(NOW).get().verified(), "the vc+jwt itself is sound");
    // an OB 3.0 JWT whose jti no longer names the credential it carries (the claims are re-signed: only the
    // profile's claim checks can tell)
    ObjectNode other = endorsement(ACHIEVEMENT_ID, "jti of another credential");
    String conflicting = Ob3Jwt.sign(other, endorserKey).withClock(at).get();
    String[] parts = conflicting.split("\\.");
    ObjectNode claims = (ObjectNode) TestSupport.JSON.readTree(java.util.Base64.getUrlDecoder().decode(parts[1]));
    claims.put("jti", "urn:uuid:00000000-0000-4000-8000-000000000000");
    String input = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
        claims.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    String resigned = input + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
        endorserKey.sign(input.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    ObjectNode enveloped = TestSupport.JSON.createObjectNode().put("@context", "https://www.w3.org/ns/credentials/v2")
        .put("id", NestedCredentials.ENVELOPED_JWT_PREFIX + vcJwt).put("type", "EnvelopedVerifiableCredential");
    ObjectNode b = badge();
    achievement(b).putArray("endorsementJwt").add(vcJwt).add(resigned).add(enveloped);
    VerificationResult r = verify(signed(b, issuerKey));
    assertFalse(r.verified());
    List<VerificationCheck> failed = r.checks(CheckName.NESTED_CREDENTIALS);
    assertEquals(List.of("$.credentialSubject.achievement.endorsementJwt[0]",
        "$.credentialSubject.achievement.endorsementJwt[1]", "$.credentialSubject.achievement.endorsementJwt[2]"),
        failed.stream().map(VerificationCheck::path).toList(), r::toString);
    assertTrue(failed.stream().allMatch(VerificationCheck::failed), r::toString);
    assertTrue(failed.get(0).message().contains("typ"), failed.get(0).message());
    assertTrue(failed.get(1).message().contains("jti"), failed.get(1).message());
    assertTrue(failed.get(2).message().contains("compact JWS string"), failed.get(2).message());
  }

  @Test
  void unsecuredOrMalformedEndorsementsFail() throws Exception {
    ObjectNode b = badge();
    achievement(b).putArray("endorsement").add(endorsement(ACHIEVEMENT_ID, "no proof"));
    achievement(b).putArray("endorsementJwt").add("not a JWT");
    VerificationResult r = verify(signed(b, issuerKey));
    assertFalse(r.verified());
    assertEquals(List.of("$.credentialSubject.achievement.endorsement[0]",
        "$.credentialSubject.achievement.endorsementJwt[0]"),
        r.failures().stream().map(VerificationCheck::path).toList(), r::toString);
    assertTrue(r.failures().get(0).message().contains("must be secured"), r::toString);
  }

  @Test
  void endorsementsAreVerifiedWithTheCredentialsOptions() throws Exception {
    ObjectNode e = endorsement(ACHIEVEMENT_ID, "Short-lived");
    e.put("validUntil", "2026-01-01T00:00:00Z");
    ObjectNode b = badge();
    achievement(b).putArray("endorsement").add(signed(e, endorserKey));
    ObjectNode badge = signed(b, issuerKey);
    VerificationResult expired = verify(badge);
    assertFalse(expired.verified());
    assertFalse(expired.nested().get(0).result().passed(CheckName.VALIDITY_PERIOD), expired::toString);
    VerificationResult earlier = Credentials.verify(badge)
        .withClock(Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC)).get();
    assertTrue(earlier.verified(), earlier::toString);
    VerificationResult ignored = Credentials.verify(badge).withOptions(VerifyOptions.defaults().withClock(NOW)
        .withNestedCredentials(VerifyOptions.NestedCredentials.IGNORE)).get();
    assertTrue(ignored.verified(), ignored::toString);
    assertTrue(ignored.nested().isEmpty());
  }

  @Test
  void endorsementsInAVcJwtAreVerifiedToo() throws Exception {
    ObjectNode e = signed(endorsement(ACHIEVEMENT_ID, "Rigorous"), endorserKey);
    ObjectNode b = badge();
    achievement(b).putArray("endorsement").add(e);
    Clock at = Clock.fixed(SIGNED, ZoneOffset.UTC);
    JwtVerification ok = VcJwt.verify(VcJwt.sign(b, issuerKey).withClock(at).get()).withClock(NOW).get();
    assertTrue(ok.verified(), ok.result()::toString);
    assertEquals("$.credentialSubject.achievement.endorsement[0]", ok.result().nested().get(0).path());

    ((ObjectNode) e.get("credentialSubject")).put("endorsementComment", "altered");
    JwtVerification bad = VcJwt.verify(VcJwt.sign(b, issuerKey).withClock(at).get()).withClock(NOW).get();
    assertFalse(bad.verified());
    assertEquals("$.credentialSubject.achievement.endorsement[0]",
        bad.result().checks(CheckName.NESTED_CREDENTIALS).get(0).path());
  }

  /** An endorsement whose issuer is endorsed by an endorsement whose issuer is endorsed ..., {@code levels} deep. */
  ObjectNode endorsementChain(int levels) throws VcException {
    ObjectNode inner = null;
    for (int i = 0; i < levels; i++) {
      ObjectNode e = endorsement(endorser, "level " + (levels - i));
      if (inner != null) {
        ((ObjectNode) e.get("issuer")).putArray("endorsement").add(inner);
      }
      inner = signed(e, endorserKey);
    }
    return inner;
  }

  @Test
  void endorsementsNestedDeeperThanTheLimitFailWithLimitExceededAndTheirPath() throws Exception {
    ObjectNode atLimit = badge();
    ((ObjectNode) atLimit.get("issuer")).putArray("endorsement").add(endorsementChain(NestedCredentials.MAX_DEPTH));
    VerificationResult ok = verify(signed(atLimit, issuerKey));
    assertTrue(ok.verified(), ok::toString);

    // an attacker's chain of 12 levels: verification stops at the limit and names where
    ObjectNode deep = badge();
    ((ObjectNode) deep.get("issuer")).putArray("endorsement").add(endorsementChain(12));
    VerificationResult r = verify(signed(deep, issuerKey));
    assertFalse(r.verified());
    assertTrue(r.passed(CheckName.PROOF), r::toString);
    VerificationCheck top = r.failures().get(0);
    assertEquals(CheckName.NESTED_CREDENTIALS, top.name());
    assertEquals("$.issuer.endorsement[0]", top.path());
    assertTrue(top.message().contains("LIMIT_EXCEEDED"), top.message());
    VerificationResult innermost = r;
    int levels = 0;
    while (!innermost.nested().isEmpty()) {
      innermost = innermost.nested().get(0).result();
      levels++;
    }
    assertEquals(NestedCredentials.MAX_DEPTH, levels, "no verification below the limit");
    VerificationCheck limit = innermost.failures().get(0);
    assertEquals("$.issuer.endorsement[0]", limit.path());
    String trail = String.join(" > ", java.util.Collections.nCopies(NestedCredentials.MAX_DEPTH + 1,
        "$.issuer.endorsement[0]"));
    assertTrue(limit.message().startsWith("LIMIT_EXCEEDED") && limit.message().contains("(at " + trail + ")"),
        limit.message());
  }
}
