package io.github.microcred.cli;

import static io.github.microcred.cli.MainTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.KeyPair;
import io.github.microcred.vc.KeyType;
import io.github.microcred.vc.SecretKeyAccess;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mcred issue|sign --format sd-jwt}, {@code mcred present --format sd-jwt}, {@code mcred verify} of SD-JWT VC. */
class SdJwtCommandsTest {
  @TempDir Path dir;

  Path keyFile(KeyPair k, String name) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, k.toKeyFile("jwk", SecretKeyAccess.get()).toString());
    return p;
  }

  static ObjectNode badge(String issuer) {
    ObjectNode vc = CliFiles.JSON.createObjectNode();
    vc.putArray("@context").add("https://www.w3.org/ns/credentials/v2")
        .add("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json");
    vc.put("id", "urn:uuid:0b6b9f3e-9a52-4a8e-8f0d-6b1f0c1e2d3a");
    vc.putArray("type").add("VerifiableCredential").add("OpenBadgeCredential");
    vc.put("name", "Data Analysis");
    vc.putObject("issuer").put("id", issuer).put("name", "Example University").putArray("type").add("Profile");
    vc.put("validFrom", "2026-01-01T00:00:00Z");
    ObjectNode s = vc.putObject("credentialSubject").put("id", "did:example:learner");
    s.putArray("type").add("AchievementSubject");
    ObjectNode a = s.putObject("achievement").put("id", "https://example.edu/a/1").put("name", "Data Analysis")
        .put("description", "Exploratory data analysis");
    a.putArray("type").add("Achievement");
    a.putObject("criteria").put("narrative", "Pass the project");
    return vc;
  }

  @Test
  void signPresentVerify() throws Exception {
    KeyPair issuer = KeyPair.generate(KeyType.ED25519);
    KeyPair holder = KeyPair.generate(KeyType.P256);
    Path key = keyFile(issuer, "issuer.json");
    Path holderKey = keyFile(holder, "holder.json");
    Path unsigned = dir.resolve("badge.json");
    Files.writeString(unsigned, badge(issuer.publicKey().didKey()).toString());
    Path sd = dir.resolve("badge.sd-jwt");
    var sign = run("sign", "--format", "sd-jwt", "--key", key.toString(), "--holder-key", holderKey.toString(),
        "--disclose", "/credentialSubject/id", "--disclose", "/credentialSubject/achievement/description",
        "--decoys", "2", unsigned.toString(), sd.toString());
    assertEquals(0, sign.code(), sign.err());
    assertEquals("dc+sd-jwt", CliFiles.JSON.readTree(sign.out()).get("format").asText(), sign.out());

    // the holder checks what was issued: Key Binding is not required only when asked
    var bare = run("verify", sd.toString());
    assertEquals(1, bare.code(), bare.out());
    assertTrue(bare.out().contains("KB_MISSING"), bare.out());
    var issued = run("verify", "--no-key-binding", sd.toString());
    assertEquals(0, issued.code(), issued.out() + issued.err());
    JsonNode all = CliFiles.JSON.readTree(issued.out());
    assertEquals("dc+sd-jwt", all.get("kind").asText());
    assertEquals("did:example:learner", all.get("claims").get("credentialSubject").get("id").asText());

    Path shown = dir.resolve("shown.sd-jwt");
    var present = run("present", "--format", "sd-jwt", "--key", holderKey.toString(), "--challenge", "n-123",
        "--domain", "https://employer.example", "--reveal", "/credentialSubject/achievement/description",
        sd.toString(), shown.toString());
    assertEquals(0, present.code(), present.err());
    var ok = run("verify", "--challenge", "n-123", "--domain", "https://employer.example", shown.toString());
    assertEquals(0, ok.code(), ok.out() + ok.err());
    JsonNode report = CliFiles.JSON.readTree(ok.out());
    JsonNode subject = report.get("claims").get("credentialSubject");
    assertEquals("Exploratory data analysis", subject.get("achievement").get("description").asText());
    assertFalse(subject.has("id"), ok.out());

    var replay = run("verify", "--challenge", "other", "--domain", "https://employer.example", shown.toString());
    assertEquals(1, replay.code(), replay.out());
    assertTrue(CliFiles.JSON.readTree(replay.out()).get("rejections").toString().contains("KB_NONCE_MISMATCH"),
        replay.out());
    var half = run("verify", "--challenge", "n-123", shown.toString());
    assertEquals(2, half.code(), half.err());
  }

  @Test
  void issueFromACoreMicroCredential() throws Exception {
    KeyPair issuer = KeyPair.generate(KeyType.P256);
    Path key = keyFile(issuer, "issuer.json");
    Path sd = dir.resolve("mc.sd-jwt");
    var issue = run("issue", "--format", "sd-jwt", "--key", key.toString(), "--credential",
        "../examples/micro-credential.json", "--learner", "did:example:learner", "--disclose",
        "/credentialSubject/id", sd.toString());
    assertEquals(0, issue.code(), issue.err());
    var v = run("verify", "--no-key-binding", sd.toString());
    assertEquals(0, v.code(), v.out() + v.err());
    assertEquals("https://purl.imsglobal.org/spec/vc/ob/vocab.html#OpenBadgeCredential",
        CliFiles.JSON.readTree(v.out()).get("claims").get("vct").asText());
  }

  @Test
  void badOptionsAreUsageErrors() throws Exception {
    KeyPair issuer = KeyPair.generate(KeyType.ED25519);
    Path key = keyFile(issuer, "issuer.json");
    Path unsigned = dir.resolve("badge.json");
    Files.writeString(unsigned, badge(issuer.publicKey().didKey()).toString());
    var wrongFormat = run("sign", "--format", "jwt", "--disclose", "/name", "--key", key.toString(),
        unsigned.toString(), dir.resolve("x").toString());
    assertEquals(2, wrongFormat.code());
    CliConventionTest.oneSentence(wrongFormat, "apply to --format sd-jwt only");
    var neverDisclosable = run("sign", "--format", "sd-jwt", "--disclose", "/validFrom", "--key", key.toString(),
        unsigned.toString(), dir.resolve("y").toString());
    assertEquals(1, neverDisclosable.code());
    CliConventionTest.oneSentence(neverDisclosable, "/validFrom");
  }
}
