package io.github.microcred.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.ControllerDocument;
import io.github.microcred.vc.Credentials;
import io.github.microcred.vc.Cryptosuite;
import io.github.microcred.vc.KeyPair;
import io.github.microcred.vc.KeyType;
import io.github.microcred.vc.VerifyOptions;
import io.github.microcred.vc.jose.JwtVerification;
import io.github.microcred.vc.jose.VcJwt;
import io.github.microcred.vc.status.BitstringStatusCheck;
import io.github.microcred.vc.status.InMemoryStatusStore;
import io.github.microcred.vc.status.StatusEntry;
import io.github.microcred.vc.status.StatusListDefinition;
import io.github.microcred.vc.status.StatusListManager;
import io.github.microcred.vc.status.StatusListSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spark verification against {@code Credentials.verify} / {@code VcJwt.verify} in process, row by row: a seeded mix
 * of Data Integrity and vc+jwt credentials, good, revoked (a broadcast status list), tampered, expired, from an
 * https: issuer with a broadcast controller document, from an unknown https: issuer, and not credentials at all.
 */
class SparkVerifyTest {
  static final long SEED = 0x18_7e21L;
  static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final String LIST = "https://example.edu/status/1";
  static final String UNI = "https://uni.example/issuers/1";
  static final ObjectMapper JSON = new ObjectMapper();

  final KeyPair didKey = KeyPair.generate(KeyType.ED25519);
  final String issuer = didKey.publicKey().didKeyVerificationMethod().split("#")[0];
  final KeyPair uniKey = KeyPair.generate(KeyType.P256);
  final ControllerDocument uniDoc = ControllerDocument.singleKey(UNI, UNI + "#key-1", "Multikey",
      uniKey.publicKey());
  final StatusListManager manager = StatusListManager.create(new InMemoryStatusStore());

  ObjectNode credential(String issuerId, int i, String validUntil) {
    ObjectNode vc = JSON.createObjectNode();
    vc.putArray("@context").add("https://www.w3.org/ns/credentials/v2")
        .add("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json");
    vc.put("id", "urn:uuid:6a9c92a9-2530-4e2b-9776-" + String.format("%012d", i));
    vc.putArray("type").add("VerifiableCredential").add("OpenBadgeCredential");
    vc.put("issuer", issuerId);
    vc.put("validFrom", "2026-01-01T00:00:00Z");
    if (validUntil != null) {
      vc.put("validUntil", validUntil);
    }
    vc.putObject("credentialSubject").put("id", "did:example:learner" + i).put("name", "Learner " + i);
    return vc;
  }

  ObjectNode withStatus(ObjectNode vc, StatusEntry e) {
    vc.set("credentialStatus", e.toJson());
    return vc;
  }

  String di(ObjectNode vc, KeyPair key, String vm) throws Exception {
    var op = Credentials.sign(vc, key, Cryptosuite.EDDSA_RDFC_2022.accepts(key.publicKey().type())
        ? Cryptosuite.EDDSA_RDFC_2022 : Cryptosuite.ECDSA_RDFC_2019).withClock(CLOCK);
    return (vm == null ? op : op.withVerificationMethod(vm)).get().toString();
  }

  String jwt(ObjectNode vc) throws Exception {
    return VcJwt.sign(vc, didKey).withClock(CLOCK).get();
  }

  /** One line of each kind, chosen by {@code kind}. */
  String make(int kind, int i) throws Exception {
    switch (kind) {
      case 0:
        return di(withStatus(credential(issuer, i, null), manager.allocate(LIST)), didKey, null);
      case 1:
        return jwt(withStatus(credential(issuer, i, null), manager.allocate(LIST)));
      case 2: {
        StatusEntry e = manager.allocate(LIST);
        manager.revoke(LIST, e.index());
        return di(withStatus(credential(issuer, i, null), e), didKey, null);
      }
      case 3: {
        StatusEntry e = manager.allocate(LIST);
        manager.revoke(LIST, e.index());
        return jwt(withStatus(credential(issuer, i, null), e));
      }
      case 4: {
        ObjectNode signed = (ObjectNode) JSON.readTree(di(credential(issuer, i, null), didKey, null));
        ((ObjectNode) signed.get("credentialSubject")).put("name", "Mallory");
        return signed.toString();
      }
      case 5: {
        String[] p = jwt(credential(issuer, i, null)).split("\\.");
        ObjectNode payload = (ObjectNode) JSON.readTree(Base64.getUrlDecoder().decode(p[1]));
        ((ObjectNode) payload.get("credentialSubject")).put("name", "Mallory");
        return p[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(payload))
            + "." + p[2];
      }
      case 6:
        return di(credential(issuer, i, "2026-03-01T00:00:00Z"), didKey, null);
      case 7:
        return jwt(credential(issuer, i, "2026-03-01T00:00:00Z"));
      case 8:
        return di(credential(UNI, i, null), uniKey, UNI + "#key-1");
      case 9:
        return di(credential("https://unknown.example/issuer", i, null), uniKey,
            "https://unknown.example/issuer#key-1");
      default:
        return i % 2 == 0 ? "not a credential" : "{\"@context\":[]}";
    }
  }

