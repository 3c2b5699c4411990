package io.github.microcred.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.core.MicroCredential;
import io.github.microcred.vc.KeyPair;
import io.github.microcred.vc.KeyType;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mcred audit --transcript} with signed Open Badges files: only credentials that verify count. */
class AuditSignedCredentialsTest {
  @TempDir Path dir;

  /** The demo's programme: the sample (foundation), statistics (3 ECTS), visualisation (2) and the capstone (3). */
  static final MicroCredential BASE = DemoCommand.sample();
  static final MicroCredential STATS = StackingDemoStep.variant(BASE, "statistics-for-policy", "Statistics", 3, 6);
  static final MicroCredential VIZ = StackingDemoStep.variant(BASE, "data-visualisation", "Visualisation", 2, 6);
  static final MicroCredential CAPSTONE = StackingDemoStep.variant(BASE, "psa-capstone", "Capstone", 3, 6);

  Path write(String name, String text) throws java.io.IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  static String issue(MicroCredential mc, KeyPair key) throws Exception {
    return io.github.microcred.vc.Credentials.issue(mc, "did:example:l", key).get().toString();
  }

  @Test
  void onlyVerifiedCredentialsCount() throws Exception {
    KeyPair key = KeyPair.generate(KeyType.ED25519);
    Path a = write("a.json", issue(BASE, key));
    Path b = write("b.json", issue(STATS, key));
    Path c = write("c.json", issue(CAPSTONE, key));
    ObjectNode forged = io.github.microcred.vc.Credentials.issue(VIZ, "did:example:l", key).get();
    // credits raised after signing: the proof no longer matches
    ((ObjectNode) forged.at("/credentialSubject/achievement")).put("name", "Visualisation (4 ECTS)");
    Path d = write("d.json", forged.toString());
    Path rules = dir.resolve("rules.json");
    Files.writeString(rules, StackingDemoStep.resource(StackingDemoStep.RULES));

    MainTest.Run all = MainTest.run("audit", "--rules", rules.toString(), "--transcript", a.toString(), b.toString(),
        c.toString(), d.toString());
    JsonNode out = CliFiles.JSON.readTree(all.out());
    // without the forged 2 ECTS, methods has 3 of 5 and the total 8 of 10
    assertEquals(Main.FAILED, all.code(), all.err());
    JsonNode nv = notVerified(out);
    assertEquals(1, nv.size(), all.out());
    assertEquals(d.toString(), nv.get(0).get("credential").asText());
    assertTrue(nv.get(0).get("detail").asText().startsWith("PROOF: "), all.out());
    assertTrue(all.err().contains("excluded " + d + " (NOT_VERIFIED): PROOF: "), all.err());
    for (JsonNode as : out.get("assignments")) {
      assertTrue(!as.get("credential").asText().endsWith("data-visualisation"), all.out());
    }

    // the same credential, untouched, counts and completes "methods"; still short of the total (8 + 2 = 10 ok)
    Files.writeString(d, issue(VIZ, key));
    MainTest.Run ok = MainTest.run("audit", "--rules", rules.toString(), "--transcript", a.toString(), b.toString(),
        c.toString(), d.toString());
    assertEquals(Main.OK, ok.code(), ok.out() + ok.err());
    assertEquals(0, notVerified(CliFiles.JSON.readTree(ok.out())).size());
  }

  @Test
  void jwtCredentialsCountAndUntrustedIssuersDoNot() throws Exception {
    KeyPair key = KeyPair.generate(KeyType.ED25519);
    KeyPair other = KeyPair.generate(KeyType.P256);
    Path a = write("a.json", issue(BASE, key));
    // the same OB3 credential secured as a vc+jwt instead of a Data Integrity proof
    ObjectNode unsigned = io.github.microcred.vc.Credentials.issue(STATS, "did:example:l", key).get();
    unsigned.remove("proof");
    Path b = write("b.jwt", io.github.microcred.vc.jose.VcJwt.sign(unsigned, key).get() + "\n");
    Path c = write("c.json", issue(CAPSTONE, key));
    // a valid signature, but by a key the auditor does not trust
    Path d = write("d.json", issue(VIZ, other));
    Path rules = dir.resolve("rules.json");
    Files.writeString(rules, StackingDemoStep.resource(StackingDemoStep.RULES));
    String[] files = {a.toString(), b.toString(), c.toString(), d.toString()};

    MainTest.Run any = MainTest.run(args(rules, files));
    assertEquals(Main.OK, any.code(), any.out() + any.err());
    assertTrue(any.err().contains("verified " + b + ": Statistics"), any.err());

    String trusted = key.publicKey().didKey();
    String[] withTrust = java.util.stream.Stream.concat(java.util.Arrays.stream(args(rules, files)),
        java.util.stream.Stream.of("--trusted-issuer", trusted)).toArray(String[]::new);
    MainTest.Run only = MainTest.run(withTrust);
    assertEquals(Main.FAILED, only.code(), only.out() + only.err());
    JsonNode out = CliFiles.JSON.readTree(only.out());
    assertEquals(1, notVerified(out).size(), only.out());
    assertEquals("issuer not trusted: " + other.publicKey().didKey(), notVerified(out).get(0).get("detail").asText());
    assertFalse(out.get("satisfied").asBoolean(), only.out());
    for (JsonNode as : out.get("assignments")) {
      assertFalse(as.get("credential").asText().endsWith("data-visualisation"), only.out());
    }

    // --trusted-issuer makes no sense for a plain stacking transcript file
    Path t = dir.resolve("t.json");
    Files.writeString(t, "{\"credentials\":[]}");
    MainTest.Run usage = MainTest.run("audit", "--rules", rules.toString(), "--transcript", t.toString(),
        "--trusted-issuer", trusted);
    assertEquals(Main.USAGE, usage.code(), usage.err());
  }

  /** The exclusions with reason NOT_VERIFIED. */
  static JsonNode notVerified(JsonNode result) {
    com.fasterxml.jackson.databind.node.ArrayNode a = CliFiles.JSON.createArrayNode();
    for (JsonNode e : result.get("exclusions")) {
      if (e.get("reason").asText().equals("NOT_VERIFIED")) {
        a.add(e);
      }
    }
    return a;
  }

  static String[] args(Path rules, String... files) {
    java.util.List<String> a = new java.util.ArrayList<>(
        java.util.List.of("audit", "--rules", rules.toString(), "--transcript"));
    a.addAll(java.util.List.of(files));
    return a.toArray(String[]::new);
  }

  @Test
  void examplesMatchTheDemoResources() throws Exception {
    // surefire runs in the module directory; the examples are at the repository root
    Path ex = Path.of("").toAbsolutePath().getParent().resolve("examples").resolve("stacking");
    assertEquals(Files.readString(ex.resolve("certificate-rules.json")),
        StackingDemoStep.resource(StackingDemoStep.RULES));
    assertEquals(Files.readString(ex.resolve("catalogue.json")), StackingDemoStep.resource(StackingDemoStep.CATALOGUE));
  }
}
