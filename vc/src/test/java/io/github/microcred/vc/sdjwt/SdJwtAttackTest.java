package io.github.microcred.vc.sdjwt;

import static io.github.microcred.vc.sdjwt.SdJwtFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.microcred.vc.KeyPair;
import io.github.microcred.vc.KeyType;
import io.github.microcred.vc.internal.sdjwt.SdJwtCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** SD-JWT VC as an attacker sees it: each named attack, then a seeded mutation suite. None is accepted. */
class SdJwtAttackTest {

  // ---------------------------------------------------------------- helpers: a malicious Holder or Issuer

  private static String jws(ObjectNode header, ObjectNode payload, KeyPair key) {
    String input = b64(header.toString()) + "." + b64(payload.toString());
    return input + "." + java.util.Base64.getUrlEncoder().withoutPadding()
        .encodeToString(key.sign(input.getBytes(StandardCharsets.US_ASCII)));
  }

  private static ObjectNode issuerHeader() {
    return JSON.createObjectNode().put("alg", "EdDSA").put("typ", "dc+sd-jwt")
        .put("kid", ISSUER.publicKey().didKeyVerificationMethod());
  }

  /** A signed payload with {@code iss}, {@code vct}, {@code cnf} and the given claims. */
  private static ObjectNode basePayload() {
    ObjectNode p = JSON.createObjectNode();
    p.put("iss", ISSUER.publicKey().didKey()).put("vct", "urn:example:badge").put("iat", NOW.getEpochSecond())
        .put("_sd_alg", "sha-256");
    p.putObject("cnf").set("jwk", HOLDER.publicKey().toJwk());
    return p;
  }

  private static String kb(String sdJwt, String nonce, String aud, long iat, KeyPair key) {
    ObjectNode h = JSON.createObjectNode().put("alg", key.type() == KeyType.P256 ? "ES256" : "EdDSA")
        .put("typ", "kb+jwt");
    ObjectNode p = JSON.createObjectNode().put("iat", iat).put("aud", aud).put("nonce", nonce)
        .put("sd_hash", SdJwtCodec.digest(sdJwt));
    return sdJwt + jws(h, p, key);
  }

  private static String holderKb(String sdJwt) {
    return kb(sdJwt, NONCE, AUD, NOW.getEpochSecond(), HOLDER);
  }

  private static String disclosure(String name, JsonNode value) {
    return SdJwtCodec.encode("c2FsdHNhbHRzYWx0", name, value);
  }

  /** Issuer-signed JWT with the payload, then the Disclosures, then a valid KB-JWT by the Holder. */
  private static String forged(ObjectNode payload, String... disclosures) {
    StringBuilder b = new StringBuilder(jws(issuerHeader(), payload, ISSUER)).append('~');
    for (String d : disclosures) {
      b.append(d).append('~');
    }
    return holderKb(b.toString());
  }

  private static void rejected(String token, SdJwtRejection reason) {
    SdJwtVerification v = verify(token);
    assertFalse(v.verified(), "accepted: " + v.result());
    assertTrue(v.rejectedFor(reason), "expected " + reason + ", got " + v.rejections() + " " + v.result());
  }

  private static String withoutKb(String presented) {
    return presented.substring(0, presented.lastIndexOf('~') + 1);
  }

  // ---------------------------------------------------------------- sanity: the forging helpers make valid tokens

  @Test
  void forgedHelpersProduceAValidTokenWhenNothingIsWrong() {
    String d = disclosure("name", TextNode.valueOf("Ada"));
    ObjectNode p = basePayload();
    p.putArray("_sd").add(SdJwtCodec.digest(d));
    SdJwtVerification v = verify(forged(p, d));
    assertTrue(v.verified(), v.result().toString());
    assertEquals("Ada", v.claims().orElseThrow().get("name").asText());
  }

  // ---------------------------------------------------------------- Disclosures

