package io.github.microcred.vc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.microcred.vc.ob3.EndorsementCredential;
import io.github.microcred.vc.ob3.OpenBadgeCredential;
import io.github.microcred.vc.ob3.Profile;
import io.github.microcred.vc.testing.Peers;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Interop with the JavaScript reference stack (@digitalbazaar/vc + eddsa-rdfc-2022 / ecdsa-rdfc-2019 cryptosuites,
 * pinned in interop/di/package-lock.json, offline loader fed the same pinned contexts), and the 1EdTech JSON
 * Schemas (ajv in the same harness; the schemas are copied into test resources, see schema/SOURCES.md). The pinned
 * packages install themselves with npm ci when node and npm are on the PATH; without them (or offline) the test is
 * skipped with a reason, unless MICROCRED_REQUIRE_PEERS=1.
 */
class InteropDiTest {
  static final long SEED = 20_261_122L;
  /** How many generated OB3 credentials the JS stack signs for direction (b). */
  static final int JS_SIGNED = 50;
  static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static Path harness;

  @BeforeAll
  static void findPeer() {
    harness = Peers.nodeHarness("di", "@digitalbazaar/vc");
  }

  static JsonNode runNode(ObjectNode job) throws Exception {
    job.put("contextsDir", Path.of("src/main/resources/io/github/microcred/vc/contexts").toAbsolutePath().toString());
    job.put("schemaDir", Path.of("src/test/resources/io/github/microcred/vc/schema").toAbsolutePath().toString());
    if (!job.has("now")) {
      job.put("now", NOW.toString());
    }
    File in = File.createTempFile("microcred-interop", ".json");
    File out = File.createTempFile("microcred-interop", ".out.json");
    try {
      Files.writeString(in.toPath(), job.toString(), StandardCharsets.UTF_8);
      Process p = new ProcessBuilder("node", "harness.mjs", in.getAbsolutePath()).directory(harness.toFile())
          .redirectOutput(out).redirectError(ProcessBuilder.Redirect.INHERIT).start();
      assertTrue(p.waitFor(10, TimeUnit.MINUTES), "node harness timed out");
      assertEquals(0, p.exitValue(), "node harness failed");
      return TestSupport.JSON.readTree(out);
    } finally {
      in.delete();
      out.delete();
    }
  }