  @Test
  void aMixedDatasetVerifiesAsCredentialsVerifyRowByRow(@TempDir Path dir) throws Exception {
    System.out.println("SparkVerifyTest seed " + Long.toHexString(SEED));
    manager.createList(StatusListDefinition.revocation(LIST));
    SplittableRandom r = new SplittableRandom(SEED);
    List<String> lines = new ArrayList<>();
    List<Integer> kinds = new ArrayList<>();
    for (int i = 0; i < 121; i++) {
      int kind = i < 11 ? i : r.nextInt(11); // every kind at least once
      kinds.add(kind);
      lines.add(make(kind, i));
    }
    Path file = dir.resolve("credentials.txt");
    Files.write(file, lines, StandardCharsets.UTF_8);
    String list = manager.publishJwt(LIST, didKey, NOW.minusSeconds(60));

    List<VerifyRow> got = SparkCredentials.verifier(NOW).withControllerDocument(uniDoc.toJson().toString())
        .withStatusList(list).verify(SparkCredentials.lines(LocalSpark.get(), file.toString()))
        .collectAsList().stream().map(VerifyRow::of).toList();

    // in process, with options built here, independently of the Spark module
    BitstringStatusCheck status = BitstringStatusCheck.create(StatusListSource.offline(Map.of(LIST, list)),
        io.github.microcred.vc.status.StatusListOptions.defaults().withClock(CLOCK).withControllerDocument(uniDoc));
    VerifyOptions options = VerifyOptions.defaults().withClock(CLOCK).withControllerDocument(uniDoc)
        .withStatus(status);
    assertEquals(lines.size(), got.size());
    java.util.Map<String, VerifyRow> byId = new java.util.HashMap<>();
    got.forEach(g -> byId.put(g.id(), g));
    for (int i = 0; i < lines.size(); i++) {
      String text = lines.get(i);
      VerifyRow want;
      if (VcJwt.looksLikeJwt(text)) {
        JwtVerification v = VcJwt.verify(text).withOptions(options).get();
        want = VerifyRow.of("line:" + (i + 1), v.legacy() ? "vc-jwt-1.1" : "vc+jwt", v.result(),
            v.rejections().stream().map(Enum::name).toList());
      } else {
        want = VerifyRow.of("line:" + (i + 1), "data-integrity", Credentials.verify(text).withOptions(options).get(),
            List.of());
      }
      VerifyRow g = byId.get("line:" + (i + 1));
      assertEquals(want, g, "line " + (i + 1) + " kind " + kinds.get(i) + " (seed " + Long.toHexString(SEED) + ")");
      // and what each kind must give, so that equal results are also right ones
      int k = kinds.get(i);
      assertEquals(k == 0 || k == 1 || k == 8, g.verified(), "kind " + k + ": " + g);
      if (k == 2 || k == 3) {
        assertTrue(g.failures().stream().anyMatch(f -> f.check().equals("STATUS")
            && f.message().contains("revoked")), g.toString());
      }
      if (k == 4 || k == 5) {
        assertTrue(g.failures().stream().anyMatch(f -> f.check().equals("PROOF")), g.toString());
      }
      if (k == 6 || k == 7) {
        assertTrue(g.failures().stream().anyMatch(f -> f.check().equals("VALIDITY_PERIOD")), g.toString());
      }
      if (k == 1 || k == 3 || k == 5 || k == 7) {
        assertEquals("vc+jwt", g.kind());
      }
    }
    assertFalse(got.stream().allMatch(VerifyRow::verified));
  }

  @Test
  void inputsAreCheckedOnTheDriverWithTypedErrors() {
    SparkVerifier v = SparkCredentials.verifier(NOW);
    SparkException doc = assertThrows(SparkException.class, () -> v.withControllerDocument("{\"id\":1}"));
    assertEquals(SparkErrorCode.CONTROLLER_DOCUMENT_INVALID, doc.code());
    assertTrue(doc.getMessage().startsWith("controller document: "), doc.getMessage());
    assertTrue(doc.getMessage().contains("id"), doc.getMessage());
    SparkException list = assertThrows(SparkException.class, () -> v.withStatusList("{\"type\":\"x\"}"));
    assertEquals(SparkErrorCode.STATUS_LIST_INVALID, list.code());
    assertEquals("status list: expected a status list credential (JSON, or a JWT whose payload is one) with a "
        + "string 'id', got {\"type\":\"x\"}", list.getMessage());
    assertEquals(SparkErrorCode.STATUS_LIST_INVALID,
        assertThrows(SparkException.class, () -> v.withStatusList("a.b.c")).code());
    assertThrows(IllegalArgumentException.class, () -> v.withMaxClockSkew(java.time.Duration.ofDays(1)));
  }
}
