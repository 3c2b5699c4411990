package io.github.microcred.cli;

import static io.github.microcred.cli.MainTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mcred sign --cryptosuite ecdsa-sd-2023 --mandatory P}, then {@code mcred derive --reveal P}, then verify. */
class DeriveCommandTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void signDeriveVerify(@TempDir Path dir) throws Exception {
    Path key = dir.resolve("p256.key");
    MainTest.Run kg = run("keygen", "--type", "p256", "--out", key.toString());
    assertEquals(Main.OK, kg.code(), kg.err());
    String did = JSON.readTree(kg.out()).get("did").asText();
    Path in = dir.resolve("badge.json");
    Files.writeString(in, DataIntegrityCommandsTest.credential(did).toString(), StandardCharsets.UTF_8);
    Path base = dir.resolve("base.json");
    MainTest.Run s = run("sign", "--key", key.toString(), "--cryptosuite", "ecdsa-sd-2023", "--mandatory", "/issuer",
        "--mandatory", "/validFrom", in.toString(), base.toString());
    assertEquals(Main.OK, s.code(), s.err());
    assertEquals("ecdsa-sd-2023", JSON.readTree(base.toFile()).at("/proof/cryptosuite").asText());
    // a verifier refuses the base proof
    MainTest.Run vb = run("verify", base.toString());
    assertEquals(Main.FAILED, vb.code(), vb.out());
    assertTrue(vb.out().contains("base proof"), vb.out());

    Path derived = dir.resolve("derived.json");
    MainTest.Run d = run("derive", "--reveal", "/credentialSubject/achievement/name", base.toString(),
        derived.toString());
    assertEquals(Main.OK, d.code(), d.err());
    JsonNode report = JSON.readTree(d.out());
    assertEquals(derived.toString(), report.get("derived").asText());
    assertEquals("/credentialSubject/achievement/name", report.get("revealed").get(0).asText());
    JsonNode doc = JSON.readTree(derived.toFile());
    assertEquals("Teamwork", doc.at("/credentialSubject/achievement/name").asText());
    assertTrue(doc.at("/credentialSubject/achievement/description").isMissingNode(), doc.toString());
    assertEquals(did, doc.at("/issuer/id").asText());
    MainTest.Run v = run("verify", derived.toString());
    assertEquals(Main.OK, v.code(), v.out() + v.err());
    assertTrue(JSON.readTree(v.out()).get("verified").asBoolean(), v.out());

    // text report; errors: a pointer that does not match, a credential without a base proof, overwriting IN
    MainTest.Run t = run("derive", "--text", base.toString(), dir.resolve("mandatory-only.json").toString());
    assertEquals(Main.OK, t.code(), t.err());
    assertTrue(t.out().contains("mandatory parts only"), t.out());
    MainTest.Run bad = run("derive", "--reveal", "/credentialSubject/nope", base.toString(),
        dir.resolve("x.json").toString());
    assertEquals(Main.FAILED, bad.code());
    assertTrue(bad.err().contains("INVALID_ARGUMENT") && bad.err().contains("/credentialSubject/nope"), bad.err());
    assertFalse(Files.exists(dir.resolve("x.json")));
    MainTest.Run noBase = run("derive", "--reveal", "/name", in.toString(), dir.resolve("y.json").toString());
    assertEquals(Main.FAILED, noBase.code());
    assertTrue(noBase.err().contains("ecdsa-sd-2023"), noBase.err());
    assertEquals(Main.USAGE, run("derive", base.toString(), base.toString()).code(), "no overwrite of IN");
    // --mandatory is for ecdsa-sd-2023 only
    MainTest.Run m = run("sign", "--key", key.toString(), "--mandatory", "/issuer", in.toString(),
        dir.resolve("z.json").toString());
    assertEquals(Main.USAGE, m.code(), m.err());
  }
}
