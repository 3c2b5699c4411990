package io.github.microcred.vc.jose;

import static io.github.microcred.vc.jose.JwtTestSupport.b64;
import static io.github.microcred.vc.jose.JwtTestSupport.forge;
import static io.github.microcred.vc.jose.JwtTestSupport.part;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import io.github.microcred.vc.CheckName;
import io.github.microcred.vc.ControllerDocument;
import io.github.microcred.vc.KeyPair;
import io.github.microcred.vc.KeyType;
import io.github.microcred.vc.VcErrorCode;
import io.github.microcred.vc.VcException;
import io.github.microcred.vc.VerificationMethod;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The OB 3.0 JWT proof format (1EdTech OB 3.0 section 8.2): what {@link Ob3Jwt#sign} writes, that an independent
 * JOSE implementation (nimbus's own RSASSAVerifier) accepts the signature, and every claim / credential mismatch,
 * extra header and algorithm confusion rejected with its named reason.
 */
class Ob3JwtTest {
  static final Clock NOW = Clock.fixed(Instant.parse("2026-06-01T12:00:00Z"), ZoneOffset.UTC);
  static final KeyPair RSA = KeyPair.generate(KeyType.RSA);
  static final KeyPair OTHER_RSA = KeyPair.generate(KeyType.RSA);
  /** An https issuer, as OB 3.0 examples have: its key comes from a controller document the verifier trusts. */
  static final String ISSUER = "https://example.edu/issuers/565049";
  static final String KID = ISSUER + "#key-1";
  static final ControllerDocument ISSUER_DOC = ControllerDocument.of(ISSUER,
      List.of(new VerificationMethod(KID, "JsonWebKey", ISSUER, RSA.publicKey())),
      Map.of("assertionMethod", Set.of(KID)));

  static ObjectNode credential() {
    ObjectNode vc = JwtTestSupport.credential(ISSUER);
    vc.put("validUntil", "2027-01-01T00:00:00Z");
    return vc;
  }

  static String sign(ObjectNode vc) {
    try {
      return Ob3Jwt.sign(vc, RSA).withKeyId(KID).get();
    } catch (VcException e) {
      throw new IllegalStateException(e);
    }
  }

  static JwtVerification verify(String jwt) {
    return Ob3Jwt.verify(jwt).withClock(NOW).withControllerDocument(ISSUER_DOC).get();
  }

  static ObjectNode header() {
    return JwtTestSupport.JSON.createObjectNode().put("alg", "RS256").put("typ", "JWT").put("kid", KID);
  }

  static ObjectNode claims(ObjectNode vc) {
    ObjectNode p = JwtTestSupport.JSON.createObjectNode();
    p.set("vc", vc);
    p.put("iss", ISSUER).put("jti", vc.get("id").asText()).put("sub", "did:example:learner")
        .put("nbf", Instant.parse("2026-01-01T00:00:00Z").getEpochSecond())
        .put("exp", Instant.parse("2027-01-01T00:00:00Z").getEpochSecond());
    return p;
  }

  @Test
  void theTokenHasExactlyTheProfilesHeaderAndClaims() throws Exception {
    ObjectNode vc = credential();
    String jwt = sign(vc);
    ObjectNode h = part(jwt, 0);
    assertEquals(JwtTestSupport.JSON.createObjectNode().put("kid", KID).put("typ", "JWT").put("alg", "RS256"), h);
    ObjectNode p = part(jwt, 1);
    assertEquals(new TreeSet<>(List.of("vc", "iss", "jti", "sub", "nbf", "exp")), names(p));
    assertEquals(vc, p.get("vc")); // the credential, unchanged
    assertEquals(claims(vc).toString(), p.toString()); // text: an IntNode read back is not equal to a LongNode
    JwtVerification v = verify(jwt);
    assertTrue(v.verified(), v.result().toString());
    assertTrue(v.legacy());
    assertEquals(vc, v.document().orElseThrow());
  }

  @Test
  void anIndependentJoseImplementationAcceptsTheSignature() throws Exception {
    String jwt = sign(credential());
    RSAKey key = RSAKey.parse(RSA.publicKey().toJwk().toString());
    assertTrue(JWSObject.parse(jwt).verify(new RSASSAVerifier(key)));
    assertFalse(JWSObject.parse(jwt).verify(new RSASSAVerifier(RSAKey.parse(OTHER_RSA.publicKey().toJwk()
        .toString()))));
  }

  @Test
  void aTokenNimbusSignsVerifies() throws Exception {
    // signed by nimbus's own RSASSASigner from the private JWK: the verifier reads a peer's RS256, not only ours
    com.nimbusds.jose.JWSSigner signer = new com.nimbusds.jose.crypto.RSASSASigner(RSAKey.parse(
        RSA.toPrivateJwk(io.github.microcred.vc.SecretKeyAccess.get()).toString()));
    JWSObject jws = new JWSObject(com.nimbusds.jose.JWSHeader.parse(header().toString()),
        new com.nimbusds.jose.Payload(claims(credential()).toString()));
    jws.sign(signer);
    JwtVerification v = verify(jws.serialize());
    assertTrue(v.verified(), v.result().toString());
  }

  @Test
  void theJwkHeaderFormAndDidJwkIssuersVerify() throws Exception {
    String jwk = Ob3Jwt.sign(credential(), RSA).withJwkHeader().get();
    assertEquals(new TreeSet<>(List.of("alg", "typ", "jwk")), names(part(jwk, 0)));
    assertFalse(part(jwk, 0).get("jwk").has("d"));
    assertTrue(verify(jwk).verified(), verify(jwk).result().toString());
    // a did:jwk issuer needs no controller document; the kid defaults to its #0 method
    ObjectNode vc = JwtTestSupport.credential(RSA.publicKey().didJwk());
    String jwt = Ob3Jwt.sign(vc, RSA).get();
    assertEquals(RSA.publicKey().didJwk() + "#0", part(jwt, 0).get("kid").asText());
    assertTrue(Ob3Jwt.verify(jwt).withClock(NOW).get().verified());
    // the profile allows other algorithms: ES256 from a P-256 did:jwk issuer
    KeyPair p256 = KeyPair.generate(KeyType.P256);
    String es = Ob3Jwt.sign(JwtTestSupport.credential(p256.publicKey().didJwk()), p256).get();
    assertEquals("ES256", part(es, 0).get("alg").asText());
    assertTrue(Ob3Jwt.verify(es).withClock(NOW).get().verified());
  }

  @Test
  void thePayloadAsTheCredentialIsReadToo() {
    // OB 3.0.3 text: "The JWT Payload is the JSON object of the OpenBadgeCredential with the following claims"
    ObjectNode payload = credential();
    ObjectNode c = claims(credential());
    c.remove("vc");
    payload.setAll(c);
    JwtVerification v = verify(forge(header(), payload, RSA));
    assertTrue(v.verified(), v.result().toString());
    assertFalse(v.legacy());
  }

  @Test
  void aVc11CredentialUsesIssuanceAndExpirationDate() throws Exception {
    ObjectNode vc = JwtTestSupport.JSON.createObjectNode();
    vc.putArray("@context").add("https://www.w3.org/2018/credentials/v1")
        .add("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json");
    vc.put("id", "urn:uuid:7a9c92a9-2530-4e2b-9776-530467e9bbe1");
    vc.putArray("type").add("VerifiableCredential").add("OpenBadgeCredential");
    vc.put("issuer", ISSUER);
    vc.put("issuanceDate", "2026-01-01T00:00:00.750Z");
    vc.put("expirationDate", "2027-01-01T00:00:00Z");
    vc.putObject("credentialSubject").put("id", "did:example:learner").put("type", "AchievementSubject");
    String jwt = sign(vc);
    assertEquals(Instant.parse("2026-01-01T00:00:00Z").getEpochSecond(), part(jwt, 1).get("nbf").asLong());
    assertEquals(Instant.parse("2027-01-01T00:00:00Z").getEpochSecond(), part(jwt, 1).get("exp").asLong());
    JwtVerification v = verify(jwt);
    assertTrue(v.verified(), v.result().toString());
  }

  @Test
  void theSignerNamesWhatTheProfileNeeds() {
    for (String[] c : new String[][] {{"id", "$.id"}, {"validFrom", "$.validFrom"}}) {
      ObjectNode vc = credential();
      vc.remove(c[0]);
      VcException e = assertThrows(VcException.class, () -> Ob3Jwt.sign(vc, RSA).withKeyId(KID).get());
      assertEquals(VcErrorCode.INVALID_DOCUMENT, e.code());
      assertTrue(e.getMessage().startsWith(c[1]), e.getMessage());
    }
    ObjectNode noSub = credential();
    ((ObjectNode) noSub.get("credentialSubject")).remove("id");
    assertTrue(assertThrows(VcException.class, () -> Ob3Jwt.sign(noSub, RSA).withKeyId(KID).get()).getMessage()
        .startsWith("$.credentialSubject.id"));
    VcException kid = assertThrows(VcException.class, () -> Ob3Jwt.sign(credential(), RSA).get());
    assertEquals(VcErrorCode.INVALID_ARGUMENT, kid.code());
    assertThrows(IllegalStateException.class, () -> VcJwt.sign(credential(), RSA).withJwkHeader());
  }

  static String hmacWith(byte[] secret) throws Exception {
    ObjectNode h = header().put("alg", "HS256");
    String input = b64(h.toString()) + "." + b64(claims(credential()).toString());
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret, "HmacSHA256"));
    return input + "." + b64(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
  }

  static Stream<Arguments> attacks() throws Exception {
    List<Arguments> cases = new ArrayList<>();
    ObjectNode vc = credential();
    // claims that disagree with the credential
    cases.add(Arguments.of("iss is not issuer.id", (Supplier<String>) () -> forge(header(),
        claims(vc).put("iss", "https://evil.example/issuer"), RSA), JwtRejection.ISS_MISMATCH));
    cases.add(Arguments.of("sub is not credentialSubject.id", (Supplier<String>) () -> forge(header(),
        claims(vc).put("sub", "did:example:mallory"), RSA), JwtRejection.CLAIM_CONFLICT));
    cases.add(Arguments.of("jti is not the credential id", (Supplier<String>) () -> forge(header(),
        claims(vc).put("jti", "urn:uuid:other"), RSA), JwtRejection.CLAIM_CONFLICT));
    cases.add(Arguments.of("nbf is not validFrom", (Supplier<String>) () -> forge(header(),
        claims(vc).put("nbf", Instant.parse("2025-01-01T00:00:00Z").getEpochSecond()), RSA),
        JwtRejection.CLAIM_CONFLICT));
    cases.add(Arguments.of("nbf is a string", (Supplier<String>) () -> forge(header(),
        claims(vc).put("nbf", "2026-01-01T00:00:00Z"), RSA), JwtRejection.CLAIM_CONFLICT));
    cases.add(Arguments.of("exp is later than validUntil", (Supplier<String>) () -> forge(header(),
        claims(vc).put("exp", Instant.parse("2030-01-01T00:00:00Z").getEpochSecond()), RSA),
        JwtRejection.CLAIM_CONFLICT));
    for (String claim : List.of("iss", "jti", "nbf", "sub", "exp")) {
      cases.add(Arguments.of("no " + claim + " claim", (Supplier<String>) () -> {
        ObjectNode p = claims(vc);
        p.remove(claim);
        return forge(header(), p, RSA);
      }, JwtRejection.CLAIM_MISSING));
    }
    // headers the profile does not allow
    for (String[] extra : new String[][] {{"cty", "vc"}, {"x5u", "https://evil.example/cert"},
        {"jku", "https://evil.example/jwks"}, {"b64", "false"}, {"x-custom", "1"}}) {
      cases.add(Arguments.of("extra header " + extra[0], (Supplier<String>) () -> forge(header().put(extra[0],
          extra[1]), claims(vc), RSA), JwtRejection.HEADER_NOT_ALLOWED));
    }
    ObjectNode crit = header();
    crit.putArray("crit").add("exp");
    cases.add(Arguments.of("extra header crit", (Supplier<String>) () -> forge(crit, claims(vc), RSA),
        JwtRejection.HEADER_NOT_ALLOWED));
    ObjectNode x5c = header();
    x5c.putArray("x5c").add("MIIB");
    cases.add(Arguments.of("extra header x5c", (Supplier<String>) () -> forge(x5c, claims(vc), RSA),
        JwtRejection.HEADER_NOT_ALLOWED));
    cases.add(Arguments.of("typ vc+jwt", (Supplier<String>) () -> forge(header().put("typ", "vc+jwt"), claims(vc),
        RSA), JwtRejection.TYP_MISMATCH));
    cases.add(Arguments.of("typ jwt (lower case)", (Supplier<String>) () -> forge(header().put("typ", "jwt"),
        claims(vc), RSA), JwtRejection.TYP_MISMATCH));
    ObjectNode noKey = header();
    noKey.remove("kid");
    cases.add(Arguments.of("neither kid nor jwk", (Supplier<String>) () -> forge(noKey, claims(vc), RSA),
        JwtRejection.KEY_HEADER_MISSING));
    cases.add(Arguments.of("a vc+jwt token", (Supplier<String>) () -> {
      try {
        return VcJwt.sign(vc, RSA).withKeyId(KID).get();
      } catch (VcException e) {
        throw new IllegalStateException(e);
      }
    }, JwtRejection.HEADER_NOT_ALLOWED));
    // algorithm confusion
    cases.add(Arguments.of("alg none", (Supplier<String>) () -> b64(header().put("alg", "none").toString()) + "."
        + b64(claims(vc).toString()) + ".", JwtRejection.ALG_NONE));
    String hsDer = hmacWith(RSA.publicKey().encoded());
    cases.add(Arguments.of("HS256 keyed with the RSA public key (DER)", (Supplier<String>) () -> hsDer,
        JwtRejection.ALG_NOT_ALLOWED));
    String hsJwk = hmacWith(RSA.publicKey().toJwk().toString().getBytes(StandardCharsets.UTF_8));
    cases.add(Arguments.of("HS256 keyed with the RSA public JWK", (Supplier<String>) () -> hsJwk,
        JwtRejection.ALG_NOT_ALLOWED));
    cases.add(Arguments.of("PS256 (not in the allow-list)", (Supplier<String>) () -> forge(header().put("alg",
        "PS256"), claims(vc), RSA), JwtRejection.ALG_NOT_ALLOWED));
    KeyPair p256 = KeyPair.generate(KeyType.P256);
    cases.add(Arguments.of("ES256 over the issuer's RSA key", (Supplier<String>) () -> forge(header().put("alg",
        "ES256"), claims(vc), p256), JwtRejection.ALG_KEY_MISMATCH));
    // keys that are not the issuer's
    cases.add(Arguments.of("signed by another RSA key under the issuer's kid", (Supplier<String>) () ->
        forge(header(), claims(vc), OTHER_RSA), JwtRejection.SIGNATURE_INVALID));
    ObjectNode selfAsserted = header();
    selfAsserted.remove("kid");
    selfAsserted.set("jwk", OTHER_RSA.publicKey().toJwk());
    cases.add(Arguments.of("jwk header with another key", (Supplier<String>) () -> forge(selfAsserted, claims(vc),
        OTHER_RSA), JwtRejection.JWK_NOT_ISSUER));
    ObjectNode privateJwk = header();
    privateJwk.remove("kid");
    privateJwk.set("jwk", RSA.toPrivateJwk(io.github.microcred.vc.SecretKeyAccess.get()));
    cases.add(Arguments.of("jwk header with the private key", (Supplier<String>) () -> forge(privateJwk, claims(vc),
        RSA), JwtRejection.MALFORMED));
    cases.add(Arguments.of("kid of another controller", (Supplier<String>) () -> forge(header().put("kid",
        "https://evil.example/keys#key-1"), claims(vc), RSA), JwtRejection.KID_NOT_ISSUER));
    // tampering and time
    cases.add(Arguments.of("vc tampered after signing", (Supplier<String>) () -> {
      String[] p = sign(vc).split("\\.");
      ObjectNode changed = claims(vc);
      ((ObjectNode) changed.get("vc").get("credentialSubject")).put("name", "Mallory");
      return p[0] + "." + b64(changed.toString()) + "." + p[2];
    }, JwtRejection.SIGNATURE_INVALID));
    ObjectNode expired = vc.deepCopy().put("validUntil", "2026-05-01T00:00:00Z");
    cases.add(Arguments.of("expired", (Supplier<String>) () -> forge(header(), claims(expired).put("exp",
        Instant.parse("2026-05-01T00:00:00Z").getEpochSecond()), RSA), JwtRejection.EXPIRED));
    ObjectNode future = vc.deepCopy().put("validFrom", "2026-07-01T00:00:00Z");
    cases.add(Arguments.of("not yet valid", (Supplier<String>) () -> forge(header(), claims(future).put("nbf",
        Instant.parse("2026-07-01T00:00:00Z").getEpochSecond()), RSA), JwtRejection.NOT_YET_VALID));
    ObjectNode withStatus = vc.deepCopy();
    withStatus.putObject("credentialStatus").put("id", "https://example.edu/revocations/1")
        .put("type", "1EdTechRevocationList");
    cases.add(Arguments.of("a status without a status check (fails closed)", (Supplier<String>) () ->
        forge(header(), claims(withStatus), RSA), JwtRejection.STATUS));
    ObjectNode alias = vc.deepCopy();
    alias.set("https://www.w3.org/2018/credentials#issuer", alias.get("issuer"));
    cases.add(Arguments.of("a full-IRI key in the vc claim", (Supplier<String>) () -> forge(header(), claims(alias),
        RSA), JwtRejection.NOT_COMPACT));
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("attacks")
  void rejectedWithItsNamedReason(String name, Supplier<String> token, JwtRejection reason) {
    JwtVerification v = verify(token.get());
    assertFalse(v.verified(), name);
    assertEquals(reason, v.rejections().get(0), name + ": " + v.result());
    assertTrue(v.result().failures().stream().anyMatch(c -> c.message().startsWith(reason.name())), name);
  }

  @Test
  void theHandBuiltTokenOfTheAttacksVerifiesUntouched() {
    // the baseline the attacks mutate: without it every rejection above could come from a broken fixture
    JwtVerification v = verify(forge(header(), claims(credential()), RSA));
    assertTrue(v.verified(), v.result().toString());
    assertTrue(v.result().passed(CheckName.PROOF));
  }

  static Set<String> names(ObjectNode n) {
    Set<String> s = new TreeSet<>();
    n.fieldNames().forEachRemaining(s::add);
    return s;
  }
}
