package io.github.microcred.cli;

import static io.github.microcred.cli.MainTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, CLI: {@code mcred sign} refuses to overwrite any of its inputs; {@code --context URL=FILE} pins an extra
 * context by its SHA-256, which reproduces the W3C {@code eddsa-rdfc-2022} employment-authorization vector (it needs
 * the citizenship v4rc1 context) byte for byte from the command line. The vector (w3c/vc-di-eddsa @abb673e,
 * {@code TestVectors/employmentAuth.json} and {@code eddsa-rdfc-2022/employ/*}) and the context
 * (w3c-ccg/citizenship-vocab @50a3689 {@code contexts/citizenship-v4rc1.jsonld}, no licence file in that repository)
 * are read from {@code ../shared/specs/vc}; without it that test is skipped, saying so.
 */
class SignInputsAndContextsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CITIZENSHIP = "https://w3id.org/citizenship/v4rc1";
  private static final String CITIZENSHIP_SHA256 = "5038c7383afd7ab2158f1b997913a8f60978a0abcf96e0b0d08e29f146d2db1e";

  private static Path shared() {
    return Path.of(System.getProperty("microcred.shared", "../../shared"), "specs", "vc");
  }

  private static Path key(Path dir) {
    Path key = dir.resolve("issuer.key");
    var kg = run("keygen", "--type", "ed25519", "--out", key.toString());
    assertEquals(Main.OK, kg.code(), kg.err());
    return key;
  }

  @Test
  void signRefusesToOverwriteItsInput(@TempDir Path dir) throws Exception {
    Path key = key(dir);
    Path in = dir.resolve("unsigned.json");
    String unsigned = DataIntegrityCommandsTest.credential("did:example:issuer").toString();
    Files.writeString(in, unsigned, StandardCharsets.UTF_8);
    Path link = dir.resolve("link.json");
    Files.createSymbolicLink(link, in);
    Path hard = dir.resolve("hard.json");
    Files.createLink(hard, in);
    for (Path out : new Path[] {in, dir.resolve(".").resolve("unsigned.json"), link, hard, key}) {
      var r = run("sign", "--key", key.toString(), in.toString(), out.toString());
      assertEquals(Main.USAGE, r.code(), out + ": " + r.out() + r.err());
      assertTrue(r.err().contains("refusing to overwrite"), r.err());
    }
    assertEquals(unsigned, Files.readString(in, StandardCharsets.UTF_8), "the input is untouched");
    var ok = run("sign", "--key", key.toString(), in.toString(), dir.resolve("signed.json").toString());
    assertEquals(Main.OK, ok.code(), ok.err());
  }

  @Test
  void signAndVerifyReadTheFileStrictly(@TempDir Path dir) throws Exception {
    Path key = key(dir);
    Path in = dir.resolve("unsigned.json");
    Files.writeString(in, DataIntegrityCommandsTest.credential("did:example:issuer") + "\n{\"more\": 1}",
        StandardCharsets.UTF_8);
    var s = run("sign", "--key", key.toString(), in.toString(), dir.resolve("out.json").toString());
    assertEquals(Main.FAILED, s.code(), s.out());
    assertTrue(s.err().contains("content after the end of the JSON value at line 2"), s.err());
    var j = run("sign", "--format", "jwt", "--key", key.toString(), in.toString(),
        dir.resolve("out.jwt").toString());
    assertEquals(Main.FAILED, j.code(), j.out());
    assertTrue(j.err().contains("content after the end of the JSON value"), j.err());
  }

  @Test
  void aContextFileWithTheWrongHashIsRefused(@TempDir Path dir) throws Exception {
    Path ctx = dir.resolve("ctx.jsonld");
    Files.writeString(ctx, "{\"@context\": {}}");
    Path key = key(dir);
    Path in = dir.resolve("unsigned.json");
    Files.writeString(in, DataIntegrityCommandsTest.credential("did:example:issuer").toString());
    var r = run("sign", "--key", key.toString(), "--context", CITIZENSHIP + "=" + ctx + "#sha256=" + CITIZENSHIP_SHA256,
        in.toString(), dir.resolve("out.json").toString());
    assertEquals(Main.FAILED, r.code(), r.out());
    assertTrue(r.err().contains("expected " + CITIZENSHIP_SHA256), r.err());
    var bad = run("sign", "--key", key.toString(), "--context", "no-url", in.toString(),
        dir.resolve("out.json").toString());
    assertEquals(Main.USAGE, bad.code(), bad.err());
    var clash = run("sign", "--key", key.toString(), "--context", CITIZENSHIP + "=" + ctx, in.toString(),
        ctx.toString());
    assertEquals(Main.USAGE, clash.code(), "the context file is an input too: " + clash.err());
  }

  @Test
  void theEmploymentVectorIsReproducedFromTheCommandLine(@TempDir Path dir) throws Exception {
    Path vectorFile = shared().resolve("vectors/eddsa-rdfc-2022-vcdm2-employment.json");
    Path context = shared().resolve("contexts/citizenship-v4rc1.jsonld");
    Assumptions.assumeTrue(Files.isRegularFile(vectorFile) && Files.isRegularFile(context),
        "SKIPPED: " + vectorFile + " / " + context + " absent (../shared is not part of a clone)");
    JsonNode vector = JSON.readTree(vectorFile.toFile());
    JsonNode kp = vector.get("keyPair");
    Path key = dir.resolve("vector.key");
    Files.writeString(key, JSON.createObjectNode().put("type", "Multikey")
        .put("publicKeyMultibase", kp.get("publicKeyMultibase").asText())
        .put("secretKeyMultibase", kp.get("privateKeyMultibase").asText()).toString());
    Path in = dir.resolve("employment.json");
    Files.writeString(in, vector.get("unsignedCredential").toString(), StandardCharsets.UTF_8);
    Path out = dir.resolve("employment.signed.json");
    JsonNode options = vector.get("proofOptions");

    // without the context the document cannot be canonicalized: the URL is not pinned
    var unpinned = run("sign", "--key", key.toString(), in.toString(), out.toString());
    assertEquals(Main.FAILED, unpinned.code(), unpinned.out());
    assertTrue(unpinned.err().contains(CITIZENSHIP), unpinned.err());

    var s = run("sign", "--key", key.toString(), "--context", CITIZENSHIP + "=" + context,
        "--created", options.get("created").asText(), "--vm", options.get("verificationMethod").asText(),
        in.toString(), out.toString());
    assertEquals(Main.OK, s.code(), s.err());
    assertTrue(s.out().contains("pinned context " + CITIZENSHIP + " = " + context + " (sha256 " + CITIZENSHIP_SHA256
        + ")"), s.out());
    JsonNode signed = JSON.readTree(out.toFile());
    assertEquals(vector.at("/expected/proofValue").asText(), signed.at("/proof/proofValue").asText());
    assertEquals(vector.at("/expected/signedCredential"), signed, "the whole signed credential, byte for byte");

    // a verifier pins the same bytes (and may insist on the printed hash); the proof verifies
    var v = run("verify", "--context", CITIZENSHIP + "=" + context + "#sha256=" + CITIZENSHIP_SHA256,
        "--now", "2024-01-01T00:00:00Z", out.toString());
    JsonNode result = JSON.readTree(v.out());
    boolean proofPassed = false;
    for (JsonNode c : result.get("checks")) {
      if ("proof".equals(c.get("check").asText())) {
        proofPassed = "passed".equals(c.get("outcome").asText());
      }
    }
    assertTrue(proofPassed, v.out());
    // (the vector's issuer is not the signing key's controller, so the whole credential does not verify)
    ObjectNode tampered = (ObjectNode) signed.deepCopy();
    ((ObjectNode) tampered.get("credentialSubject")).put("givenName", "MALLORY");
    Path t = dir.resolve("tampered.json");
    Files.writeString(t, tampered.toString());
    var tv = run("verify", "--context", CITIZENSHIP + "=" + context, "--now", "2024-01-01T00:00:00Z", t.toString());
    assertTrue(tv.out().contains("signature does not verify"), tv.out());
  }

  /**
   * {@code mcred issue --context} signs with the pinned bytes: a variant of the OB 3.0 context (one type IRI changed)
   * pinned for its URL makes a credential whose proof verifies only with the same pin; the pin is reported with its
   * SHA-256, a wrong {@code #sha256=} is refused, and the context file is never overwritten.
   */
  @Test
  void issueSignsWithThePinnedContextAndReportsItsHash(@TempDir Path dir) throws Exception {
    String ob3 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
    String pinned = Files.readString(Path.of("../vc/src/main/resources/io/github/microcred/vc/contexts/"
        + "ob-v3p0-context-3.0.3.1edtech-validator.json"), StandardCharsets.UTF_8);
    assertTrue(pinned.contains("vocab.html#Achievement\""));
    Path variant = dir.resolve("ob3-variant.json");
    Files.writeString(variant, pinned.replace("vocab.html#Achievement\"", "vocab.html#AchievementVariant\""),
        StandardCharsets.UTF_8);
    String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
        .digest(Files.readAllBytes(variant)));
    Path key = key(dir);
    Path out = dir.resolve("issued.json");
    var i = run("issue", "--key", key.toString(), "--credential", "../examples/micro-credential.json", "--learner",
        "did:example:learner", "--context", ob3 + "=" + variant, out.toString());
    assertEquals(Main.OK, i.code(), i.err());
    assertEquals("pinned context " + ob3 + " = " + variant + " (sha256 " + sha + ")",
        JSON.readTree(i.out()).get("contexts").get(0).asText(), i.out());

    var without = run("verify", out.toString());
    assertEquals(Main.FAILED, without.code(), without.out());
    assertTrue(without.out().contains("signature does not verify"), without.out());
    var with = run("verify", "--context", ob3 + "=" + variant + "#sha256=" + sha, out.toString());
    assertEquals(Main.OK, with.code(), with.out());

    var wrongHash = run("issue", "--key", key.toString(), "--credential", "../examples/micro-credential.json",
        "--learner", "did:example:learner", "--context", ob3 + "=" + variant + "#sha256=" + CITIZENSHIP_SHA256,
        dir.resolve("other.json").toString());
    assertEquals(Main.FAILED, wrongHash.code(), wrongHash.out());
    assertTrue(wrongHash.err().contains("expected " + CITIZENSHIP_SHA256), wrongHash.err());
    var clash = run("issue", "--key", key.toString(), "--credential", "../examples/micro-credential.json",
        "--learner", "did:example:learner", "--context", ob3 + "=" + variant, variant.toString());
    assertEquals(Main.USAGE, clash.code(), clash.err());
    assertTrue(clash.err().contains("refusing to overwrite"), clash.err());
  }
}
