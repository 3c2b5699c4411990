package io.github.microcred.vc.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.CheckName;
import io.github.microcred.vc.Credentials;
import io.github.microcred.vc.Cryptosuite;
import io.github.microcred.vc.KeyPair;
import io.github.microcred.vc.KeyType;
import io.github.microcred.vc.StatusCheck;
import io.github.microcred.vc.VcErrorCode;
import io.github.microcred.vc.VcException;
import io.github.microcred.vc.VerificationCheck;
import io.github.microcred.vc.VerificationResult;
import io.github.microcred.vc.jose.JwtRejection;
import io.github.microcred.vc.jose.JwtVerification;
import io.github.microcred.vc.jose.Ob3Jwt;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * 1EdTech Revocation List: the list an issuer publishes, the verifier check (fails closed like Bitstring Status
 * List), and the two status methods side by side on one credential through {@link StatusChecks#byType}.
 */
class RevocationListCheckTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final String LIST = "https://example.edu/revocations/1";
  static final String BITSTRING = "https://example.edu/status/1";

  final KeyPair key = KeyPair.generate(KeyType.ED25519);
  final String issuer = key.publicKey().didKey();

  ObjectNode credential(String id) {
    ObjectNode vc = io.github.microcred.vc.jose.JwtTestAccess.credential(issuer);
    vc.put("id", id);
    ((com.fasterxml.jackson.databind.node.ArrayNode) vc.get("@context")).add(RevocationList.CONTEXT);
    vc.set("credentialStatus", RevocationList.create(LIST, issuer).statusEntry());
    return vc;
  }

  static StatusListSource source(Map<String, String> published) {
    return StatusListSource.offline(published);
  }

  @Test
  void aListedCredentialIsRevokedWithItsReasonAndOthersPass() throws Exception {
    RevocationList list = RevocationList.create(LIST, issuer).revoke("urn:uuid:a", "issued in error")
        .revoke("urn:uuid:a", "second reason ignored").revoke("urn:uuid:b", null);
    assertEquals(2, list.size());
    assertEquals("{\"id\":\"" + LIST + "\",\"issuer\":\"" + issuer + "\",\"revokedCredential\":[{\"id\":"
        + "\"urn:uuid:a\",\"revocationReason\":\"issued in error\"},{\"id\":\"urn:uuid:b\"}]}",
        list.toJson().toString());
    RevocationListCheck check = RevocationListCheck.create(source(Map.of(LIST, list.toJson().toString())));
    VerificationCheck a = check.check(credential("urn:uuid:a"), NOW);
    assertTrue(a.failed(), a.toString());
    assertEquals("revoked (1EdTechRevocationList " + LIST + ": issued in error)", a.message());
    assertTrue(check.check(credential("urn:uuid:b"), NOW).failed());
    VerificationCheck c = check.check(credential("urn:uuid:c"), NOW);
    assertEquals(VerificationCheck.Outcome.PASSED, c.outcome(), c.toString());
    assertEquals(CheckName.STATUS, c.name());
  }

  @Test
  void pluggedIntoVerificationOfASignedCredential() throws Exception {
    RevocationList list = RevocationList.create(LIST, issuer).revoke("urn:uuid:a", null);
    StatusCheck check = RevocationListCheck.create(source(Map.of(LIST, list.toJson().toString())));
    ObjectNode revoked = Credentials.sign(credential("urn:uuid:a"), key, Cryptosuite.EDDSA_RDFC_2022)
        .withClock(CLOCK).get();
    VerificationResult r = Credentials.verify(revoked).withClock(CLOCK).withStatus(check).get();
    assertFalse(r.verified());
    assertTrue(r.checks(CheckName.STATUS).get(0).message().startsWith("revoked"), r.toString());
    ObjectNode fine = Credentials.sign(credential("urn:uuid:z"), key, Cryptosuite.EDDSA_RDFC_2022)
        .withClock(CLOCK).get();
    assertTrue(Credentials.verify(fine).withClock(CLOCK).withStatus(check).get().verified());
    // the OB 3.0 JWT profile, the same check
    KeyPair rsa = KeyPair.generate(KeyType.RSA);
    ObjectNode vc = credential("urn:uuid:a").put("issuer", rsa.publicKey().didJwk());
    RevocationList rsaList = RevocationList.create(LIST, rsa.publicKey().didJwk()).revoke("urn:uuid:a", null);
    String jwt = Ob3Jwt.sign(vc, rsa).get();
    JwtVerification v = Ob3Jwt.verify(jwt).withClock(CLOCK).withStatus(RevocationListCheck.create(
        source(Map.of(LIST, rsaList.toJson().toString())))).get();
    assertEquals(List.of(JwtRejection.STATUS), v.rejections());
  }

  @Test
  void itFailsClosed() throws Exception {
    String good = RevocationList.create(LIST, issuer).toJson().toString();
    Map<String, String> cases = new HashMap<>();
    cases.put("unreachable", null);
    cases.put("not JSON", "<html>");
    cases.put("duplicate keys", "{\"id\":\"" + LIST + "\",\"id\":\"" + LIST + "\"}");
    cases.put("another list's id", good.replace(LIST, "https://example.edu/revocations/2"));
    cases.put("another issuer", RevocationList.create(LIST, "did:example:mallory").toJson().toString());
    cases.put("revokedCredential not an array", "{\"id\":\"" + LIST + "\",\"revokedCredential\":{}}");
    cases.put("entry without id", "{\"id\":\"" + LIST + "\",\"revokedCredential\":[{\"reason\":\"x\"}]}");
    cases.put("revoked not a boolean", "{\"id\":\"" + LIST + "\",\"revokedCredential\":[{\"id\":\"urn:uuid:x\","
        + "\"revoked\":\"false\"}]}");
    for (Map.Entry<String, String> e : cases.entrySet()) {
      Map<String, String> published = e.getValue() == null ? Map.of() : Map.of(LIST, e.getValue());
      VerificationCheck c = RevocationListCheck.create(source(published)).check(credential("urn:uuid:c"), NOW);
      assertTrue(c.failed(), e.getKey() + ": " + c);
    }
    RevocationListCheck check = RevocationListCheck.create(source(Map.of(LIST, good)));
    ObjectNode noId = credential("urn:uuid:c");
    noId.remove("id");
    assertTrue(check.check(noId, NOW).message().contains("credential's id"), check.check(noId, NOW).toString());
    ObjectNode bitstring = credential("urn:uuid:c");
    bitstring.putObject("credentialStatus").put("type", "BitstringStatusListEntry");
    assertTrue(check.check(bitstring, NOW).failed());
    // without any status check a credential with a 1EdTechRevocationList status does not verify
    ObjectNode signed = Credentials.sign(credential("urn:uuid:c"), key, Cryptosuite.EDDSA_RDFC_2022).withClock(CLOCK)
        .get();
    VerificationResult r = Credentials.verify(signed).withClock(CLOCK).get();
    assertFalse(r.verified());
    assertTrue(r.checks(CheckName.STATUS).get(0).message().contains("fails closed"), r.toString());
  }

  @Test
  void revokedFalseIsNotARevocationAndStringEntriesAreIds() throws Exception {
    String published = "{\"id\":\"" + LIST + "\",\"revokedCredential\":[{\"id\":\"urn:uuid:a\",\"revoked\":false},"
        + "\"urn:uuid:b\"]}";
    RevocationList list = RevocationList.fromJson(JSON.readTree(published));
    assertFalse(list.isRevoked("urn:uuid:a"));
    assertTrue(list.isRevoked("urn:uuid:b"));
    assertTrue(list.issuer().isEmpty());
    VcException e = assertThrows(VcException.class, () -> RevocationList.fromJson(JSON.readTree("{\"id\":\"x\"}")));
    assertEquals(VcErrorCode.INVALID_DOCUMENT, e.code());
    assertTrue(e.getMessage().contains("$.id"), e.getMessage());
  }

  @Test
  void theListIsCachedForItsTtl() throws Exception {
    AtomicInteger fetches = new AtomicInteger();
    String good = RevocationList.create(LIST, issuer).toJson().toString();
    StatusListSource counting = url -> {
      fetches.incrementAndGet();
      return good;
    };
    RevocationListCheck check = RevocationListCheck.create(counting, StatusListOptions.defaults().withClock(CLOCK));
    for (int i = 0; i < 5; i++) {
      assertFalse(check.check(credential("urn:uuid:c"), NOW).failed());
    }
    assertEquals(1, fetches.get());
    RevocationListCheck uncached = check.withOptions(check.options().withTtl(Duration.ZERO));
    uncached.check(credential("urn:uuid:c"), NOW);
    uncached.check(credential("urn:uuid:c"), NOW);
    assertEquals(3, fetches.get());
  }

  @Test
  void bothStatusMethodsOnOneCredential() throws Exception {
    StatusListManager manager = StatusListManager.create(new InMemoryStatusStore());
    manager.createList(StatusListDefinition.revocation(BITSTRING));
    StatusEntry entry = manager.allocate(BITSTRING);
    RevocationList rl = RevocationList.create(LIST, issuer);
    Map<String, String> published = new HashMap<>();
    published.put(LIST, rl.toJson().toString());
    published.put(BITSTRING, manager.publishJwt(BITSTRING, key, NOW.minusSeconds(60)));
    ObjectNode vc = credential("urn:uuid:c");
    vc.putArray("credentialStatus").add(rl.statusEntry()).add(entry.toJson());
    StatusCheck both = StatusChecks.byType(Map.of(
        "BitstringStatusListEntry", BitstringStatusCheck.create(source(published)),
        RevocationList.TYPE, RevocationListCheck.create(source(published))));
    VerificationCheck ok = both.check(vc, NOW);
    assertEquals(VerificationCheck.Outcome.PASSED, ok.outcome(), ok.toString());
    assertTrue(ok.message().contains("1EdTechRevocationList") && ok.message().contains("not revoked"), ok.message());
    // revoked in either list: revoked
    manager.revoke(BITSTRING, entry.index());
    published.put(BITSTRING, manager.publishJwt(BITSTRING, key, NOW.minusSeconds(30)));
    VerificationCheck viaBitstring = StatusChecks.byType(Map.of(
        "BitstringStatusListEntry", BitstringStatusCheck.create(source(published)),
        RevocationList.TYPE, RevocationListCheck.create(source(published)))).check(vc, NOW);
    assertTrue(viaBitstring.failed(), viaBitstring.toString());
    assertEquals("credentialStatus[1]", viaBitstring.path());
    // a type without a check fails closed
    VerificationCheck onlyOne = StatusChecks.byType(Map.of(RevocationList.TYPE,
        RevocationListCheck.create(source(published)))).check(vc, NOW);
    assertTrue(onlyOne.failed());
    assertTrue(onlyOne.message().contains("fails closed"), onlyOne.message());
  }
}
