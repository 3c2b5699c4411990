package io.github.microcred.vc.status;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.CheckName;
import io.github.microcred.vc.ControllerDocument;
import io.github.microcred.vc.KeyPair;
import io.github.microcred.vc.KeyType;
import io.github.microcred.vc.PublicKey;
import io.github.microcred.vc.StatusCheck;
import io.github.microcred.vc.VcErrorCode;
import io.github.microcred.vc.VcException;
import io.github.microcred.vc.VerificationCheck;
import io.github.microcred.vc.VerifyOptions;
import io.github.microcred.vc.internal.sdjwt.CompactJws;
import io.github.microcred.vc.sdjwt.SdJwt;
import io.github.microcred.vc.sdjwt.SdJwtRejection;
import io.github.microcred.vc.sdjwt.SdJwtVerification;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The {@code status} claim of SD-JWT VCs read through IETF Token Status List tokens: issue with an entry, publish
 * the Status List Token, verify VALID / INVALID / SUSPENDED; every way to make the verifier read a status the
 * issuer did not sign, or to make it work without bound, is refused with its reason.
 */
class TokenStatusListCheckTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final KeyPair ISSUER = KeyPair.generate(KeyType.ED25519);
  static final KeyPair OTHER = KeyPair.generate(KeyType.ED25519);
  static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final String URI = "https://status.example.edu/token-status-lists/1";
  static final long IDX = 3;

  static ObjectNode badge() throws Exception {
    try (InputStream in = TokenStatusListCheckTest.class.getResourceAsStream("/sdjwt/ob3-badge.json")) {
      ObjectNode b = (ObjectNode) JSON.readTree(in);
      ((ObjectNode) b.get("issuer")).put("id", ISSUER.publicKey().didKey());
      return b;
    }
  }

  static String issued(long idx) throws Exception {
    return SdJwt.issue(badge(), ISSUER).withStatusListEntry(URI, idx).withClock(CLOCK).get();
  }

  static String token(Map<Long, Integer> statuses) throws VcException {
    return TokenStatusList.of(2, 64, statuses).signer(URI, ISSUER).withClock(CLOCK).withTtl(Duration.ofHours(1))
        .withExpiry(NOW.plus(Duration.ofDays(1))).get();
  }

  static SdJwtVerification verify(String sdJwt, StatusCheck check) {
    VerifyOptions o = VerifyOptions.defaults().withClock(CLOCK);
    return SdJwt.verify(sdJwt).withOptions(check == null ? o : o.withStatus(check)).withoutKeyBinding().get();
  }

  static TokenStatusListCheck check(String published) {
    return TokenStatusListCheck.create(StatusListSource.offline(Map.of(URI, published)));
  }

  static VerificationCheck status(SdJwtVerification v) {
    List<VerificationCheck> s = v.result().checks(CheckName.STATUS);
    assertEquals(1, s.size(), v.result().toString());
    return s.get(0);
  }

  static void assertRefused(SdJwtVerification v, String why) {
    assertFalse(v.verified(), v.result().toString());
    assertTrue(v.rejections().contains(SdJwtRejection.STATUS), v.rejections().toString());
    VerificationCheck s = status(v);
    assertTrue(s.failed(), s.toString());
    assertTrue(s.message().contains(why), "expected '" + why + "' in: " + s.message());
  }

  @Test
  void anIssuedEntryIsInThePayloadAndVisible() throws Exception {
    String sdJwt = issued(IDX);
    JsonNode payload = JSON.readTree(Base64.getUrlDecoder().decode(sdJwt.split("~")[0].split("\\.")[1]));
    assertEquals(JSON.readTree("{\"status_list\":{\"idx\":3,\"uri\":\"" + URI + "\"}}"), payload.get("status"));
    VcException x = assertThrows(VcException.class, () -> SdJwt.issue(badge(), ISSUER).withStatusListEntry(URI, 1)
        .withDisclosable("/status").get());
    assertEquals(VcErrorCode.INVALID_ARGUMENT, x.code());
    assertThrows(IllegalArgumentException.class, () -> SdJwt.issue(badge(), ISSUER).withStatusListEntry("rel/1", 1));
    assertThrows(IllegalArgumentException.class, () -> SdJwt.issue(badge(), ISSUER).withStatusListEntry(URI, -1));
  }

  @Test
  void validRevokedAndSuspendedAreReadFromTheSignedList() throws Exception {
    String published = token(Map.of(1L, TokenStatusList.INVALID, 2L, TokenStatusList.SUSPENDED, 5L, 3));
    SdJwtVerification ok = verify(issued(IDX), check(published));
    assertTrue(ok.verified(), ok.result().toString());
    assertTrue(status(ok).message().startsWith("VALID (idx 3 of " + URI), status(ok).message());
    assertRefused(verify(issued(1), check(published)), "revoked: status INVALID");
    assertRefused(verify(issued(2), check(published)), "suspended: status SUSPENDED");
    assertRefused(verify(issued(5), check(published)), "status 0x03 is not VALID (application-specific");
    assertRefused(verify(issued(64), check(published)), "outside the Status List");
    assertRefused(verify(issued(1 << 30), check(published)), "(at most 134217727)");
  }

  @Test
  void withoutAStatusCheckOrWithOneForAnotherKindItFailsClosed() throws Exception {
    String published = token(Map.of());
    assertRefused(verify(issued(IDX), null), "fails closed");
    // a Bitstring Status List check has nothing to read in a status claim: not applicable is not a pass
    BitstringStatusCheck bitstring = BitstringStatusCheck.create(StatusListSource.offline(Map.of()));
    assertRefused(verify(issued(IDX), bitstring), "fails closed");
    // combined by mechanism name, the status claim goes to the Token Status List check
    StatusCheck both = StatusChecks.byType(Map.of("BitstringStatusListEntry", bitstring,
        TokenStatusListCheck.MECHANISM, check(published)));
    assertTrue(verify(issued(IDX), both).verified());
    StatusCheck bitstringOnly = StatusChecks.byType(Map.of("BitstringStatusListEntry", bitstring));
    assertRefused(verify(issued(IDX), bitstringOnly), "no status check for status mechanism 'status_list'");
  }

  @Test
  void theStatusClaimAndCredentialStatusAreEachChecked() throws Exception {
    // an SD-JWT VC with a Bitstring entry too: a Token Status List check alone leaves credentialStatus unread
    ObjectNode b = badge();
    b.putObject("credentialStatus").put("id", URI + "#b").put("type", "BitstringStatusListEntry")
        .put("statusPurpose", "revocation").put("statusListIndex", "7")
        .put("statusListCredential", "https://status.example.edu/bitstring/1");
    String sdJwt = SdJwt.issue(b, ISSUER).withStatusListEntry(URI, IDX).withClock(CLOCK).get();
    SdJwtVerification v = verify(sdJwt, check(token(Map.of())));
    assertFalse(v.verified());
    assertTrue(v.result().checks(CheckName.STATUS).stream().anyMatch(c -> c.failed()
        && c.path().equals("/credentialStatus") && c.message().contains("fails closed")), v.result().toString());
    assertTrue(v.result().checks(CheckName.STATUS).stream().anyMatch(c -> !c.failed()
        && c.message().startsWith("VALID")), v.result().toString());
  }

  @Test
  void tamperingWithTheEntryBreaksTheIssuersSignature() throws Exception {
    String published = token(Map.of(IDX, TokenStatusList.INVALID));
    String sdJwt = issued(IDX);
    String[] jws = sdJwt.split("~")[0].split("\\.");
    ObjectNode payload = (ObjectNode) JSON.readTree(Base64.getUrlDecoder().decode(jws[1]));
    ((ObjectNode) payload.get("status").get("status_list")).put("idx", 4); // a VALID index
    String forged = jws[0] + "." + b64(payload.toString()) + "." + jws[2] + "~";
    SdJwtVerification v = verify(forged, check(published));
    assertFalse(v.verified());
    assertTrue(v.rejections().contains(SdJwtRejection.SIGNATURE_INVALID), v.rejections().toString());
    assertRefused(verify(issued(IDX), check(published)), "revoked");
  }

  static String b64(String s) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  /** A Status List Token built by hand: the good one, then one change to header or claims, signed by {@code key}. */
  static String forge(KeyPair key, Consumer<ObjectNode> header, Consumer<ObjectNode> claims) throws Exception {
    ObjectNode h = JSON.createObjectNode().put("alg", "EdDSA").put("typ", TokenStatusList.TYP)
        .put("kid", ISSUER.publicKey().didKeyVerificationMethod());
    ObjectNode c = JSON.createObjectNode().put("sub", URI).put("iat", NOW.getEpochSecond() - 60)
        .put("exp", NOW.getEpochSecond() + 3600).put("ttl", 600).put("iss", ISSUER.publicKey().didKey());
    c.set("status_list", TokenStatusList.of(1, 16, Map.of(9L, 1)).toJson());
    header.accept(h);
    claims.accept(c);
    return CompactJws.sign(h, c, key);
  }

  static String withSignature(String jws, String signature) {
    return jws.substring(0, jws.lastIndexOf('.') + 1) + signature;
  }

  @Test
  void theHandBuiltTokenOfTheAttacksVerifiesUntouched() throws Exception {
    String good = forge(ISSUER, h -> {}, c -> {});
    assertTrue(verify(issued(IDX), check(good)).verified());
    assertRefused(verify(issued(9), check(good)), "revoked");
  }

  @Test
  void forgedOrMalformedStatusListTokensAreRefusedWithTheirReason() throws Exception {
    String otherKid = OTHER.publicKey().didKeyVerificationMethod();
    Map<String, String> attacks = new LinkedHashMap<>();
    attacks.put(forge(OTHER, h -> h.put("kid", otherKid), c -> {}), "belongs to '" + OTHER.publicKey().didKey());
    attacks.put(forge(OTHER, h -> {}, c -> {}), "the signature does not verify");
    attacks.put(forge(OTHER, h -> h.remove("kid"), c -> {}), "the signature does not verify");
    attacks.put(forge(ISSUER, h -> {}, c -> c.put("sub", URI + "/other")), "sub: must be the status_list.uri");
    attacks.put(forge(ISSUER, h -> {}, c -> c.remove("sub")), "sub: must be the status_list.uri");
    attacks.put(forge(ISSUER, h -> {}, c -> c.put("iss", OTHER.publicKey().didKey())), "is not the issuer");
    attacks.put(forge(ISSUER, h -> {}, c -> c.put("exp", NOW.getEpochSecond() - 3600)), "expired at");
    attacks.put(forge(ISSUER, h -> {}, c -> c.put("exp", "tomorrow")), "exp: expected NumericDate");
    attacks.put(forge(ISSUER, h -> {}, c -> c.remove("iat")), "iat: required");
    attacks.put(forge(ISSUER, h -> {}, c -> c.put("iat", NOW.getEpochSecond() + 7200)), "after the verification");
    attacks.put(forge(ISSUER, h -> {}, c -> c.put("ttl", 0)), "ttl: expected a positive");
    attacks.put(forge(ISSUER, h -> {}, c -> c.put("ttl", -5)), "ttl: expected a positive");
    attacks.put(forge(ISSUER, h -> {}, c -> c.remove("status_list")), "status_list: expected an object");
    attacks.put(forge(ISSUER, h -> {}, c -> ((ObjectNode) c.get("status_list")).put("bits", 3)), ".bits: expected");
    attacks.put(forge(ISSUER, h -> {}, c -> ((ObjectNode) c.get("status_list")).put("lst", "eNo=")), "base64url");
    attacks.put(forge(ISSUER, h -> h.put("typ", "JWT"), c -> {}), "header.typ: expected 'statuslist+jwt'");
    attacks.put(forge(ISSUER, h -> h.remove("typ"), c -> {}), "header.typ: expected 'statuslist+jwt'");
    attacks.put(forge(ISSUER, h -> h.put("typ", "application/statuslist+jwt"), c -> {}), "header.typ");
    attacks.put(forge(ISSUER, h -> h.put("alg", "none"), c -> {}), "never none or a MAC");
    attacks.put(forge(ISSUER, h -> h.put("alg", "HS256"), c -> {}), "never none or a MAC");
    attacks.put(forge(ISSUER, h -> h.put("alg", "ES256"), c -> {}), "needs a P256 key");
    attacks.put(forge(ISSUER, h -> h.set("jwk", OTHER.publicKey().toJwk()), c -> {}), "header.jwk is not read");
    attacks.put(forge(ISSUER, h -> h.putArray("x5c").add("MIIB"), c -> {}), "header.x5c is not read");
    attacks.put(forge(ISSUER, h -> h.putArray("crit").add("exp"), c -> {}), "header.crit is not read");
    attacks.put(forge(ISSUER, h -> h.put("kid", "#nope"), c -> {}), "header.kid");
    String good = forge(ISSUER, h -> {}, c -> {});
    String[] p = good.split("\\.");
    attacks.put(p[0] + "." + p[1] + "." + p[2] + "==", "the signature does not verify");
    attacks.put(withSignature(good, p[2].substring(0, 20)), "the signature does not verify");
    attacks.put(p[0] + "." + b64(new String(Base64.getUrlDecoder().decode(p[1]), StandardCharsets.UTF_8)
        .replace("\"ttl\":600", "\"ttl\":601")) + "." + p[2], "the signature does not verify");
    attacks.put(p[0] + "." + b64("{\"sub\":\"" + URI + "\",\"sub\":\"x\"}") + "." + p[2], "uplicate");
    attacks.put(p[0] + "." + p[1], "3 parts");
    attacks.put("", "3 parts");
    for (Map.Entry<String, String> a : attacks.entrySet()) {
      SdJwtVerification v = verify(issued(IDX), check(a.getKey()));
      assertRefused(v, a.getValue());
    }
  }

  @Test
  void theStatusClaimItselfMustBeWellFormed() throws Exception {
    String published = token(Map.of());
    TokenStatusListCheck c = check(published);
    Map<String, String> claims = new LinkedHashMap<>();
    claims.put("{\"status_list\":{\"idx\":-1,\"uri\":\"" + URI + "\"}}", "idx: expected a non-negative");
    claims.put("{\"status_list\":{\"idx\":\"3\",\"uri\":\"" + URI + "\"}}", "idx: expected a non-negative");
    claims.put("{\"status_list\":{\"idx\":3.0,\"uri\":\"" + URI + "\"}}", "idx: expected a non-negative");
    claims.put("{\"status_list\":{\"idx\":99999999999999999999,\"uri\":\"" + URI + "\"}}", "idx: expected");
    claims.put("{\"status_list\":{\"uri\":\"" + URI + "\"}}", "idx: expected a non-negative");
    claims.put("{\"status_list\":{\"idx\":3,\"uri\":\"token-status-lists/1\"}}", "uri: expected the absolute URI");
    claims.put("{\"status_list\":{\"idx\":3}}", "uri: expected the absolute URI");
    claims.put("{\"status_list\":[3,\"" + URI + "\"]}", "expected an object {idx, uri}");
    claims.put("{\"status_list\":{\"idx\":3,\"uri\":\"" + URI + "\"},\"other\":{}}", "status.other: a status "
        + "mechanism this check does not read");
    claims.put("{}", "expected an object naming a status mechanism");
    claims.put("[]", "expected an object naming a status mechanism");
    claims.put("\"revoked\"", "expected an object naming a status mechanism");
    for (Map.Entry<String, String> e : claims.entrySet()) {
      ObjectNode cred = JSON.createObjectNode().put("iss", ISSUER.publicKey().didKey());
      cred.set("status", JSON.readTree(e.getKey()));
      VerificationCheck r = c.check(cred, NOW);
      assertTrue(r.failed(), e.getKey() + " -> " + r);
      assertTrue(r.message().contains(e.getValue()), e.getKey() + " -> " + r.message());
    }
    ObjectNode noIssuer = JSON.createObjectNode();
    noIssuer.set("status", JSON.readTree("{\"status_list\":{\"idx\":3,\"uri\":\"" + URI + "\"}}"));
    assertTrue(c.check(noIssuer, NOW).message().contains("needs the credential's issuer"));
    assertEquals(VerificationCheck.Outcome.NOT_APPLICABLE, c.check(JSON.createObjectNode(), NOW).outcome());
  }

  @Test
  void anUnreachableListAndAnOversizedTokenFailClosedBeforeAnyWork() throws Exception {
    assertRefused(verify(issued(IDX), TokenStatusListCheck.create(StatusListSource.offline(Map.of()))),
        "not among the offline lists");
    assertRefused(verify(issued(IDX), TokenStatusListCheck.create(url -> {
      throw new IllegalStateException("boom");
    })), "status check failed");
    // a list that inflates beyond the bound: refused, after the signature and before any statuses are read
    String big = TokenStatusList.of(8, 1 << 20, Map.of()).signer(URI, ISSUER).withClock(CLOCK).get();
    assertRefused(verify(issued(IDX), check(big).withOptions(StatusListOptions.defaults().withMaxListBytes(1 << 16))), "inflates to more than 65536 bytes");
    assertTrue(verify(issued(IDX), check(big)).verified());
    // text beyond the bound is refused by its length
    String huge = "e".repeat((int) io.github.microcred.vc.internal.status.TokenStatusLists.maxTokenChars(1024) + 1);
    assertRefused(verify(issued(IDX), check(huge).withOptions(StatusListOptions.defaults().withMaxListBytes(1024))), "characters, at most");
  }

  @Test
  void aListIssuedByAnotherIssuerIsNotThisCredentialsEvenWithAValidSignature() throws Exception {
    // OTHER publishes a well-signed token at the same URI: the credential's issuer did not sign it
    String othersList = TokenStatusList.of(1, 16, Map.of()).signer(URI, OTHER).withClock(CLOCK).get();
    assertRefused(verify(issued(IDX), check(othersList)), "is not the issuer '" + ISSUER.publicKey().didKey());
    // and without its iss claim, by its kid
    String noIss = forge(OTHER, h -> h.put("kid", OTHER.publicKey().didKeyVerificationMethod()), c -> c.remove("iss"));
    assertRefused(verify(issued(IDX), check(noIss)), "belongs to '" + OTHER.publicKey().didKey());
  }

  @Test
  void anIssuerThatIsNotADidIsBoundThroughItsControllerDocument() throws Exception {
    String iss = "https://issuer.example.edu";
    ControllerDocument doc = ControllerDocument.singleKey(iss, iss + "#key-1", "Multikey", ISSUER.publicKey());
    ObjectNode b = badge();
    ((ObjectNode) b.get("issuer")).put("id", iss);
    String sdJwt = SdJwt.issue(b, ISSUER).withKeyId(iss + "#key-1").withStatusListEntry(URI, IDX).withClock(CLOCK)
        .get();
    String noKid = TokenStatusList.of(1, 16, Map.of(IDX, 1)).signer(URI, ISSUER).withIssuer(iss).withClock(CLOCK)
        .get();
    String kid = TokenStatusList.of(1, 16, Map.of()).signer(URI, ISSUER).withIssuer(iss).withKeyId("#key-1")
        .withClock(CLOCK).get();
    VerifyOptions o = VerifyOptions.defaults().withClock(CLOCK).withControllerDocument(doc);
    SdJwtVerification revoked = SdJwt.verify(sdJwt).withOptions(o.withStatus(check(noKid).withOptions(
        StatusListOptions.defaults().withControllerDocument(doc))))
        .withoutKeyBinding().get();
    assertRefused(revoked, "revoked");
    SdJwtVerification valid = SdJwt.verify(sdJwt).withOptions(o.withStatus(check(kid).withOptions(
        StatusListOptions.defaults().withControllerDocument(doc))))
        .withoutKeyBinding().get();
    assertTrue(valid.verified(), valid.result().toString());
    // without the issuer's controller document the status check cannot find the key: fails closed
    SdJwtVerification unknown = SdJwt.verify(sdJwt).withOptions(o.withStatus(check(kid))).withoutKeyBinding().get();
    assertRefused(unknown, "header.kid");
  }

  @Test
  void verifiedTokensAreCachedForTheShorterTtlAndExpiryIsCheckedOnEveryUse() throws Exception {
    AtomicInteger fetches = new AtomicInteger();
    Map<String, String> published = new HashMap<>(Map.of(URI, token(Map.of())));
    Instant[] t = {NOW};
    Clock moving = new Clock() {
      @Override
      public ZoneOffset getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(java.time.ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return t[0];
      }
    };
    TokenStatusListCheck c = TokenStatusListCheck.create(url -> {
      fetches.incrementAndGet();
      return published.get(url);
    }, StatusListOptions.defaults().withClock(moving).withTtl(Duration.ofHours(2)));
    String sdJwt = issued(IDX);
    assertTrue(verify(sdJwt, c).verified());
    published.put(URI, token(Map.of(IDX, TokenStatusList.INVALID)));
    assertTrue(verify(sdJwt, c).verified(), "still cached");
    assertEquals(1, fetches.get());
    t[0] = NOW.plus(Duration.ofMinutes(61)); // past the token's ttl (1 h), within the check's (2 h)
    assertRefused(verify(sdJwt, c), "revoked");
    assertEquals(2, fetches.get());
    // the cached token expires (exp = NOW + 1 day) even when the caller's verification time moves on
    SdJwtVerification late = SdJwt.verify(sdJwt).withOptions(VerifyOptions.defaults().withClock(CLOCK)
        .withStatus(check(token(Map.of())))).withoutKeyBinding().withClock(Clock.fixed(NOW.plus(Duration.ofDays(2)),
        ZoneOffset.UTC)).get();
    assertTrue(late.result().checks(CheckName.STATUS).get(0).message().contains("expired at"),
        late.result().toString());
  }

  @Test
  void signingRefusesWhatVerifiersWouldRefuse() throws Exception {
    TokenStatusList l = TokenStatusList.of(1, 8, Map.of());
    assertEquals(VcErrorCode.UNSUPPORTED_KEY, assertThrows(VcException.class,
        () -> l.signer(URI, KeyPair.generate(KeyType.RSA)).get()).code());
    assertThrows(VcException.class, () -> l.signer("statuslists/1", ISSUER).get());
    assertThrows(VcException.class, () -> l.signer(URI, ISSUER).withClock(CLOCK).withExpiry(NOW).get());
    assertThrows(IllegalArgumentException.class, () -> l.signer(URI, ISSUER).withTtl(Duration.ZERO));
    String jwt = l.signer(URI, ISSUER).withClock(CLOCK).get();
    JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[0]));
    assertEquals(JSON.readTree("{\"alg\":\"EdDSA\",\"typ\":\"statuslist+jwt\",\"kid\":\""
        + ISSUER.publicKey().didKeyVerificationMethod() + "\"}"), header);
    JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    assertEquals(URI, claims.get("sub").asText());
    assertEquals(NOW.getEpochSecond(), claims.get("iat").asLong());
    assertEquals(ISSUER.publicKey().didKey(), claims.get("iss").asText());
    assertEquals(l.toJson(), claims.get("status_list"));
    PublicKey k = ISSUER.publicKey();
    String[] p = jwt.split("\\.");
    assertTrue(k.verify((p[0] + "." + p[1]).getBytes(StandardCharsets.US_ASCII), Base64.getUrlDecoder().decode(p[2])));
  }
}
