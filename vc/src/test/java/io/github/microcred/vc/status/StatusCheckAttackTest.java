package io.github.microcred.vc.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.CheckName;
import io.github.microcred.vc.KeyPair;
import io.github.microcred.vc.KeyType;
import io.github.microcred.vc.StatusCheck;
import io.github.microcred.vc.VerificationCheck;
import io.github.microcred.vc.VerificationCode;
import io.github.microcred.vc.jose.VcJwt;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * The attacker's view of every status check ({@link BitstringStatusCheck}, {@link TokenStatusListCheck},
 * {@link RevocationListCheck}): an index outside the list, a list that decompresses without end, a list signed or
 * named by another issuer, a list of another {@code statusPurpose}, a malformed or zero TTL. Each is a failed
 * {@link CheckName#STATUS} check with its {@link VerificationCode} and reason (never a pass, an exception, a hang or an
 * out-of-memory), except where the spec makes it legitimate.
 *
 * <p>TTL zero, by each spec: a Bitstring list's {@code ttl} is "milliseconds before a refresh SHOULD be attempted"
 * (Bitstring Status List 1.0, BitstringStatusListCredential), so 0 is legitimate and means "read it afresh each
 * time"; a Status List Token's {@code ttl} "MUST be a positive number" (draft-ietf-oauth-status-list, Status List
 * Token in JWT format), so 0 makes the token invalid and the check fails. Both checks agree on the rest: a ttl
 * outside its spec's domain fails closed instead of falling back to the default lifetime, and a configured
 * {@link StatusListOptions#withTtl} of zero makes every check read afresh.
 */
class StatusCheckAttackTest {
  static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final String BITSTRING = "https://example.edu/status/1";
  static final String TOKEN = "https://example.edu/token-status-lists/1";
  static final String REVOCATIONS = "https://example.edu/revocations/1";

  final KeyPair key = KeyPair.generate(KeyType.ED25519);
  final String issuer = key.publicKey().didKey();
  final KeyPair mallory = KeyPair.generate(KeyType.ED25519);
  final String malloryDid = mallory.publicKey().didKey();

  static StatusListOptions options() {
    return StatusListOptions.defaults().withClock(CLOCK);
  }

  /** A credential of {@code issuer} with one status entry or claim. */
  ObjectNode credential(String member, ObjectNode status) {
    ObjectNode vc = io.github.microcred.vc.jose.JwtTestAccess.credential(issuer);
    vc.put("id", "urn:uuid:7a7a7a7a-0000-4000-8000-000000000001");
    if (member.equals("status")) {
      vc.put("iss", issuer);
    }
    vc.set(member, status);
    return vc;
  }

  ObjectNode bitstringEntry(long index) {
    return io.github.microcred.vc.jose.JwtTestAccess.JSON.createObjectNode().put("type", "BitstringStatusListEntry")
        .put("statusPurpose", "revocation").put("statusListCredential", BITSTRING)
        .put("statusListIndex", Long.toString(index));
  }

  ObjectNode tokenClaim(long idx) {
    ObjectNode s = io.github.microcred.vc.jose.JwtTestAccess.JSON.createObjectNode();
    s.putObject("status_list").put("idx", idx).put("uri", TOKEN);
    return s;
  }

  /** A Bitstring Status List credential (vc+jwt) with the given encodedList and subject ttl, signed by a key. */
  String bitstringList(String issuerDid, KeyPair signer, String encodedList, Long ttl) throws Exception {
    return bitstringList(issuerDid, signer, signer.publicKey().didKeyVerificationMethod(), "revocation",
        encodedList, ttl == null ? null : io.github.microcred.vc.jose.JwtTestAccess.JSON.getNodeFactory().numberNode(ttl));
  }

  /** The same with the signer's key id, the list's statusPurpose and any ttl value. */
  String bitstringList(String issuerDid, KeyPair signer, String kid, String purpose, String encodedList,
      com.fasterxml.jackson.databind.JsonNode ttl) throws Exception {
    ObjectNode vc = io.github.microcred.vc.jose.JwtTestAccess.JSON.createObjectNode();
    vc.putArray("@context").add("https://www.w3.org/ns/credentials/v2");
    vc.put("id", BITSTRING);
    vc.putArray("type").add("VerifiableCredential").add("BitstringStatusListCredential");
    vc.put("issuer", issuerDid);
    vc.put("validFrom", "2026-01-01T00:00:00Z");
    ObjectNode s = vc.putObject("credentialSubject").put("id", BITSTRING + "#list").put("type", "BitstringStatusList")
        .put("statusPurpose", purpose).put("encodedList", encodedList);
    if (ttl != null) {
      s.set("ttl", ttl);
    }
    return VcJwt.sign(vc, signer).withKeyId(kid).withClock(CLOCK).get();
  }

  static String emptyBitstring() throws Exception {
    return BitstringStatusList.of(StatusListDefinition.MIN_ENTRIES, 1, Map.of()).encode();
  }

  String token(KeyPair signer, TokenStatusList list, Duration ttl) throws Exception {
    return list.signer(TOKEN, signer).withClock(CLOCK).withTtl(ttl).withExpiry(NOW.plus(Duration.ofDays(1))).get();
  }

  static VerificationCheck run(StatusCheck check, ObjectNode credential) {
    VerificationCheck c = check.check(credential, NOW);
    assertEquals(CheckName.STATUS, c.name(), c.toString());
    return c;
  }

  static void assertFailsNaming(VerificationCheck c, VerificationCode code, String... words) {
    assertTrue(c.failed(), c.toString());
    assertEquals(code, c.code(), c.toString());
    for (String w : words) {
      assertTrue(c.message().contains(w), "'" + w + "' not in: " + c.message());
    }
  }

  /** 32 MiB of zeros: about 32 KiB compressed, twice what any list may decode to. */
  static byte[] bomb(boolean gzip) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (var z = gzip ? new GZIPOutputStream(out) : new DeflaterOutputStream(out)) {
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 32; i++) {
        z.write(zeros);
      }
    }
    return out.toByteArray();
  }

  @Test
  void anIndexOutsideTheListFails() throws Exception {
    BitstringStatusCheck bits = BitstringStatusCheck.create(StatusListSource.offline(Map.of(BITSTRING,
        bitstringList(issuer, key, emptyBitstring(), null))), options());
    assertFalse(run(bits, credential("credentialStatus", bitstringEntry(StatusListDefinition.MIN_ENTRIES - 1)))
        .failed());
    for (long outside : new long[] {StatusListDefinition.MIN_ENTRIES, 9_999_999_999L}) {
      assertFailsNaming(run(bits, credential("credentialStatus", bitstringEntry(outside))),
          VerificationCode.STATUS_LIST_INVALID, "outside the list");
    }
    ObjectNode tooLong = bitstringEntry(0).put("statusListIndex", "99999999999999999999");
    assertFailsNaming(run(bits, credential("credentialStatus", tooLong)), VerificationCode.STATUS_ENTRY_INVALID,
        "statusListIndex");

    TokenStatusListCheck tokens = TokenStatusListCheck.create(StatusListSource.offline(Map.of(TOKEN,
        token(key, TokenStatusList.of(2, 64, Map.of()), Duration.ofHours(1)))), options());
    assertFalse(run(tokens, credential("status", tokenClaim(63))).failed());
    // inside the idx bound but outside this list: as for a Bitstring list, the list cannot answer
    assertFailsNaming(run(tokens, credential("status", tokenClaim(64))), VerificationCode.STATUS_LIST_INVALID,
        "outside the Status List");
    // beyond any list: the entry itself is malformed
    assertFailsNaming(run(tokens, credential("status", tokenClaim(Long.MAX_VALUE))),
        VerificationCode.STATUS_ENTRY_INVALID, "idx");
    // a 1EdTech Revocation List has no index: its bound is the number of entries read
    StringBuilder huge = new StringBuilder("{\"id\":\"" + REVOCATIONS + "\",\"revokedCredential\":[");
    for (int i = 0; i <= RevocationList.MAX_ENTRIES; i++) {
      huge.append(i == 0 ? "" : ",").append('"').append(i).append('"');
    }
    RevocationListCheck lists = RevocationListCheck.create(StatusListSource.offline(Map.of(REVOCATIONS,
        huge.append("]}").toString())), options());
    assertFailsNaming(run(lists, credential("credentialStatus", RevocationList.create(REVOCATIONS, issuer)
        .statusEntry())), VerificationCode.STATUS_LIST_INVALID, "more than " + RevocationList.MAX_ENTRIES);
  }

  @Test
  void aListThatDecompressesWithoutEndFailsAtTheBound() throws Exception {
    String gz = "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(bomb(true));
    assertTrue(gz.length() < 100_000, "the bomb is small: " + gz.length());
    BitstringStatusCheck bits = BitstringStatusCheck.create(StatusListSource.offline(Map.of(BITSTRING,
        bitstringList(issuer, key, gz, null))), options());
    assertFailsNaming(run(bits, credential("credentialStatus", bitstringEntry(0))),
        VerificationCode.STATUS_LIST_INVALID, "more than");

    // Token Status List: the issuer's own signature does not make a bomb acceptable
    String zlib = Base64.getUrlEncoder().withoutPadding().encodeToString(bomb(false));
    ObjectNode header = io.github.microcred.vc.jose.JwtTestAccess.JSON.createObjectNode().put("alg", "EdDSA")
        .put("typ", TokenStatusList.TYP).put("kid", key.publicKey().didKeyVerificationMethod());
    ObjectNode payload = io.github.microcred.vc.jose.JwtTestAccess.JSON.createObjectNode().put("sub", TOKEN)
        .put("iss", issuer).put("iat", NOW.getEpochSecond() - 60).put("exp", NOW.getEpochSecond() + 3600)
        .put("ttl", 3600);
    payload.putObject("status_list").put("bits", 2).put("lst", zlib);
    String b64 = Base64.getUrlEncoder().withoutPadding().encodeToString(header.toString().getBytes())
        + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.toString().getBytes());
    String forgedBomb = b64 + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(key.sign(b64.getBytes()));
    TokenStatusListCheck tokens = TokenStatusListCheck.create(StatusListSource.offline(Map.of(TOKEN, forgedBomb)),
        options());
    assertFailsNaming(run(tokens, credential("status", tokenClaim(0))), VerificationCode.STATUS_LIST_INVALID,
        "bytes");

    // a list text larger than the configured bound is refused by its length, before any decoding
    TokenStatusListCheck small = TokenStatusListCheck.create(StatusListSource.offline(Map.of(TOKEN, forgedBomb)),
        options().withMaxListBytes(1024));
    assertFailsNaming(run(small, credential("status", tokenClaim(0))), VerificationCode.STATUS_LIST_INVALID,
        "1024");
  }

  @Test
  void aListOfAnotherIssuerFails() throws Exception {
    // baseline: the issuer's own list passes
    assertFalse(run(BitstringStatusCheck.create(StatusListSource.offline(Map.of(BITSTRING,
        bitstringList(issuer, key, emptyBitstring(), null))), options()), credential("credentialStatus",
        bitstringEntry(0))).failed());
    // signed by mallory, naming mallory; naming the issuer under mallory's kid; naming the issuer under the
    // issuer's kid but signed with mallory's key
    List<String[]> forged = List.of(
        new String[] {"not by the credential issuer", bitstringList(malloryDid, mallory, emptyBitstring(), null)},
        new String[] {"does not verify", bitstringList(issuer, mallory, mallory.publicKey().didKeyVerificationMethod(),
            "revocation", emptyBitstring(), null)},
        new String[] {"does not verify", bitstringList(issuer, mallory, key.publicKey().didKeyVerificationMethod(),
            "revocation", emptyBitstring(), null)});
    for (String[] e : forged) {
      BitstringStatusCheck bits = BitstringStatusCheck.create(StatusListSource.offline(Map.of(BITSTRING, e[1])),
          options());
      assertFailsNaming(run(bits, credential("credentialStatus", bitstringEntry(0))),
          VerificationCode.STATUS_LIST_INVALID, e[0]);
    }
    TokenStatusList empty = TokenStatusList.of(2, 64, Map.of());
    TokenStatusListCheck tokens = TokenStatusListCheck.create(StatusListSource.offline(Map.of(TOKEN,
        token(mallory, empty, Duration.ofHours(1)))), options());
    assertFailsNaming(run(tokens, credential("status", tokenClaim(0))), VerificationCode.STATUS_LIST_INVALID,
        TOKEN);
    RevocationListCheck lists = RevocationListCheck.create(StatusListSource.offline(Map.of(REVOCATIONS,
        RevocationList.create(REVOCATIONS, malloryDid).toJson().toString())), options());
    assertFailsNaming(run(lists, credential("credentialStatus", RevocationList.create(REVOCATIONS, issuer)
        .statusEntry())), VerificationCode.STATUS_LIST_INVALID, malloryDid, "not by the credential issuer");
  }

  @Test
  void aTtlOfZero() throws Exception {
    // Token Status List: ttl must be a positive number (draft-ietf-oauth-status-list): a token saying 0 fails
    String zero = token(key, TokenStatusList.of(2, 64, Map.of()), Duration.ofHours(1)); // its claims, ttl set to 0
    ObjectNode header = io.github.microcred.vc.jose.JwtTestAccess.JSON.createObjectNode().put("alg", "EdDSA")
        .put("typ", TokenStatusList.TYP).put("kid", key.publicKey().didKeyVerificationMethod());
    ObjectNode payload = (ObjectNode) io.github.microcred.vc.jose.JwtTestAccess.JSON.readTree(
        Base64.getUrlDecoder().decode(zero.split("\\.")[1]));
    payload.put("ttl", 0);
    String input = Base64.getUrlEncoder().withoutPadding().encodeToString(header.toString().getBytes())
        + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.toString().getBytes());
    String ttlZero = input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(key.sign(input.getBytes()));
    TokenStatusListCheck tokens = TokenStatusListCheck.create(StatusListSource.offline(Map.of(TOKEN, ttlZero)),
        options());
    assertFailsNaming(run(tokens, credential("status", tokenClaim(0))), VerificationCode.STATUS_LIST_INVALID,
        "ttl");

    // Bitstring Status List: a list ttl of 0 is "do not cache": every check reads the list afresh and answers from
    // it (a revocation published a moment ago is seen at once), and a configured TTL of zero does the same
    StatusListManager m = StatusListManager.create(new InMemoryStatusStore());
    m.createList(StatusListDefinition.revocation(BITSTRING));
    long victim = m.allocate(BITSTRING).index();
    String before = bitstringList(issuer, key, m.bitstring(BITSTRING).encode(), 0L);
    m.revoke(BITSTRING, victim);
    String after = bitstringList(issuer, key, m.bitstring(BITSTRING).encode(), 0L);
    String[] current = {before};
    AtomicInteger fetches = new AtomicInteger();
    StatusListSource source = url -> {
      fetches.incrementAndGet();
      return current[0];
    };
    for (StatusListOptions o : new StatusListOptions[] {options(), options().withTtl(Duration.ZERO)}) {
      current[0] = before;
      fetches.set(0);
      BitstringStatusCheck bits = BitstringStatusCheck.create(source, o);
      for (int i = 0; i < 3; i++) {
        assertFalse(run(bits, credential("credentialStatus", bitstringEntry(victim))).failed());
      }
      current[0] = after;
      assertFailsNaming(run(bits, credential("credentialStatus", bitstringEntry(victim))), VerificationCode.REVOKED,
          "revoked");
      assertEquals(4, fetches.get(), "nothing cached: " + o);
    }
    // 1EdTech Revocation List (no ttl member): a configured TTL of zero reads it afresh too
    RevocationList none = RevocationList.create(REVOCATIONS, issuer);
    String[] rl = {none.toJson().toString()};
    RevocationListCheck lists = RevocationListCheck.create(url -> rl[0], options().withTtl(Duration.ZERO));
    ObjectNode badge = credential("credentialStatus", none.statusEntry());
    assertFalse(run(lists, badge).failed());
    rl[0] = none.revoke(badge.get("id").asText(), null).toJson().toString();
    assertFailsNaming(run(lists, badge), VerificationCode.REVOKED, "revoked");
  }

  /**
   * Bitstring Status List 1.0 (3.2 Validate Algorithm): a list whose {@code statusPurpose} is not the entry's
   * answers nothing about it, even when the bit is 0; a list of several purposes answers for each of them.
   * (A Token Status List and a 1EdTech Revocation List carry no purpose: their status values are their meaning.)
   */
  @Test
  void aListOfAnotherStatusPurposeFails() throws Exception {
    String suspensions = bitstringList(issuer, key, key.publicKey().didKeyVerificationMethod(), "suspension",
        emptyBitstring(), null);
    BitstringStatusCheck bits = BitstringStatusCheck.create(StatusListSource.offline(Map.of(BITSTRING,
        suspensions)), options());
    assertFailsNaming(run(bits, credential("credentialStatus", bitstringEntry(0))),
        VerificationCode.STATUS_LIST_INVALID, "statusPurpose", "suspension", "'revocation'");
    ObjectNode suspension = bitstringEntry(0).put("statusPurpose", "suspension");
    assertFalse(run(bits, credential("credentialStatus", suspension)).failed());
    // an entry naming a purpose no list has, or a list without a purpose
    assertFailsNaming(run(bits, credential("credentialStatus", bitstringEntry(0).put("statusPurpose", "refresh"))),
        VerificationCode.STATUS_LIST_INVALID, "statusPurpose");
    // two purposes in one list (the spec allows an array): each entry purpose it names is answered
    ObjectNode vc = io.github.microcred.vc.jose.JwtTestAccess.JSON.createObjectNode();
    vc.putArray("@context").add("https://www.w3.org/ns/credentials/v2");
    vc.put("id", BITSTRING);
    vc.putArray("type").add("VerifiableCredential").add("BitstringStatusListCredential");
    vc.put("issuer", issuer);
    vc.put("validFrom", "2026-01-01T00:00:00Z");
    ObjectNode subject = vc.putObject("credentialSubject").put("id", BITSTRING + "#list")
        .put("type", "BitstringStatusList").put("encodedList", emptyBitstring());
    subject.putArray("statusPurpose").add("revocation").add("suspension");
    BitstringStatusCheck both = BitstringStatusCheck.create(StatusListSource.offline(Map.of(BITSTRING,
        VcJwt.sign(vc, key).withClock(CLOCK).get())), options());
    assertFalse(run(both, credential("credentialStatus", bitstringEntry(0))).failed());
    assertFalse(run(both, credential("credentialStatus", suspension)).failed());
    assertFailsNaming(run(both, credential("credentialStatus", bitstringEntry(0).put("statusPurpose", "message")
        .put("statusSize", 2).set("statusMessage", io.github.microcred.vc.jose.JwtTestAccess.JSON
            .createArrayNode()))), VerificationCode.STATUS_LIST_INVALID, "statusPurpose");
  }

  /**
   * A Bitstring list's {@code ttl} is a number of milliseconds (0: refresh at once); anything else in the signed
   * list is refused rather than silently replaced by the default cache lifetime, as a Token Status List's
   * {@code ttl} that is not a positive number of seconds is.
   */
  @Test
  void aMalformedListTtlFailsClosedInBothFormats() throws Exception {
    var json = io.github.microcred.vc.jose.JwtTestAccess.JSON.getNodeFactory();
    for (com.fasterxml.jackson.databind.JsonNode ttl : List.of(json.numberNode(-1), json.textNode("300000"),
        json.numberNode(1.5), json.nullNode(), json.arrayNode().add(1), json.numberNode(new java.math.BigInteger(
            "99999999999999999999")))) {
      BitstringStatusCheck bits = BitstringStatusCheck.create(StatusListSource.offline(Map.of(BITSTRING,
          bitstringList(issuer, key, key.publicKey().didKeyVerificationMethod(), "revocation", emptyBitstring(),
              ttl))), options());
      assertFailsNaming(run(bits, credential("credentialStatus", bitstringEntry(0))),
          VerificationCode.STATUS_LIST_INVALID, "ttl");
    }
    for (long ok : new long[] {0, 1, Long.MAX_VALUE}) {
      BitstringStatusCheck bits = BitstringStatusCheck.create(StatusListSource.offline(Map.of(BITSTRING,
          bitstringList(issuer, key, emptyBitstring(), ok))), options());
      assertFalse(run(bits, credential("credentialStatus", bitstringEntry(0))).failed(), "ttl " + ok);
    }
  }
}
