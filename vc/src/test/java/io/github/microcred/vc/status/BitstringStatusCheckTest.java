package io.github.microcred.vc.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.CheckName;
import io.github.microcred.vc.Credentials;
import io.github.microcred.vc.Cryptosuite;
import io.github.microcred.vc.KeyPair;
import io.github.microcred.vc.KeyType;
import io.github.microcred.vc.VcErrorCode;
import io.github.microcred.vc.VcException;
import io.github.microcred.vc.VerificationCheck;
import io.github.microcred.vc.jose.JwtRejection;
import io.github.microcred.vc.jose.JwtVerification;
import io.github.microcred.vc.jose.VcJwt;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BitstringStatusCheckTest {
  static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final String LIST = "https://example.edu/status/1";

  final KeyPair issuerKey = KeyPair.generate(KeyType.ED25519);
  final String issuer = issuerKey.publicKey().didKeyVerificationMethod().split("#")[0];
  final StatusListManager manager = StatusListManager.create(new InMemoryStatusStore());

  ObjectNode credentialWith(StatusEntry entry) {
    ObjectNode vc = io.github.microcred.vc.jose.JwtTestAccess.credential(issuer);
    vc.set("credentialStatus", entry.toJson());
    return vc;
  }

  String publishJwt() throws Exception {
    return VcJwt.sign(manager.statusListCredential(LIST, issuer, NOW.minusSeconds(60)), issuerKey)
        .withClock(CLOCK).get();
  }

  @Test
  void revokedCredentialFailsWithTheReasonAndOthersPass() throws Exception {
    manager.createList(StatusListDefinition.revocation(LIST));
    StatusEntry a = manager.allocate(LIST);
    StatusEntry b = manager.allocate(LIST);
    manager.revoke(LIST, a.index());
    Map<String, String> published = Map.of(LIST, publishJwt());
    BitstringStatusCheck check = BitstringStatusCheck.create(StatusListSource.offline(published));
    VerificationCheck revoked = check.check(credentialWith(a), NOW);
    assertTrue(revoked.failed(), revoked.toString());
    assertTrue(revoked.message().startsWith("revoked"), revoked.message());
    VerificationCheck fine = check.check(credentialWith(b), NOW);
    assertFalse(fine.failed(), fine.toString());
    assertEquals(CheckName.STATUS, fine.name());

    // plugged into JWT verification of the credential itself
    String jwt = VcJwt.sign(credentialWith(a), issuerKey).withClock(CLOCK).get();
    JwtVerification v = VcJwt.verify(jwt).withClock(CLOCK).withStatus(check).get();
    assertEquals(List.of(JwtRejection.STATUS), v.rejections());
    String ok = VcJwt.sign(credentialWith(b), issuerKey).withClock(CLOCK).get();
    assertTrue(VcJwt.verify(ok).withClock(CLOCK).withStatus(check).get().verified());
  }

  @Test
  void managerPublishesSignedListsAsJwtAndAsDataIntegrity() throws Exception {
    manager.createList(StatusListDefinition.revocation(LIST));
    StatusEntry a = manager.allocate(LIST);
    StatusEntry b = manager.allocate(LIST);
    manager.revoke(LIST, a.index());
    Instant published = NOW.minusSeconds(60);
    String jwt = manager.publishJwt(LIST, issuerKey, published);
    ObjectNode di = manager.publishDataIntegrity(LIST, issuerKey, published);
    assertTrue(di.has("proof"), di.toString());
    assertEquals("eddsa-rdfc-2022", di.get("proof").get("cryptosuite").asText());
    assertEquals(issuer, di.get("issuer").asText());
    JwtVerification jv = VcJwt.verify(jwt).withClock(CLOCK).get();
    assertTrue(jv.verified(), jv.toString());
    assertEquals("vc+jwt", jv.header().orElseThrow().get("typ").asText());
    for (String list : List.of(jwt, di.toString())) {
      BitstringStatusCheck check = BitstringStatusCheck.create(StatusListSource.offline(Map.of(LIST, list)));
      VerificationCheck revoked = check.check(credentialWith(a), NOW);
      assertTrue(revoked.failed() && revoked.message().startsWith("revoked"), revoked.toString());
      VerificationCheck fine = check.check(credentialWith(b), NOW);
      assertEquals(VerificationCheck.Outcome.PASSED, fine.outcome(), fine.toString());
    }
  }

  @Test
  void dataIntegritySignedListIsVerifiedAndUsed() throws Exception {
    manager.createList(StatusListDefinition.suspension(LIST));
    StatusEntry a = manager.allocate(LIST);
    manager.suspend(LIST, a.index());
    ObjectNode listVc = manager.statusListCredential(LIST, issuer, NOW.minusSeconds(60));
    String signed = Credentials.sign(listVc, issuerKey, Cryptosuite.EDDSA_RDFC_2022).withClock(CLOCK).getJson();
    BitstringStatusCheck check = BitstringStatusCheck.create(StatusListSource.offline(Map.of(LIST, signed)));
    VerificationCheck c = check.check(credentialWith(a), NOW);
    assertTrue(c.failed() && c.message().startsWith("suspended"), c.toString());
    // the same list, tampered after signing (bit cleared): its proof fails, so the check fails, never passes
    manager.resume(LIST, a.index());
    ObjectNode tampered = (ObjectNode) io.github.microcred.vc.jose.JwtTestAccess.JSON.readTree(signed);
    ((ObjectNode) tampered.get("credentialSubject")).put("encodedList",
        manager.bitstring(LIST).encode());
    VerificationCheck t = BitstringStatusCheck.create(StatusListSource.offline(Map.of(LIST, tampered.toString())))
        .check(credentialWith(a), NOW);
    assertTrue(t.failed() && t.message().contains("does not verify"), t.toString());
  }

  @Test
  void unreachableUnsignedForeignOrWrongPurposeListsFail() throws Exception {
    manager.createList(StatusListDefinition.revocation(LIST));
    StatusEntry a = manager.allocate(LIST);
    VerificationCheck unreachable = BitstringStatusCheck.create(url -> {
      throw new VcException(VcErrorCode.RESOLUTION_FAILED, "connection refused");
    }).check(credentialWith(a), NOW);
    assertTrue(unreachable.failed() && unreachable.message().contains("connection refused"), unreachable.toString());

    String unsigned = manager.statusListCredential(LIST, issuer, NOW).toString();
    VerificationCheck noProof = BitstringStatusCheck.create(StatusListSource.offline(Map.of(LIST, unsigned)))
        .check(credentialWith(a), NOW);
    assertTrue(noProof.failed(), noProof.toString());

    KeyPair other = KeyPair.generate(KeyType.ED25519);
    String otherDid = other.publicKey().didKeyVerificationMethod().split("#")[0];
    String foreign = VcJwt.sign(manager.statusListCredential(LIST, otherDid, NOW), other).withClock(CLOCK).get();
    VerificationCheck wrongIssuer = BitstringStatusCheck.create(StatusListSource.offline(Map.of(LIST, foreign)))
        .check(credentialWith(a), NOW);
    assertTrue(wrongIssuer.failed() && wrongIssuer.message().contains("not by the credential issuer"),
        wrongIssuer.toString());

    ObjectNode lying = credentialWith(a);
    ((ObjectNode) lying.get("credentialStatus")).put("statusPurpose", "suspension");
    VerificationCheck purpose = BitstringStatusCheck.create(StatusListSource.offline(Map.of(LIST, publishJwt())))
        .check(lying, NOW);
    assertTrue(purpose.failed() && purpose.message().contains("statusPurpose"), purpose.toString());
  }

  @Test
  void decodesOnceAndCachesUntilTheTtl() throws Exception {
    manager.createList(StatusListDefinition.revocation(LIST));
    StatusEntry a = manager.allocate(LIST);
    String before = publishJwt();
    manager.revoke(LIST, a.index());
    String after = publishJwt();
    AtomicInteger fetches = new AtomicInteger();
    Map<String, String> current = new HashMap<>(Map.of(LIST, before));
    Instant[] wall = {NOW};
    Clock moving = new Clock() {
      @Override public java.time.ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override public Clock withZone(java.time.ZoneId z) {
        return this;
      }

      @Override public Instant instant() {
        return wall[0];
      }
    };
    BitstringStatusCheck check = BitstringStatusCheck.create(url -> {
      fetches.incrementAndGet();
      return current.get(url);
    }, StatusListOptions.defaults().withTtl(Duration.ofMinutes(5)).withClock(moving));
    for (int i = 0; i < 100; i++) {
      assertFalse(check.check(credentialWith(a), NOW).failed());
    }
    assertEquals(1, fetches.get(), "fetched once, then served from the cache");
    current.put(LIST, after);
    wall[0] = NOW.plus(Duration.ofMinutes(4));
    assertFalse(check.check(credentialWith(a), NOW).failed(), "still cached");
    wall[0] = NOW.plus(Duration.ofMinutes(6));
    assertTrue(check.check(credentialWith(a), NOW).failed(), "refetched after the TTL: now revoked");
    assertEquals(2, fetches.get());
  }

  @Test
  void messageListsReportTheMessage() throws Exception {
    List<StatusMessage> messages = List.of(new StatusMessage(0, "valid"), new StatusMessage(1, "pending"),
        new StatusMessage(2, "under review"), new StatusMessage(3, "withdrawn"));
    manager.createList(StatusListDefinition.message(LIST, 2, messages));
    StatusEntry a = manager.allocate(LIST);
    manager.setMessage(LIST, a.index(), 2);
    VerificationCheck c = BitstringStatusCheck.create(StatusListSource.offline(Map.of(LIST, publishJwt())))
        .check(credentialWith(a), NOW);
    assertFalse(c.failed(), c.toString());
    assertTrue(c.message().contains("0x2: under review"), c.message());
  }
}