  @Test
  void tamperedDisclosureIsUnreferenced() throws Exception {
    String p = withoutKb(presented(issued(), "/name"));
    String[] parts = p.split("~");
    String d = unb64(parts[1]).replace("Data Analysis", "Brain Surgery");
    rejected(holderKb(parts[0] + "~" + b64(d) + "~"), SdJwtRejection.DISCLOSURE_UNREFERENCED);
  }

  @Test
  void reorderedDisclosuresBreakTheSdHash() throws Exception {
    String p = presented(issued(), "/name", "/credentialSubject/id");
    String[] parts = p.split("~");
    String swapped = parts[0] + "~" + parts[2] + "~" + parts[1] + "~" + parts[3];
    rejected(swapped, SdJwtRejection.KB_SD_HASH_MISMATCH);
  }

  @Test
  void duplicatedDisclosureIsRejectedEvenWithAFreshKeyBinding() throws Exception {
    String[] parts = withoutKb(presented(issued(), "/name")).split("~");
    rejected(holderKb(parts[0] + "~" + parts[1] + "~" + parts[1] + "~"), SdJwtRejection.DISCLOSURE_DUPLICATE);
  }

  @Test
  void digestReferencedTwiceIsRejected() {
    String d = disclosure("name", TextNode.valueOf("Ada"));
    ObjectNode p = basePayload();
    p.putArray("_sd").add(SdJwtCodec.digest(d));
    p.putObject("credentialSubject").putArray("_sd").add(SdJwtCodec.digest(d));
    rejected(forged(p, d), SdJwtRejection.DIGEST_REUSED);
    // also a decoy repeated, and a digest repeated inside an array
    ObjectNode q = basePayload();
    q.putArray("_sd").add("x").add("x");
    rejected(forged(q), SdJwtRejection.DIGEST_REUSED);
  }

  @Test
  void unreferencedDisclosureFromAnotherCredentialIsRejected() throws Exception {
    String mine = withoutKb(presented(issued(), "/name"));
    String other = issued().split("~")[1];
    rejected(holderKb(mine + other + "~"), SdJwtRejection.DISCLOSURE_UNREFERENCED);
  }

  @ParameterizedTest
  @ValueSource(strings = {"_sd", "..."})
  void reservedClaimNamesInDisclosuresAreRejected(String name) {
    String d = disclosure(name, JSON.createArrayNode().add("abc"));
    ObjectNode p = basePayload();
    p.putArray("_sd").add(SdJwtCodec.digest(d));
    rejected(forged(p, d), SdJwtRejection.CLAIM_NAME_RESERVED);
  }

  @Test
  void disclosureOverwritingAVisibleClaimIsRejected() {
    String d = disclosure("name", TextNode.valueOf("Mallory"));
    ObjectNode p = basePayload();
    p.put("name", "Ada");
    p.putArray("_sd").add(SdJwtCodec.digest(d));
    rejected(forged(p, d), SdJwtRejection.CLAIM_OVERWRITE);
    // two Disclosures of the same name at one level
    String d2 = SdJwtCodec.encode("b3RoZXJzYWx0", "name", TextNode.valueOf("Eve"));
    ObjectNode q = basePayload();
    q.putArray("_sd").add(SdJwtCodec.digest(d)).add(SdJwtCodec.digest(d2));
    rejected(forged(q, d, d2), SdJwtRejection.CLAIM_OVERWRITE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"exp", "validUntil", "credentialStatus", "cnf", "vct", "status", "issuer"})
  void neverDisclosableClaimsAreRejectedWhenDisclosed(String name) {
    String d = disclosure(name, TextNode.valueOf("2020-01-01T00:00:00Z"));
    ObjectNode p = basePayload();
    p.remove(name);
    p.putArray("_sd").add(SdJwtCodec.digest(d));
    rejected(forged(p, d), SdJwtRejection.NOT_DISCLOSABLE);
  }

