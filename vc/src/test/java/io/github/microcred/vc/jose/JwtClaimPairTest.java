package io.github.microcred.vc.jose;

import static io.github.microcred.vc.jose.JwtTestSupport.forge;
import static io.github.microcred.vc.jose.JwtTestSupport.header;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.KeyPair;
import io.github.microcred.vc.KeyType;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every JWT claim that names a credential property, each way round (claim without the property, property without
 * the claim, both and different), on the three JWT paths:
 *
 * <ul>
 *   <li>{@code vc+jwt} (VC-JOSE-COSE: the payload is the credential; "Implementers SHOULD avoid setting JWT claims
 *       to values that conflict with the values of verifiable credential properties when a claim and property pair
 *       refer to the same conceptual entity"; {@code iss}, if present, "MUST match" the issuer): a claim may be
 *       absent; a claim that names what the credential does not ({@code jti} beside no {@code id}, {@code sub}
 *       beside no subject id) or names it otherwise is refused;</li>
 *   <li>a legacy VC-JWT 1.1 token (VC Data Model 1.1 section 6.3.1: {@code jti}, {@code iss}, {@code sub},
 *       {@code nbf}, {@code exp} "MUST represent" {@code id}, {@code issuer}, {@code credentialSubject.id},
 *       {@code issuanceDate}, {@code expirationDate}; decoding sets the property from the claim): a claim fills its
 *       absent property, a property without its claim stands, both and different is refused (for the dates too);</li>
 *   <li>the OB 3.0 JWT profile: {@code iss}, {@code jti}, {@code nbf}, {@code sub} required and equal; {@code exp}
 *       "MUST be used to set the value of the expirationDate": an {@code exp} beside a credential without an expiry
 *       makes it expire (the document says so).</li>
 * </ul>
 */
class JwtClaimPairTest {
  static final Clock NOW = Clock.fixed(Instant.parse("2026-06-01T12:00:00Z"), ZoneOffset.UTC);
  static final KeyPair ISSUER = KeyPair.generate(KeyType.ED25519);
  static final String ISSUER_DID = ISSUER.publicKey().didKeyVerificationMethod().split("#")[0];
  static final String KID = ISSUER.publicKey().didKeyVerificationMethod();
  static final String ID = "urn:uuid:6a9c92a9-2530-4e2b-9776-530467e9bbe0";
  static final long ISSUED = Instant.parse("2026-01-01T00:00:00Z").getEpochSecond();
  static final long EXPIRES = Instant.parse("2027-01-01T00:00:00Z").getEpochSecond();

  static JwtVerification vcJwt(ObjectNode payload) {
    return VcJwt.verify(forge(header("EdDSA", KID), payload, ISSUER)).withClock(NOW).get();
  }

  static ObjectNode credential() {
    return JwtTestSupport.credential(ISSUER_DID);
  }

  static void refused(JwtVerification v, String path, String what) {
    assertEquals(List.of(JwtRejection.CLAIM_CONFLICT), v.rejections(), what + ": " + v.result());
    assertEquals(path, v.result().failures().get(0).path(), what);
  }

  static void verified(JwtVerification v, String what) {
    assertTrue(v.verified(), what + ": " + v.result());
  }

  // ------------------------------------------------------------------------------------------------- vc+jwt

  @Test
  void vcJwtJtiAndId() {
    ObjectNode noId = credential();
    noId.remove("id");
    refused(vcJwt(noId.put("jti", ID)), "payload.jti", "jti beside no id (fails on the old code)");
    verified(vcJwt(credential()), "id without jti");
    verified(vcJwt(credential().put("jti", ID)), "jti = id");
    refused(vcJwt(credential().put("jti", "urn:uuid:other")), "payload.jti", "jti != id");
    ObjectNode plain = credential();
    plain.remove("id");
    verified(vcJwt(plain), "neither");
  }

  @Test
  void vcJwtIssAndIssuer() {
    verified(vcJwt(credential()), "issuer without iss");
    verified(vcJwt(credential().put("iss", ISSUER_DID)), "iss = issuer");
    JwtVerification other = vcJwt(credential().put("iss", "did:example:mallory"));
    assertEquals(List.of(JwtRejection.ISS_MISMATCH), other.rejections(), other.result().toString());
    ObjectNode noIssuer = credential();
    noIssuer.remove("issuer");
    JwtVerification v = vcJwt(noIssuer.put("iss", ISSUER_DID));
    assertEquals(List.of(JwtRejection.DATA_MODEL), v.rejections(), "iss does not stand for a missing issuer: "
        + v.result());
  }

  @Test
  void vcJwtSubAndSubjectId() {
    verified(vcJwt(credential()), "subject id without sub");
    verified(vcJwt(credential().put("sub", "did:example:learner")), "sub = subject id");
    refused(vcJwt(credential().put("sub", "did:example:mallory")), "payload.sub", "sub != subject id");
    ObjectNode bearer = credential();
    ((ObjectNode) bearer.get("credentialSubject")).remove("id");
    verified(vcJwt(bearer), "neither (a bearer credential)");
    refused(vcJwt(bearer.put("sub", "did:example:learner")), "payload.sub", "sub beside no subject id");
  }

  /** VC-JOSE-COSE does not map exp / nbf to validUntil / validFrom: both are enforced, each at its own path. */
  @Test
  void vcJwtTimesAreEachEnforced() {
    JwtVerification expiredToken = vcJwt(credential().put("exp", NOW.instant().getEpochSecond() - 3600));
    assertEquals(List.of(JwtRejection.EXPIRED), expiredToken.rejections(), expiredToken.result().toString());
    assertEquals("payload.exp", expiredToken.result().failures().get(0).path());
    JwtVerification expiredCredential = vcJwt(credential().put("validUntil", "2026-05-01T00:00:00Z")
        .put("exp", EXPIRES));
    assertEquals(List.of(JwtRejection.EXPIRED), expiredCredential.rejections(), expiredCredential.result()
        .toString());
    assertEquals("$.validUntil", expiredCredential.result().failures().get(0).path());
    JwtVerification early = vcJwt(credential().put("nbf", NOW.instant().getEpochSecond() + 3600));
    assertEquals(List.of(JwtRejection.NOT_YET_VALID), early.rejections(), early.result().toString());
  }

  // ------------------------------------------------------------------------------------------ legacy VC 1.1

  static ObjectNode vc11() {
    ObjectNode vc = JwtTestSupport.JSON.createObjectNode();
    vc.putArray("@context").add("https://www.w3.org/2018/credentials/v1");
    vc.putArray("type").add("VerifiableCredential");
    vc.putObject("credentialSubject").put("id", "did:example:learner").put("degree", "BSc");
    return vc;
  }

  static ObjectNode legacyPayload(ObjectNode vc) {
    ObjectNode p = JwtTestSupport.JSON.createObjectNode();
    p.set("vc", vc);
    return p.put("iss", ISSUER_DID).put("nbf", ISSUED);
  }

  static JwtVerification legacy(ObjectNode payload) {
    ObjectNode h = JwtTestSupport.JSON.createObjectNode().put("alg", "EdDSA").put("typ", "JWT").put("kid", KID);
    JwtVerification v = VcJwt.verify(forge(h, payload, ISSUER)).withClock(NOW).get();
    assertTrue(v.legacy(), v.result().toString());
    return v;
  }

  @Test
  void legacyClaimsFillTheirAbsentMembers() {
    JwtVerification v = legacy(legacyPayload(vc11()).put("jti", ID).put("exp", EXPIRES));
    verified(v, "claims only");
    ObjectNode doc = v.document().orElseThrow();
    assertEquals(ID, doc.get("id").asText());
    assertEquals(ISSUER_DID, doc.get("issuer").asText());
    assertEquals("did:example:learner", doc.get("credentialSubject").get("id").asText());
    assertEquals("2026-01-01T00:00:00Z", doc.get("issuanceDate").asText());
    assertEquals("2027-01-01T00:00:00Z", doc.get("expirationDate").asText());
    ObjectNode subjectless = vc11();
    ((ObjectNode) subjectless.get("credentialSubject")).remove("id");
    JwtVerification s = legacy(legacyPayload(subjectless).put("sub", "did:example:learner"));
    verified(s, "sub fills credentialSubject.id");
    assertEquals("did:example:learner", s.document().orElseThrow().get("credentialSubject").get("id").asText());
  }

  @Test
  void legacyMembersWithoutClaimsStand() {
    ObjectNode vc = vc11().put("id", ID).put("issuer", ISSUER_DID).put("issuanceDate", "2026-01-01T00:00:00Z")
        .put("expirationDate", "2027-01-01T00:00:00Z");
    ObjectNode p = JwtTestSupport.JSON.createObjectNode();
    p.set("vc", vc);
    verified(legacy(p), "members only");
  }

  @Test
  void legacyClaimsAndMembersThatDifferAreRefused() {
    refused(legacy(legacyPayload(vc11().put("id", ID)).put("jti", "urn:uuid:other")), "payload.jti", "jti != id");
    JwtVerification iss = legacy(legacyPayload(vc11().put("issuer", "did:example:mallory")));
    assertEquals(List.of(JwtRejection.ISS_MISMATCH), iss.rejections(), iss.result().toString());
    refused(legacy(legacyPayload(vc11()).put("sub", "did:example:mallory")), "payload.sub", "sub != subject id");
    // the dates (fail on the old code: the member won for applications, the claim for JWT libraries)
    refused(legacy(legacyPayload(vc11().put("issuanceDate", "2025-01-01T00:00:00Z"))), "payload.nbf",
        "nbf != issuanceDate");
    refused(legacy(legacyPayload(vc11().put("expirationDate", "2030-01-01T00:00:00Z")).put("exp", EXPIRES)),
        "payload.exp", "exp != expirationDate");
    // equal to the second (a fraction in the member, as NumericDate seconds count)
    verified(legacy(legacyPayload(vc11().put("issuanceDate", "2026-01-01T00:00:00.250Z"))),
        "nbf = issuanceDate to the second");
    verified(legacy(legacyPayload(vc11().put("expirationDate", "2027-01-01T00:00:00Z")).put("exp", EXPIRES)),
        "exp = expirationDate");
  }

  // ----------------------------------------------------------------------------------------------- OB 3.0 JWT

  /** OB 3.0: exp "MUST be used to set the value of the expirationDate": the document the verifier hands out expires. */
  @Test
  void ob3ExpWithoutAnExpirySetsIt() throws Exception {
    ObjectNode vc = Ob3JwtTest.credential();
    vc.remove("validUntil");
    ObjectNode claims = Ob3JwtTest.claims(vc);
    String jwt = JwtTestSupport.forge(Ob3JwtTest.header(), claims, Ob3JwtTest.RSA);
    JwtVerification v = Ob3JwtTest.verify(jwt);
    verified(v, "exp beside no validUntil");
    assertEquals("2027-01-01T00:00:00Z", v.document().orElseThrow().get("validUntil").asText(),
        "fails on the old code: the document said the credential never expires");
    claims.remove("exp");
    JwtVerification none = Ob3JwtTest.verify(JwtTestSupport.forge(Ob3JwtTest.header(), claims, Ob3JwtTest.RSA));
    verified(none, "neither");
    assertTrue(!none.document().orElseThrow().has("validUntil"));
  }

  @Test
  void ob3ClaimsMustEqualTheirMembers() {
    ObjectNode vc = Ob3JwtTest.credential();
    for (String[] c : new String[][] {{"jti", "urn:uuid:other"}, {"sub", "did:example:mallory"},
        {"iss", "https://mallory.example"}}) {
      ObjectNode claims = Ob3JwtTest.claims(vc).put(c[0], c[1]);
      JwtVerification v = Ob3JwtTest.verify(JwtTestSupport.forge(Ob3JwtTest.header(), claims, Ob3JwtTest.RSA));
      assertTrue(!v.verified(), c[0] + ": " + v.result());
      assertTrue(v.rejectedFor(JwtRejection.CLAIM_CONFLICT) || v.rejectedFor(JwtRejection.ISS_MISMATCH),
          c[0] + ": " + v.rejections());
    }
    ObjectNode laterExp = Ob3JwtTest.claims(vc).put("exp", EXPIRES + 1);
    refused(Ob3JwtTest.verify(JwtTestSupport.forge(Ob3JwtTest.header(), laterExp, Ob3JwtTest.RSA)), "payload.exp",
        "exp != validUntil");
  }
}