  /** Collects the paths of every string value (outside proof), to change one of them. */
  static void leaves(JsonNode n, String path, List<String> out) {
    if (n.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> it = n.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!e.getKey().equals("proof") && !e.getKey().equals("@context")) {
          leaves(e.getValue(), path + "/" + e.getKey(), out);
        }
      }
    } else if (n.isArray()) {
      for (int i = 0; i < n.size(); i++) {
        leaves(n.get(i), path + "/" + i, out);
      }
    } else if (n.isTextual()) {
      out.add(path);
    }
  }

  /** One changed string value; the path is returned for messages. */
  static String tamper(ObjectNode doc, SplittableRandom r) {
    List<String> paths = new ArrayList<>();
    leaves(doc, "", paths);
    String path = paths.get(r.nextInt(paths.size()));
    int slash = path.lastIndexOf('/');
    JsonNode parent = doc.at(path.substring(0, slash));
    String last = path.substring(slash + 1);
    String old = doc.at(path).asText();
    int cut = old.isEmpty() ? 0 : old.offsetByCodePoints(old.length(), -1);
    String changed = old.substring(0, cut) + (old.endsWith("x") ? "y" : "x");
    if (parent.isArray()) {
      ((ArrayNode) parent).set(Integer.parseInt(last), TextNode.valueOf(changed));
    } else {
      ((ObjectNode) parent).put(last, changed);
    }
    return path;
  }

  static KeyType keyFor(int i) {
    return i % 4 == 0 ? KeyType.P256 : i % 4 == 1 ? KeyType.P384 : KeyType.ED25519;
  }

  @Test
  void javaSignedVerifyInJsAndJsSignedVerifyInJava() throws Exception {
    SplittableRandom r = new SplittableRandom(SEED);
    List<ObjectNode> javaSigned = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    ArrayNode schema = TestSupport.JSON.createArrayNode();
    // (a) 60 OB3 credentials signed by microcred, both suites, all three curves
    for (int i = 0; i < 60; i++) {
      KeyPair k = KeyPair.generate(keyFor(i));
      OpenBadgeCredential ob = Ob3Generator.badge(r, k.publicKey().didKey());
      ObjectNode unsigned = ob.toJson();
      ObjectNode signed = Credentials.sign(unsigned, k, Cryptosuite.forKey(k.type())).withClock(CLOCK).get();
      javaSigned.add(signed);
      labels.add("seed " + SEED + " OB3 #" + i + " " + k.type());
      schema.addObject().put("schema", "ob_v3p0_achievementcredential_schema.json").set("document", unsigned);
      schema.addObject().put("schema", "ob_v3p0_achievementcredential_schema.json").set("document", signed);
      // the typed model reads back what it wrote
      assertEquals(unsigned, OpenBadgeCredential.fromJson(signed).toJson(), labels.get(i));
    }
    // CLRs bundling several signed badges and achievements
    for (int i = 0; i < 6; i++) {
      KeyPair k = KeyPair.generate(keyFor(i));
      ObjectNode unsigned = Ob3Generator.clr(r, k.publicKey().didKey(), javaSigned.subList(i * 3, i * 3 + 3))
          .toJson();
      javaSigned.add(Credentials.sign(unsigned, k, Cryptosuite.forKey(k.type())).withClock(CLOCK).get());
      labels.add("seed " + SEED + " CLR #" + i + " " + k.type());
      schema.addObject().put("schema", "clr_v2p0_clrcredential_schema.json").set("document", unsigned);
      schema.addObject().put("schema", "clr_v2p0_clrcredential_schema.json")
          .set("document", javaSigned.get(javaSigned.size() - 1));
    }
    KeyPair ek = KeyPair.generate(KeyType.ED25519);
    ObjectNode endorsement = new EndorsementCredential("urn:uuid:6b0f6b8e-0000-4000-8000-000000000001",
        "Endorsement of Teamwork", Profile.of(ek.publicKey().didKey(), "Employers' Guild"),
        "2024-02-01T00:00:00Z", "https://example.edu/achievements/1", Optional.of("Relevant to our jobs.")).toJson();
    javaSigned.add(Credentials.sign(endorsement, ek, Cryptosuite.EDDSA_RDFC_2022).withClock(CLOCK).get());
    labels.add("endorsement");
    schema.addObject().put("schema", "ob_v3p0_endorsementcredential_schema.json").set("document", endorsement);
    schema.addObject().put("schema", "ob_v3p0_endorsementcredential_schema.json")
        .set("document", javaSigned.get(javaSigned.size() - 1));
    // what the core-model mapping produces (Credentials.issue), with the microcred extension: unsigned and signed,
    // from a MicroCredential and from an Award (results, evidence, hashed e-mail identity)
    for (int i = 0; i < 2; i++) {
      KeyPair k = KeyPair.generate(i == 0 ? KeyType.ED25519 : KeyType.P384);
      io.github.microcred.core.Award award = io.github.microcred.core.Award.builder(
          MicroCredentialMappingTest.sample(), i == 0
              ? io.github.microcred.core.LearnerIdentity.did("did:example:learner-7")
              : io.github.microcred.core.LearnerIdentity.hashedEmail("ada@example.org", "salt-" + i),
          NOW.minusSeconds(86_400L * 30)).id("urn:uuid:9d7c0c2e-1b1a-4e55-9d3e-6f1d3c2e4b2" + i).build();
      ObjectNode unsigned = io.github.microcred.vc.ob3.MicroCredentials.toOpenBadge(award, k.publicKey().didKey())
          .toJson();
      ObjectNode signed = i == 0
          ? Credentials.issue(award, k).withClock(CLOCK).get()
          : Credentials.issue(MicroCredentialMappingTest.sample(), "did:example:learner-8", k, CLOCK).get();
      javaSigned.add(signed);
      labels.add("Credentials.issue #" + i + " " + k.type());
      schema.addObject().put("schema", "ob_v3p0_achievementcredential_schema.json").set("document", unsigned);
      schema.addObject().put("schema", "ob_v3p0_achievementcredential_schema.json").set("document", signed);
    }
    // (c) one changed value each
    List<String> tamperedPaths = new ArrayList<>();
    List<ObjectNode> tampered = new ArrayList<>();
    for (ObjectNode s : javaSigned) {
      ObjectNode t = s.deepCopy();
      tamperedPaths.add(tamper(t, r));
      tampered.add(t);
    }
    // (b) JS signs 50 more, with keys generated here
    ObjectNode job = TestSupport.JSON.createObjectNode();
    ArrayNode verify = job.putArray("verify");
    javaSigned.forEach(c -> verify.addObject().set("credential", c));
    tampered.forEach(c -> verify.addObject().set("credential", c));
    ArrayNode sign = job.putArray("sign");
    List<ObjectNode> jsUnsigned = new ArrayList<>();
    for (int i = 0; i < JS_SIGNED; i++) {
      KeyPair k = KeyPair.generate(keyFor(i));
      ObjectNode u = Ob3Generator.badge(r, k.publicKey().didKey()).toJson();
      jsUnsigned.add(u);
      ObjectNode item = sign.addObject();
      item.set("credential", u);
      item.putObject("key").put("type", k.type().name()).put("publicKeyMultibase", k.publicKey().toMultibase())
          .put("secretKeyMultibase", k.secretKeyMultibase(SecretKeyAccess.get()));
    }
    // the schema check can fail: documents that break the 1EdTech schemas must be reported invalid
    int firstInvalid = schema.size();
    ObjectNode noSubject = javaSigned.get(0).deepCopy();
    noSubject.remove("credentialSubject");
    schema.addObject().put("schema", "ob_v3p0_achievementcredential_schema.json").set("document", noSubject);
    ObjectNode noCriteria = javaSigned.get(1).deepCopy();
    ((ObjectNode) noCriteria.at("/credentialSubject/achievement")).remove("criteria");
    schema.addObject().put("schema", "ob_v3p0_achievementcredential_schema.json").set("document", noCriteria);
    ObjectNode clrNoName = javaSigned.get(60).deepCopy();
    clrNoName.remove("name");
    schema.addObject().put("schema", "clr_v2p0_clrcredential_schema.json").set("document", clrNoName);
    job.set("schema", schema);
    JsonNode out = runNode(job);

    int n = javaSigned.size();
    for (int i = 0; i < n; i++) {
      JsonNode v = out.get("verify").get(i);
      assertTrue(v.get("verified").asBoolean(), labels.get(i) + " not verified by JS: " + v.get("error"));
      VerificationResult jr = Credentials.verify(javaSigned.get(i)).withClock(CLOCK).get();
      assertTrue(jr.verified(), labels.get(i) + ": " + jr);
    }
    for (int i = 0; i < n; i++) {
      JsonNode v = out.get("verify").get(n + i);
      assertFalse(v.get("verified").asBoolean(), labels.get(i) + " tampered at " + tamperedPaths.get(i)
          + " still verified in JS");
      assertFalse(Credentials.verify(tampered.get(i)).withClock(CLOCK).get().verified(),
          labels.get(i) + " tampered at " + tamperedPaths.get(i) + " still verified in Java");
    }
    for (int i = 0; i < firstInvalid; i++) {
      JsonNode s = out.get("schema").get(i);
      assertTrue(s.get("valid").asBoolean(), "schema " + schema.get(i).get("schema") + " case " + i + ": "
          + s.get("errors"));
    }
    for (int i = firstInvalid; i < schema.size(); i++) {
      assertFalse(out.get("schema").get(i).get("valid").asBoolean(), "invalid document accepted by schema "
          + schema.get(i).get("schema") + " case " + i);
    }
    // (b) JS-signed credentials verify in Java; one changed value fails in both
    ObjectNode job2 = TestSupport.JSON.createObjectNode().put("now", Instant.now().toString());
    ArrayNode verify2 = job2.putArray("verify");
    List<String> paths2 = new ArrayList<>();
    for (int i = 0; i < JS_SIGNED; i++) {
      JsonNode js = out.get("sign").get(i);
      assertFalse(js.has("error"), "JS signing failed: " + js.get("error"));
      assertTrue(js.get("proof").get("cryptosuite").asText().endsWith(keyFor(i) == KeyType.ED25519
          ? "eddsa-rdfc-2022" : "ecdsa-rdfc-2019"));
      // JS stamps proof.created with the real time, so the real clock is used here
      VerificationResult jr = Credentials.verify(js).get();
      assertTrue(jr.verified(), "JS-signed #" + i + " " + keyFor(i) + ": " + jr);
      ObjectNode t = ((ObjectNode) js).deepCopy();
      paths2.add(tamper(t, r));
      VerificationResult tr = Credentials.verify(t).get();
      assertFalse(tr.verified(), "JS-signed #" + i + " tampered at " + paths2.get(i) + " verified in Java");
      verify2.addObject().set("credential", t);
    }
    JsonNode out2 = runNode(job2);
    for (int i = 0; i < JS_SIGNED; i++) {
      assertFalse(out2.get("verify").get(i).get("verified").asBoolean(),
          "JS-signed #" + i + " tampered at " + paths2.get(i) + " verified in JS");
    }
  }
}