  @Test
  void arrayDisclosureInSdAndPropertyDisclosureInArrayAreRejected() {
    String element = SdJwtCodec.encode("c2FsdA", null, TextNode.valueOf("x"));
    ObjectNode p = basePayload();
    p.putArray("_sd").add(SdJwtCodec.digest(element));
    rejected(forged(p, element), SdJwtRejection.DISCLOSURE_MISMATCH);
    String property = disclosure("a", TextNode.valueOf("x"));
    ObjectNode q = basePayload();
    q.putArray("list").addObject().put("...", SdJwtCodec.digest(property));
    rejected(forged(q, property), SdJwtRejection.DISCLOSURE_MISMATCH);
  }

  @Test
  void arrayDigestObjectWithExtraKeysIsRejected() {
    String element = SdJwtCodec.encode("c2FsdA", null, TextNode.valueOf("x"));
    ObjectNode q = basePayload();
    q.putArray("list").addObject().put("...", SdJwtCodec.digest(element)).put("extra", 1);
    rejected(forged(q, element), SdJwtRejection.MALFORMED);
  }

  @Test
  void disclosuresMustBeStrictJsonArrays() {
    for (String json : List.of("[\"s\",\"a\",1,2]", "[\"s\"]", "{\"s\":1}", "[1,\"a\",1]", "[\"s\",2,1]",
        "[\"s\",\"a\",{\"k\":1,\"k\":2}]", "[\"s\",\"a\",1] x", "")) {
      String d = b64(json);
      ObjectNode p = basePayload();
      p.putArray("_sd").add(SdJwtCodec.digest(d));
      String token = json.isEmpty() ? holderKb(jws(issuerHeader(), p, ISSUER) + "~~") : forged(p, d);
      SdJwtVerification v = verify(token);
      assertFalse(v.verified(), json);
      assertTrue(v.rejectedFor(SdJwtRejection.DISCLOSURE_MALFORMED) || v.rejectedFor(SdJwtRejection.MALFORMED),
          json + " -> " + v.rejections());
    }
  }

  @Test
  void nonCanonicalBase64IsRejected() throws Exception {
    String p = presented(issued(), "/name");
    String kbSig = p.substring(p.lastIndexOf('.') + 1);
    // an Ed25519/ES256 signature is 86 characters: the last one carries 4 unused bits
    char last = kbSig.charAt(kbSig.length() - 1);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    char twin = alphabet.charAt(alphabet.indexOf(last) ^ 1); // same high bits, a different unused bit
    String mutated = p.substring(0, p.length() - 1) + twin;
    assertFalse(verify(mutated).verified());
  }

  // ---------------------------------------------------------------- Key Binding

  @Test
  void missingKeyBindingIsRejected() throws Exception {
    rejected(withoutKb(presented(issued(), "/name")), SdJwtRejection.KB_MISSING);
  }

  @Test
  void wrongNonceAndAudienceAreRejected() throws Exception {
    String sd = withoutKb(presented(issued(), "/name"));
    rejected(kb(sd, "other-nonce", AUD, NOW.getEpochSecond(), HOLDER), SdJwtRejection.KB_NONCE_MISMATCH);
    rejected(kb(sd, NONCE, "https://evil.example", NOW.getEpochSecond(), HOLDER), SdJwtRejection.KB_AUDIENCE_MISMATCH);
  }

  @Test
  void staleAndFutureIatAreRejected() throws Exception {
    String sd = withoutKb(presented(issued(), "/name"));
    long now = NOW.getEpochSecond();
    long maxAge = SdJwtVerifyOperation.DEFAULT_KB_MAX_AGE.toSeconds() + 60;
    rejected(kb(sd, NONCE, AUD, now - maxAge - 1, HOLDER), SdJwtRejection.KB_STALE);
    rejected(kb(sd, NONCE, AUD, now + 61, HOLDER), SdJwtRejection.KB_STALE);
    assertTrue(verify(kb(sd, NONCE, AUD, now - maxAge + 1, HOLDER)).verified());
    // a narrower age
    SdJwtVerification v = SdJwt.verify(kb(sd, NONCE, AUD, now - 120, HOLDER)).withClock(CLOCK)
        .withKeyBinding(NONCE, AUD).withKeyBindingMaxAge(Duration.ofSeconds(30)).get();
    assertTrue(v.rejectedFor(SdJwtRejection.KB_STALE), v.toString());
  }

