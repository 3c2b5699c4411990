package io.github.microcred.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.KeyPair;
import io.github.microcred.vc.KeyType;
import io.github.microcred.vc.SecretKeyAccess;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12 acceptance: OB3 credentials signed by the JavaScript reference stack (the interop/di harness:
 * {@code @digitalbazaar/vc} with eddsa-rdfc-2022 and ecdsa-rdfc-2019, offline, the contexts microcred pins) count in
 * {@code mcred audit} after verification. The harness installs its pinned packages itself (npm ci); without node/npm
 * or offline the test is skipped with a reason, and fails then if {@code MICROCRED_REQUIRE_PEERS=1}.
 */
class AuditJsSignedTest {
  static Path harness;
  @TempDir Path dir;

  @BeforeAll
  static void findPeer() {
    harness = io.github.microcred.core.testing.NodeHarness.require("di", "@digitalbazaar/vc");
  }

  static JsonNode runNode(ObjectNode job) throws Exception {
    job.put("contextsDir", Path.of("..", "vc", "src", "main", "resources", "io", "github", "microcred", "vc",
        "contexts").toAbsolutePath().normalize().toString());
    File in = File.createTempFile("microcred-audit-js", ".json");
    File out = File.createTempFile("microcred-audit-js", ".out.json");
    try {
      Files.writeString(in.toPath(), job.toString(), StandardCharsets.UTF_8);
      Process p = new ProcessBuilder("node", "harness.mjs", in.getAbsolutePath()).directory(harness.toFile())
          .redirectOutput(out).redirectError(ProcessBuilder.Redirect.INHERIT).start();
      assertTrue(p.waitFor(5, TimeUnit.MINUTES), "node harness timed out");
      assertEquals(0, p.exitValue(), "node harness failed");
      return CliFiles.JSON.readTree(out);
    } finally {
      in.delete();
      out.delete();
    }
  }

  @Test
  void ob3CredentialsSignedByTheJsReferenceStackCountInAnAudit() throws Exception {
    String[] courses = {"regression", "sampling", "surveys", "ethics"};
    ObjectNode job = CliFiles.JSON.createObjectNode();
    ArrayNode sign = job.putArray("sign");
    List<String> issuers = new ArrayList<>();
    for (int i = 0; i < courses.length; i++) {
      KeyPair k = KeyPair.generate(i % 2 == 0 ? KeyType.ED25519 : KeyType.P256);
      issuers.add(k.publicKey().didKey());
      ObjectNode item = sign.addObject();
      item.set("credential", AuditAnyIssuerTest.badge(k.publicKey().didKey(), "https://js.example/courses/"
          + courses[i], i == 3 ? 1 : 2, 6, null));
      item.putObject("key").put("type", k.type().name()).put("publicKeyMultibase", k.publicKey().toMultibase())
          .put("secretKeyMultibase", k.secretKeyMultibase(SecretKeyAccess.get()));
    }
    JsonNode out = runNode(job);
    List<String> files = new ArrayList<>();
    for (int i = 0; i < courses.length; i++) {
      JsonNode signed = out.get("sign").get(i);
      assertFalse(signed.has("error"), "JS signing failed: " + signed.get("error"));
      assertTrue(signed.get("proof").get("cryptosuite").asText().equals(i % 2 == 0 ? "eddsa-rdfc-2022"
          : "ecdsa-rdfc-2019"), signed.toString());
      files.add(Files.writeString(dir.resolve(courses[i] + ".json"), signed.toString()).toString());
    }
    Path rules = Files.writeString(dir.resolve("rules.json"), "{\"id\":\"q\",\"unit\":\"ECTS\",\"requirement\":"
        + "{\"id\":\"all\",\"allOf\":[{\"id\":\"ethics\",\"credential\":\"https://js.example/courses/ethics\"},"
        + "{\"id\":\"analytics\",\"credits\":6,\"where\":{\"tags\":[\"analytics\"],\"minLevel\":6}}]}}");
    List<String> args = new ArrayList<>(List.of("audit", "--rules", rules.toString(), "--credit-unit", "ECTS",
        "--transcript"));
    args.addAll(files);
    MainTest.Run r = MainTest.run(args.toArray(String[]::new));
    assertEquals(Main.OK, r.code(), r.out() + r.err());
    JsonNode result = CliFiles.JSON.readTree(r.out());
    assertEquals(0, result.get("exclusions").size(), r.out());
    assertEquals(4, result.get("assignments").size(), r.out());
    assertEquals(7, result.get("countedCredits").asInt(), r.out());
    for (String f : files) {
      assertTrue(r.err().contains("verified " + f + ": Course "), r.err());
    }

    // one value changed after JS signed it: that credential is excluded and the qualification is short
    ObjectNode changed = (ObjectNode) CliFiles.JSON.readTree(Path.of(files.get(0)).toFile());
    ((ObjectNode) changed.at("/credentialSubject/achievement")).put("creditsAvailable", 20);
    Files.writeString(Path.of(files.get(0)), changed.toString());
    MainTest.Run bad = MainTest.run(args.toArray(String[]::new));
    assertEquals(Main.FAILED, bad.code(), bad.out() + bad.err());
    JsonNode ex = CliFiles.JSON.readTree(bad.out()).get("exclusions");
    assertEquals(1, ex.size(), bad.out());
    assertEquals(files.get(0), ex.get(0).get("credential").asText());
    assertEquals("NOT_VERIFIED", ex.get(0).get("reason").asText());
  }
}
