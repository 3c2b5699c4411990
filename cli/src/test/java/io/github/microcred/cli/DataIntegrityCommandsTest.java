package io.github.microcred.cli;

import io.github.microcred.core.Workload;
import static io.github.microcred.cli.MainTest.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataIntegrityCommandsTest {
  static final ObjectMapper JSON = new ObjectMapper();

  static ObjectNode credential(String issuer) {
    ObjectNode c = JSON.createObjectNode();
    c.putArray("@context").add("https://www.w3.org/ns/credentials/v2")
        .add("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json");
    c.put("id", "urn:uuid:11111111-2222-4333-8444-555555555555");
    c.putArray("type").add("VerifiableCredential").add("OpenBadgeCredential");
    c.putObject("issuer").put("id", issuer).put("type", "Profile").put("name", "Example U");
    c.put("validFrom", "2025-01-01T00:00:00Z");
    ObjectNode s = c.putObject("credentialSubject");
    s.put("id", "did:example:learner").put("type", "AchievementSubject");
    s.putObject("achievement").put("id", "https://example.edu/a/1").put("type", "Achievement")
        .put("name", "Teamwork").put("description", "Works in teams").putObject("criteria")
        .put("narrative", "Project");
    return c;
  }

  @Test
  void keygenSignVerifyRoundTrip(@TempDir Path dir) throws Exception {
    for (String[] t : new String[][] {{"ed25519", "jwk", "eddsa-rdfc-2022"}, {"p256", "multikey", "ecdsa-rdfc-2019"},
        {"p384", "jwk", "ecdsa-rdfc-2019"}, {"ed25519", "multikey", "eddsa-jcs-2022"}, {"p256", "jwk", "ecdsa-jcs-2019"},
        {"p384", "multikey", "ecdsa-jcs-2019"}}) {
      Path key = dir.resolve(t[0] + "-" + t[2] + ".key");
      var kg = run("keygen", "--type", t[0], "--format", t[1], "--out", key.toString());
      assertEquals(Main.OK, kg.code(), kg.err());
      JsonNode keyReport = JSON.readTree(kg.out());
      String did = keyReport.get("did").asText();
      assertTrue(did.startsWith("did:key:z"), kg.out());
      assertEquals(key.toString(), keyReport.get("key").asText());
      assertEquals(t[0], keyReport.get("type").asText());
      assertEquals(Main.FAILED, run("keygen", "--type", t[0], "--out", key.toString()).code(), "no overwrite");
      Path in = dir.resolve(t[0] + "-" + t[2] + ".json");
      Path out = dir.resolve(t[0] + "-" + t[2] + ".signed.json");
      Files.writeString(in, credential(did).toString(), StandardCharsets.UTF_8);
      var s = run("sign", "--key", key.toString(), t[2].contains("jcs") ? "--cryptosuite" : "--suite", t[2], "--created", "2025-01-02T00:00:00Z",
          in.toString(), out.toString());
      assertEquals(Main.OK, s.code(), s.err());
      assertEquals(out.toString(), JSON.readTree(s.out()).get("signed").asText(), s.out());
      assertEquals("data-integrity", JSON.readTree(s.out()).get("format").asText(), s.out());
      JsonNode signed = JSON.readTree(out.toFile());
      assertEquals("2025-01-02T00:00:00Z", signed.at("/proof/created").asText());
      assertEquals(t[2], signed.at("/proof/cryptosuite").asText());
      var v = run("verify", "--json", "--now", "2025-02-01T00:00:00Z", out.toString());
      assertEquals(Main.OK, v.code(), v.out() + v.err());
      assertTrue(JSON.readTree(v.out()).get("verified").asBoolean(), v.out());
      // exactly as the issue spells it: verify [--controller DOC.json]… [--now T] FILE prints the JSON result
      var plain = run("verify", "--now", "2025-02-01T00:00:00Z", out.toString());
      assertEquals(Main.OK, plain.code(), plain.out() + plain.err());
      JsonNode result = JSON.readTree(plain.out());
      assertTrue(result.get("verified").asBoolean(), plain.out());
      assertEquals("data-integrity", result.get("kind").asText(), plain.out());
      assertTrue(result.get("rejections").isArray() && result.get("credentials").isArray(), plain.out());
      var text = run("verify", "--text", "--now", "2025-02-01T00:00:00Z", out.toString());
      assertEquals(Main.OK, text.code(), text.out() + text.err());
      assertTrue(text.out().startsWith("data-integrity:\n") && text.out().endsWith("VERIFIED\n"), text.out());
      assertTrue(result.get("checks").isArray() && result.get("checks").size() >= 5, plain.out());
      var early = run("verify", "--json", "--now", "2024-06-01T00:00:00Z", out.toString());
      assertEquals(Main.FAILED, early.code(), early.out());
      assertFalse(JSON.readTree(early.out()).get("verified").asBoolean());
    }
    assertEquals(Main.USAGE, run("keygen", "--type", "dsa", "--out", dir.resolve("x").toString()).code());
    assertEquals(Main.USAGE, run("keygen", "--type", "rsa", "--format", "multikey", "--out",
        dir.resolve("y").toString()).code());
    assertEquals(Main.OK, run("keygen", "--type", "rsa", "--out", dir.resolve("rsa.jwk").toString()).code());
    assertEquals(io.github.microcred.vc.KeyType.RSA,
        io.github.microcred.vc.KeyPair.fromKeyFile(dir.resolve("rsa.jwk")).type());
  }

  @Test
  void issueFromCoreJsonThenVerify(@TempDir Path dir) throws Exception {
    Path key = dir.resolve("k.jwk");
    assertEquals(Main.OK, run("keygen", "--type", "p256", "--out", key.toString()).code());
    Path mc = dir.resolve("mc.json");
    Files.writeString(mc, io.github.microcred.core.MicroCredential
        .builder("Welding basics").id("https://example.edu/mc/welding").shortDescription("Safe MIG welding")
        .learningOutcome("Weld a butt joint").workload(Workload.ofHours(30)).build().toJson().toPrettyString(), StandardCharsets.UTF_8);
    Path out = dir.resolve("ob.json");
    var i = run("issue", "--key", key.toString(), "--credential", mc.toString(), "--learner", "did:example:bob",
        out.toString());
    assertEquals(Main.OK, i.code(), i.err());
    JsonNode report = JSON.readTree(i.out());
    assertEquals("https://example.edu/mc/welding", report.get("achievement").asText(), i.out());
    assertFalse(report.get("achievementIdMinted").asBoolean(), i.out());
    JsonNode ob = JSON.readTree(out.toFile());
    assertEquals(ob.get("id").asText(), report.get("id").asText());
    assertEquals("Welding basics", ob.at("/credentialSubject/achievement/name").asText());
    assertEquals("ecdsa-rdfc-2019", ob.at("/proof/cryptosuite").asText());
    var v = run("verify", "--json", out.toString());
    assertEquals(Main.OK, v.code(), v.out());
    var bad = run("issue", "--key", key.toString(), "--credential", mc.toString(), "--learner", "bob",
        dir.resolve("x.json").toString());
    assertEquals(Main.USAGE, bad.code());
  }

  @Test
  void issueChoosesTheCryptosuiteOrAJwtFormat(@TempDir Path dir) throws Exception {
    Path ed = dir.resolve("ed.jwk");
    Path rsa = dir.resolve("rsa.jwk");
    assertEquals(Main.OK, run("keygen", "--type", "ed25519", "--out", ed.toString()).code());
    assertEquals(Main.OK, run("keygen", "--type", "rsa", "--out", rsa.toString()).code());
    Path mc = dir.resolve("mc.json");
    Files.writeString(mc, io.github.microcred.core.MicroCredential
        .builder("Welding basics").id("https://example.edu/mc/welding").shortDescription("Safe MIG welding")
        .learningOutcome("Weld a butt joint").workload(Workload.ofHours(30)).build().toJson().toPrettyString(), StandardCharsets.UTF_8);
    Path jcs = dir.resolve("jcs.json");
    var i = run("issue", "--key", ed.toString(), "--credential", mc.toString(), "--learner", "did:example:bob",
        "--cryptosuite", "eddsa-jcs-2022", jcs.toString());
    assertEquals(Main.OK, i.code(), i.err());
    assertEquals("eddsa-jcs-2022", JSON.readTree(i.out()).get("securedWith").asText(), i.out());
    assertEquals("eddsa-jcs-2022", JSON.readTree(jcs.toFile()).at("/proof/cryptosuite").asText());
    assertEquals(Main.OK, run("verify", "--json", jcs.toString()).code());
    // the OB 3.0 JWT profile with an RSA key: RS256, typ JWT, the credential in the vc claim
    Path ob3 = dir.resolve("ob3.jwt");
    var j = run("issue", "--key", rsa.toString(), "--credential", mc.toString(), "--learner", "did:example:bob",
        "--format", "ob3-jwt", ob3.toString());
    assertEquals(Main.OK, j.code(), j.err());
    assertEquals("OB 3.0 JWT RS256", JSON.readTree(j.out()).get("securedWith").asText(), j.out());
    String token = Files.readString(ob3).strip();
    JsonNode header = JSON.readTree(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[0]));
    assertEquals("RS256", header.get("alg").asText());
    assertEquals("JWT", header.get("typ").asText());
    io.github.microcred.vc.jose.JwtVerification v = io.github.microcred.vc.jose.Ob3Jwt.verify(token).get();
    assertTrue(v.verified(), v.result().toString());
    assertEquals("Welding basics", v.document().orElseThrow().at("/credentialSubject/achievement/name").asText());
    // mcred sign --format ob3-jwt: the same profile from an unsigned credential
    Path unsigned = dir.resolve("unsigned.json");
    Files.writeString(unsigned, v.document().orElseThrow().toString(), StandardCharsets.UTF_8);
    Path signedOb3 = dir.resolve("signed-ob3.jwt");
    var s = run("sign", "--format", "ob3-jwt", "--key", rsa.toString(), unsigned.toString(), signedOb3.toString());
    assertEquals(Main.OK, s.code(), s.err());
    assertEquals("ob3-jwt", JSON.readTree(s.out()).get("format").asText(), s.out());
    assertTrue(io.github.microcred.vc.jose.Ob3Jwt.verify(Files.readString(signedOb3).strip()).get().verified());
    // mcred verify --ob3-jwt: the profile's checks; a vc+jwt is not that profile
    var ov = run("verify", "--ob3-jwt", ob3.toString());
    assertEquals(Main.OK, ov.code(), ov.out());
    assertEquals("ob3-jwt", JSON.readTree(ov.out()).get("kind").asText(), ov.out());
    Path vcJwt = dir.resolve("vc.jwt");
    assertEquals(Main.OK, run("issue", "--key", rsa.toString(), "--credential", mc.toString(), "--learner",
        "did:example:bob", "--format", "jwt", vcJwt.toString()).code());
    var notOb3 = run("verify", "--ob3-jwt", vcJwt.toString());
    assertEquals(Main.FAILED, notOb3.code(), notOb3.out());
    assertTrue(notOb3.out().contains("HEADER_NOT_ALLOWED"), notOb3.out());
    assertEquals(Main.OK, run("verify", vcJwt.toString()).code());
    // refused, each naming its option
    var wrongSuite = run("issue", "--key", ed.toString(), "--credential", mc.toString(), "--learner",
        "did:example:bob", "--cryptosuite", "ecdsa-rdfc-2019", dir.resolve("a.json").toString());
    assertEquals(Main.USAGE, wrongSuite.code());
    assertTrue(wrongSuite.err().contains("--cryptosuite"), wrongSuite.err());
    var rsaDi = run("issue", "--key", rsa.toString(), "--credential", mc.toString(), "--learner", "did:example:bob",
        dir.resolve("b.json").toString());
    assertEquals(Main.USAGE, rsaDi.code());
    assertTrue(rsaDi.err().contains("JWTs only"), rsaDi.err());
    var suiteWithJwt = run("issue", "--key", ed.toString(), "--credential", mc.toString(), "--learner",
        "did:example:bob", "--format", "jwt", "--cryptosuite", "eddsa-rdfc-2022", dir.resolve("c.jwt").toString());
    assertEquals(Main.USAGE, suiteWithJwt.code());
  }

  @Test
  void httpsIssuerNeedsItsControllerDocument(@TempDir Path dir) throws Exception {
    Path key = dir.resolve("k.jwk");
    assertEquals(Main.OK, run("keygen", "--type", "ed25519", "--out", key.toString()).code());
    String issuer = "https://example.edu/issuers/1";
    String vm = issuer + "#key-1";
    Path in = dir.resolve("in.json");
    Path out = dir.resolve("out.json");
    Files.writeString(in, credential(issuer).toString(), StandardCharsets.UTF_8);
    assertEquals(Main.OK, run("sign", "--key", key.toString(), "--vm", vm, in.toString(), out.toString()).code());
    JsonNode jwk = JSON.readTree(key.toFile());
    ObjectNode doc = JSON.createObjectNode().put("id", issuer);
    ObjectNode m = doc.putArray("verificationMethod").addObject().put("id", vm).put("type", "JsonWebKey")
        .put("controller", issuer);
    m.putObject("publicKeyJwk").put("kty", "OKP").put("crv", "Ed25519").put("x", jwk.get("x").asText());
    doc.putArray("assertionMethod").add(vm);
    Path ctl = dir.resolve("issuer.json");
    Files.writeString(ctl, doc.toString(), StandardCharsets.UTF_8);
    assertEquals(Main.FAILED, run("verify", "--json", out.toString()).code());
    var ok = run("verify", "--json", "--controller", ctl.toString(), out.toString());
    assertEquals(Main.OK, ok.code(), ok.out() + ok.err());
    var noFlag = run("verify", "--controller", ctl.toString(), out.toString());
    assertEquals(Main.OK, noFlag.code(), noFlag.out() + noFlag.err());
    assertTrue(JSON.readTree(noFlag.out()).get("verified").asBoolean(), noFlag.out());
  }
}