  @Test
  void wrongSdHashIsRejected() throws Exception {
    String full = withoutKb(presented(issued(), "/name", "/credentialSubject/id"));
    String less = withoutKb(presented(issued(), "/name"));
    String kbOfFull = kb(full, NONCE, AUD, NOW.getEpochSecond(), HOLDER).substring(full.length());
    rejected(less + kbOfFull, SdJwtRejection.KB_SD_HASH_MISMATCH);
    // a KB-JWT from another credential's presentation
    String foreign = presented(issued(), "/name");
    rejected(less + foreign.substring(foreign.lastIndexOf('~') + 1), SdJwtRejection.KB_SD_HASH_MISMATCH);
  }

  @Test
  void keyBindingByAnotherKeyIsRejected() throws Exception {
    String sd = withoutKb(presented(issued(), "/name"));
    rejected(kb(sd, NONCE, AUD, NOW.getEpochSecond(), KeyPair.generate(KeyType.P256)),
        SdJwtRejection.KB_SIGNATURE_INVALID);
    rejected(kb(sd, NONCE, AUD, NOW.getEpochSecond(), KeyPair.generate(KeyType.ED25519)),
        SdJwtRejection.ALG_KEY_MISMATCH);
  }

  @Test
  void keyBindingWithWrongTypOrAlgNoneIsRejected() throws Exception {
    String sd = withoutKb(presented(issued(), "/name"));
    ObjectNode p = JSON.createObjectNode().put("iat", NOW.getEpochSecond()).put("aud", AUD).put("nonce", NONCE)
        .put("sd_hash", SdJwtCodec.digest(sd));
    rejected(sd + jws(JSON.createObjectNode().put("alg", "ES256").put("typ", "JWT"), p, HOLDER),
        SdJwtRejection.KB_MALFORMED);
    rejected(sd + b64("{\"alg\":\"none\",\"typ\":\"kb+jwt\"}") + "." + b64(p.toString()) + ".",
        SdJwtRejection.ALG_NONE);
  }

  @Test
  void keyBindingWithoutCnfIsRejected() {
    ObjectNode p = basePayload();
    p.remove("cnf");
    rejected(forged(p), SdJwtRejection.CNF_MISSING);
  }

  // ---------------------------------------------------------------- _sd_alg

  @ParameterizedTest
  @ValueSource(strings = {"\"md5\"", "\"none\"", "\"sha-1\"", "\"SHA-256\"", "\"SHA-512\"", "\"sha512\"",
      "\"sha3-256\"", "\"sha-384 \"", "\"sha-224\"", "\"\"", "5", "null", "[\"sha-256\"]",
      "{\"alg\":\"sha-256\"}"})
  void sdAlgAttacksAreRejected(String alg) throws Exception {
    String d = disclosure("name", TextNode.valueOf("Ada"));
    ObjectNode p = basePayload();
    p.set("_sd_alg", JSON.readTree(alg));
    p.putArray("_sd").add(SdJwtCodec.digest(d));
    rejected(forged(p, d), SdJwtRejection.SD_ALG_UNSUPPORTED);
  }

  /** A payload that names one {@code _sd_alg} and digests made with another: no Disclosure is referenced. */
  @ParameterizedTest
  @ValueSource(strings = {"sha-256>sha-512", "sha-512>sha-256", "sha-384>sha-512", "sha-512>sha-384"})
  void digestsOfAnotherAlgorithmThanSdAlgReferenceNothing(String pair) throws Exception {
    String[] a = pair.split(">");
    String d = disclosure("name", TextNode.valueOf("Ada"));
    ObjectNode p = basePayload().put("_sd_alg", a[0]);
    p.putArray("_sd").add(SdJwtCodec.digest(a[1], d));
    rejected(forged(p, d), SdJwtRejection.DISCLOSURE_UNREFERENCED);
    // baseline: the same token with matching digests verifies (the KB-JWT's sd_hash too must use _sd_alg)
    ObjectNode ok = basePayload().put("_sd_alg", a[0]);
    ok.putArray("_sd").add(SdJwtCodec.digest(a[0], d));
    String sdJwt = jws(issuerHeader(), ok, ISSUER) + "~" + d + "~";
    ObjectNode h = JSON.createObjectNode().put("alg", "ES256").put("typ", "kb+jwt");
    ObjectNode kbRight = JSON.createObjectNode().put("iat", NOW.getEpochSecond()).put("aud", AUD).put("nonce", NONCE)
        .put("sd_hash", SdJwtCodec.digest(a[0], sdJwt));
    SdJwtVerification v = verify(sdJwt + jws(h, kbRight, HOLDER));
    assertTrue(v.verified(), v.result().toString());
    assertEquals("Ada", v.claims().orElseThrow().get("name").asText());
    // an sd_hash made with another algorithm than _sd_alg does not cover the SD-JWT
    ObjectNode kbWrong = kbRight.deepCopy().put("sd_hash", SdJwtCodec.digest(a[1], sdJwt));
    rejected(sdJwt + jws(h, kbWrong, HOLDER), SdJwtRejection.KB_SD_HASH_MISMATCH);
  }

  @Test
  void sdAlgChangedAfterSigningBreaksTheSignature() throws Exception {
    String[] parts = presented(issued(), "/name").split("~");
    String[] jwt = parts[0].split("\\.");
    String payload = unb64(jwt[1]).replace("\"sha-256\"", "\"md5\"");
    rejected(parts[0].replace(jwt[1], b64(payload)) + "~" + parts[1] + "~" + parts[2],
        SdJwtRejection.SIGNATURE_INVALID);
  }

  // ---------------------------------------------------------------- the Issuer-signed JWT

  @Test
  void algNoneIsRejected() throws Exception {
    String[] parts = presented(issued(), "/name").split("~");
    String[] jwt = parts[0].split("\\.");
    String none = b64("{\"alg\":\"none\",\"typ\":\"dc+sd-jwt\"}") + "." + jwt[1] + ".";
    rejected(none + "~" + parts[1] + "~", SdJwtRejection.ALG_NONE);
  }

  @Test
  void hs256KeyedWithThePublicKeyIsRejected() throws Exception {
    String[] parts = presented(issued(), "/name").split("~");
    String[] jwt = parts[0].split("\\.");
    String header = b64("{\"alg\":\"HS256\",\"typ\":\"dc+sd-jwt\",\"kid\":\""
        + ISSUER.publicKey().didKeyVerificationMethod() + "\"}");
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(ISSUER.publicKey().encoded(), "HmacSHA256"));
    String sig = java.util.Base64.getUrlEncoder().withoutPadding()
        .encodeToString(mac.doFinal((header + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII)));
    rejected(holderKb(header + "." + jwt[1] + "." + sig + "~" + parts[1] + "~"), SdJwtRejection.ALG_NOT_ALLOWED);
  }

  @ParameterizedTest
  @ValueSource(strings = {"vc+sd-jwt", "JWT", "example+sd-jwt"})
  void otherTypsAreRejected(String typ) {
    ObjectNode h = issuerHeader().put("typ", typ);
    rejected(holderKb(jws(h, basePayload(), ISSUER) + "~"), SdJwtRejection.TYP_MISMATCH);
  }

  @Test
  void kidOfAnotherIssuerAndCritAreRejected() {
    KeyPair other = KeyPair.generate(KeyType.ED25519);
    ObjectNode h = issuerHeader().put("kid", other.publicKey().didKeyVerificationMethod());
    rejected(holderKb(jws(h, basePayload(), other) + "~"), SdJwtRejection.KID_NOT_ISSUER);
    ObjectNode c = issuerHeader();
    c.putArray("crit").add("exp");
    rejected(holderKb(jws(c, basePayload(), ISSUER) + "~"), SdJwtRejection.CRIT_UNKNOWN);
    ObjectNode noIss = basePayload();
    noIss.remove("iss");
    rejected(holderKb(jws(issuerHeader(), noIss, ISSUER) + "~"), SdJwtRejection.ISSUER_MISSING);
  }

  /**
   * Session 12 attacker review: an RFC 7797 b64 header outside crit (another verifier would read the payload
   * unencoded), and NumericDates that a 64-bit read wraps ({@code 2^64 + t} read as {@code t}) or that no instant holds.
   */
  @Test
  void b64HeaderAndOutOfRangeNumericDatesAreRejected() {
    ObjectNode b64 = issuerHeader().put("b64", false);
    rejected(holderKb(jws(b64, basePayload(), ISSUER) + "~"), SdJwtRejection.MALFORMED);
    java.math.BigInteger wrapped = java.math.BigInteger.ONE.shiftLeft(64)
        .add(java.math.BigInteger.valueOf(NOW.getEpochSecond() + 3600));
    rejected(forged(basePayload().put("exp", wrapped)), SdJwtRejection.BAD_TIME);
    rejected(forged(basePayload().put("nbf", 1e300)), SdJwtRejection.BAD_TIME);
    assertTrue(verify(forged(basePayload().put("exp", NOW.getEpochSecond() + 3600))).verified());
  }

  @Test
  void duplicateKeysInThePayloadAreRejected() {
    String payload = basePayload().toString().replace("{\"iss\"", "{\"vct\":\"urn:other\",\"iss\"");
    String input = b64(issuerHeader().toString()) + "." + b64(payload);
    String jwt = input + "." + java.util.Base64.getUrlEncoder().withoutPadding()
        .encodeToString(ISSUER.sign(input.getBytes(StandardCharsets.US_ASCII)));
    rejected(holderKb(jwt + "~"), SdJwtRejection.MALFORMED);
  }

  @Test
  void expiredAndMissingVctAreRejected() {
    ObjectNode p = basePayload().put("exp", NOW.getEpochSecond() - 3600);
    rejected(forged(p), SdJwtRejection.EXPIRED);
    ObjectNode q = basePayload();
    q.remove("vct");
    rejected(forged(q), SdJwtRejection.VCT_MISSING);
  }

  @Test
  void issMustBeTheCredentialsIssuer() throws Exception {
    ObjectNode p = badge();
    p.setAll(basePayload());
    ((ObjectNode) p.get("issuer")).put("id", "did:example:someone-else");
    rejected(forged(p), SdJwtRejection.ISS_MISMATCH);
  }

  // ---------------------------------------------------------------- bounds

  @Test
  void oversizedTokenIsRejectedBeforeDecoding() throws Exception {
    String p = presented(issued(), "/name");
    char[] pad = new char[6 << 20];
    Arrays.fill(pad, 'A');
    rejected(new String(pad) + p, SdJwtRejection.TOO_LARGE);
  }

  @Test
  void tooManyDisclosuresAreRejected() {
    StringBuilder b = new StringBuilder(jws(issuerHeader(), basePayload(), ISSUER)).append('~');
    for (int i = 0; i <= SdJwtVerifyOperation.MAX_DISCLOSURES; i++) {
      b.append("WyJzIiwiYSIsMV0~");
    }
    rejected(holderKb(b.toString()), SdJwtRejection.TOO_LARGE);
  }

  @Test
  void deeplyRecursiveDisclosuresAreBounded() {
    List<String> ds = new ArrayList<>();
    String digest = null;
    for (int i = 0; i < SdJwtCodec.MAX_DEPTH + 5; i++) {
      ObjectNode inner = JSON.createObjectNode();
      if (digest != null) {
        inner.putArray("_sd").add(digest);
      }
      String d = SdJwtCodec.encode("s" + i, "n", inner);
      ds.add(d);
      digest = SdJwtCodec.digest(d);
    }
    ObjectNode p = basePayload();
    p.putArray("_sd").add(digest);
    rejected(forged(p, ds.toArray(new String[0])), SdJwtRejection.TOO_LARGE);
  }

  // ---------------------------------------------------------------- seeded mutation suite

  static LongStream seeds() {
    return LongStream.range(0, 40).map(i -> 0x5d1a7L * 31 + i);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void mutatedPresentationsAreNeverAccepted(long seed) throws Exception {
    SplittableRandom r = new SplittableRandom(seed);
    String good = MUTATION_BASE;
    assertTrue(verify(good).verified(), "seed " + seed + ": the base presentation must verify");
    for (int round = 0; round < 25; round++) {
      String bad = mutate(good, r);
      if (bad.equals(good)) {
        continue;
      }
      SdJwtVerification v = verify(bad);
      assertFalse(v.verified(), "seed " + seed + " round " + round + ": mutated token accepted: " + bad);
    }
  }

  private static final String MUTATION_BASE;

  static {
    try {
      MUTATION_BASE = presented(issued(), "/name", "/credentialSubject/achievement/description",
          "/credentialSubject/result/1");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static final String B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

  private static String mutate(String token, SplittableRandom r) throws Exception {
    List<String> parts = new ArrayList<>(Arrays.asList(token.split("~", -1)));
    int kbAt = parts.size() - 1;
    switch (r.nextInt(7)) {
      case 0: { // flip one character anywhere (not a separator)
        int i = r.nextInt(token.length());
        char c = token.charAt(i);
        if (c == '~' || c == '.') {
          return token;
        }
        char n = B64.charAt(r.nextInt(B64.length()));
        return token.substring(0, i) + n + token.substring(i + 1);
      }
      case 1: // drop a Disclosure, keep the KB-JWT
        parts.remove(1 + r.nextInt(kbAt - 1));
        return String.join("~", parts);
      case 2: { // duplicate a Disclosure and re-sign the KB-JWT as the Holder
        parts.add(1, parts.get(1 + r.nextInt(kbAt - 1)));
        parts.remove(parts.size() - 1);
        return holderKb(String.join("~", parts) + "~");
      }
      case 3: { // a Disclosure from another issuance, KB-JWT re-signed
        String[] other = issued().split("~");
        parts.add(1, other[1 + r.nextInt(other.length - 1)]);
        parts.remove(parts.size() - 1);
        return holderKb(String.join("~", parts) + "~");
      }
      case 4: { // swap two Disclosures
        if (kbAt < 3) {
          return token;
        }
        int a = 1 + r.nextInt(kbAt - 1);
        int b = 1 + (a % (kbAt - 1));
        String t = parts.get(a);
        parts.set(a, parts.get(b));
        parts.set(b, t);
        return String.join("~", parts);
      }
      case 5: { // change a claim value inside a Disclosure, re-encode, KB re-signed
        int i = 1 + r.nextInt(kbAt - 1);
        ArrayNode d = (ArrayNode) JSON.readTree(unb64(parts.get(i)));
        d.set(d.size() - 1, TextNode.valueOf("forged-" + r.nextInt(1000)));
        parts.set(i, b64(d.toString()));
        parts.remove(parts.size() - 1);
        return holderKb(String.join("~", parts) + "~");
      }
      default: { // truncate
        return token.substring(0, 1 + r.nextInt(token.length() - 1));
      }
    }
  }
}
