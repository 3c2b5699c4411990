package io.github.microcred.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.ControllerDocument;
import io.github.microcred.vc.Credentials;
import io.github.microcred.vc.Cryptosuite;
import io.github.microcred.vc.KeyPair;
import io.github.microcred.vc.KeyType;
import io.github.microcred.vc.PublicKey;
import io.github.microcred.vc.status.InMemoryStatusStore;
import io.github.microcred.vc.status.StatusEntry;
import io.github.microcred.vc.status.StatusListDefinition;
import io.github.microcred.vc.status.StatusListManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, any issuer: {@code mcred audit --transcript} counts verified Open Badges 3.0 credentials of any issuer
 * (the 1EdTech OB3 and CLR 2.0 examples, and badges without microcred's extension), excludes failed results, and
 * with {@code --status-list} excludes revoked and suspended credentials with the reason.
 */
class AuditAnyIssuerTest {
  @TempDir Path dir;

  static final String VECTORS = "../vc/src/test/resources/io/github/microcred/vc/vectors/";

  Path write(String name, String text) throws java.io.IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  static JsonNode vector(String name) throws Exception {
    Path p = Path.of(VECTORS, name);
    Assumptions.assumeTrue(Files.isRegularFile(p), "1EdTech vector " + p + " absent");
    return CliFiles.JSON.readTree(p.toFile());
  }

  /** The 1EdTech examples: an OB3 badge and a CLR bundling one AchievementCredential, issuer example.edu. */
  @Test
  void oneEdTechOb3AndClrExamplesCountAfterVerification() throws Exception {
    JsonNode ob = vector("ob3-eddsa-rdfc-2022.json");
    JsonNode clr = vector("clr2-eddsa-rdfc-2022.json");
    JsonNode kp = ob.get("keyPair");
    ControllerDocument doc = ControllerDocument.singleKey(kp.get("controller").asText(),
        kp.get("verificationMethodId").asText(), "Multikey",
        PublicKey.fromMultibase(kp.get("publicKeyMultibase").asText()));
    Path controller = write("controller.json", doc.toJson().toString());
    Path badge = write("teamwork.json", ob.get("expected").get("signedCredential").toString());
    Path transcript = write("clr.json", clr.get("expected").get("signedCredential").toString());
    Path rules = write("rules.json", "{\"id\":\"q\",\"unit\":\"ECTS\",\"requirement\":{\"id\":\"both\",\"allOf\":["
        + "{\"id\":\"teamwork\",\"credential\":\"https://example.com/achievements/21st-century-skills/teamwork\"},"
        + "{\"id\":\"degree\",\"credential\":\"urn:uuid:a7467ef6-56cb-11ec-bf63-0242ac130002\","
        + "\"where\":{\"issuers\":[\"https://example.edu/issuers/565049\"]}}]}}");

    MainTest.Run r = MainTest.run("audit", "--rules", rules.toString(), "--controller", controller.toString(),
        "--transcript", badge.toString(), transcript.toString());
    assertEquals(Main.OK, r.code(), r.out() + r.err());
    assertTrue(r.err().contains("verified " + badge + ": Teamwork"), r.err());
    assertTrue(r.err().contains("verified " + transcript + " $.credentialSubject.verifiableCredential[0]: "
        + "Achievement 1"), r.err());
    JsonNode out = CliFiles.JSON.readTree(r.out());
    assertEquals(0, out.get("exclusions").size(), r.out());
    assertEquals(2, out.get("assignments").size(), r.out());

    // the CLR's credential also given on its own: it counts once, the other copy is a DUPLICATE
    Path alone = write("degree.json", clr.get("expected").get("signedCredential")
        .at("/credentialSubject/verifiableCredential/0").toString());
    MainTest.Run twice = MainTest.run("audit", "--rules", rules.toString(), "--controller", controller.toString(),
        "--transcript", badge.toString(), alone.toString(), transcript.toString());
    assertEquals(Main.OK, twice.code(), twice.out() + twice.err());
    JsonNode dup = CliFiles.JSON.readTree(twice.out()).get("exclusions");
    assertEquals(1, dup.size(), twice.out());
    assertEquals("DUPLICATE", dup.get(0).get("reason").asText());
    assertEquals(transcript + " $.credentialSubject.verifiableCredential[0]", dup.get(0).get("credential").asText());
    assertEquals("urn:uuid:a7467ef6-56cb-11ec-bf63-0242ac130002 issued 2010-01-01; " + alone
        + " (issued 2010-01-01) counts instead", dup.get(0).get("detail").asText());

    // without the issuer's controller document nothing verifies, so nothing counts
    MainTest.Run none = MainTest.run("audit", "--rules", rules.toString(), "--transcript", badge.toString(),
        transcript.toString());
    assertEquals(Main.FAILED, none.code(), none.out() + none.err());
    JsonNode ex = CliFiles.JSON.readTree(none.out()).get("exclusions");
    assertEquals(2, ex.size(), none.out());
    assertEquals("NOT_VERIFIED", ex.get(0).get("reason").asText());

    // a changed bundled credential inside a re-signed CLR: the CLR verifies, its credential does not count
    KeyPair k = KeyPair.fromMultikey(kp.get("publicKeyMultibase").asText(), kp.get("secretKeyMultibase").asText());
    ObjectNode tampered = (ObjectNode) clr.get("expected").get("signedCredential").deepCopy();
    tampered.remove("proof");
    ((ObjectNode) tampered.at("/credentialSubject/verifiableCredential/0/credentialSubject/achievement"))
        .put("name", "Achievement 1 with honours");
    ObjectNode resigned = Credentials.sign(tampered, k, Cryptosuite.EDDSA_RDFC_2022)
        .withVerificationMethod(kp.get("verificationMethodId").asText()).get();
    Path t2 = write("clr-tampered.json", resigned.toString());
    MainTest.Run bad = MainTest.run("audit", "--rules", rules.toString(), "--controller", controller.toString(),
        "--transcript", badge.toString(), t2.toString());
    assertEquals(Main.FAILED, bad.code(), bad.out() + bad.err());
    JsonNode bx = CliFiles.JSON.readTree(bad.out()).get("exclusions");
    assertEquals(1, bx.size(), bad.out());
    assertEquals(t2 + " $.credentialSubject.verifiableCredential[0]", bx.get(0).get("credential").asText());
    assertEquals("NOT_VERIFIED", bx.get(0).get("reason").asText());
  }

  /** An OB3 badge from an issuer that knows nothing of microcred (no extension), with or without credentialStatus. */
  static ObjectNode badge(String issuer, String achievementId, double credits, int eqf, JsonNode status) {
    ObjectNode vc = CliFiles.JSON.createObjectNode();
    vc.putArray("@context").add("https://www.w3.org/ns/credentials/v2")
        .add("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json");
    vc.put("id", "urn:uuid:" + java.util.UUID.nameUUIDFromBytes(achievementId.getBytes()));
    vc.putArray("type").add("VerifiableCredential").add("OpenBadgeCredential");
    vc.putObject("issuer").put("id", issuer).put("type", "Profile").put("name", "Another Provider");
    vc.put("validFrom", "2026-01-10T00:00:00Z");
    vc.put("name", "Badge " + achievementId);
    ObjectNode s = vc.putObject("credentialSubject");
    s.put("id", "did:example:learner");
    s.putArray("type").add("AchievementSubject");
    ObjectNode a = s.putObject("achievement");
    a.put("id", achievementId);
    a.putArray("type").add("Achievement");
    a.put("achievementType", "Course");
    a.put("name", "Course " + achievementId.substring(achievementId.lastIndexOf('/') + 1));
    a.put("description", "A course.");
    a.putObject("criteria").put("narrative", "Pass the exam.");
    a.put("creditsAvailable", credits);
    a.putArray("tag").add("analytics");
    a.putArray("alignment").addObject().put("type", "Alignment").put("targetName", "EQF level " + eqf)
        .put("targetUrl", "http://data.europa.eu/snb/eqf/" + eqf);
    if (status != null) {
      vc.set("credentialStatus", status);
    }
    return vc;
  }

  static String sign(ObjectNode vc, KeyPair key) throws Exception {
    return Credentials.sign(vc, key, Cryptosuite.EDDSA_RDFC_2022).get().toString();
  }

  static final String CREDIT_RULES = "{\"id\":\"q\",\"unit\":\"ECTS\",\"requirement\":{\"id\":\"all\",\"allOf\":["
      + "{\"id\":\"analytics\",\"credits\":5,\"where\":{\"tags\":[\"analytics\"],\"minLevel\":6}}]}}";

  /** Issue 12: a verified OB3 credential from any other issuer was excluded as "not a microcred award". */
  @Test
  void otherIssuersBadgesCountWithTheirCreditsLevelAndTags() throws Exception {
    KeyPair other = KeyPair.generate(KeyType.ED25519);
    String issuer = other.publicKey().didKey();
    Path a = write("a.json", sign(badge(issuer, "https://other.example/courses/regression", 3, 6, null), other));
    Path b = write("b.json", sign(badge(issuer, "https://other.example/courses/sampling", 2, 6, null), other));
    ObjectNode failed = badge(issuer, "https://other.example/courses/forecasting", 4, 6, null);
    ((ObjectNode) failed.get("credentialSubject")).putArray("result").addObject().put("type", "Result")
        .put("status", "Failed");
    Path c = write("c.json", sign(failed, other));
    Path rules = write("rules.json", CREDIT_RULES);

    MainTest.Run r = MainTest.run("audit", "--rules", rules.toString(), "--credit-unit", issuer + "=ECTS",
        "--transcript", a.toString(), b.toString(), c.toString());
    assertEquals(Main.OK, r.code(), r.out() + r.err());
    JsonNode out = CliFiles.JSON.readTree(r.out());
    assertEquals(5, out.get("appliedCredits").asInt(), r.out());
    JsonNode ex = out.get("exclusions");
    assertEquals(1, ex.size(), r.out());
    assertEquals(c.toString(), ex.get(0).get("credential").asText());
    assertEquals("NOT_COMPLETED", ex.get(0).get("reason").asText());
    assertEquals("https://other.example/courses/forecasting: $.credentialSubject.result[0].status is 'Failed', "
        + "not Completed", ex.get(0).get("detail").asText());

    // the date rule at the audit date: awarded (else valid from) after --as-of, it is NOT_YET_ISSUED
    ObjectNode late = badge(issuer, "https://other.example/courses/late", 3, 6, null);
    late.put("awardedDate", "2026-03-01T00:00:00Z");
    Path d = write("d.json", sign(late, other));
    MainTest.Run early = MainTest.run("audit", "--rules", rules.toString(), "--credit-unit", "ECTS", "--as-of",
        "2026-02-01", "--transcript", a.toString(), d.toString());
    JsonNode ed = CliFiles.JSON.readTree(early.out()).get("exclusions");
    assertEquals(1, ed.size(), early.out());
    assertEquals("https://other.example/courses/late", ed.get(0).get("credential").asText());
    assertEquals("NOT_YET_ISSUED", ed.get(0).get("reason").asText());
    assertEquals("issued 2026-03-01, after the audit date 2026-02-01", ed.get(0).get("detail").asText());
    MainTest.Run beforeValid = MainTest.run("audit", "--rules", rules.toString(), "--credit-unit", "ECTS",
        "--as-of", "2026-01-09", "--transcript", a.toString());
    assertEquals("issued 2026-01-10, after the audit date 2026-01-09", CliFiles.JSON.readTree(beforeValid.out())
        .get("exclusions").get(0).get("detail").asText(), beforeValid.out());

    // OB3 credits are credit hours: without --credit-unit, 3 US semester hours convert to 6 ECTS (default policy)
    MainTest.Run hours = MainTest.run("audit", "--rules", rules.toString(), "--transcript", a.toString());
    assertEquals(Main.OK, hours.code(), hours.out() + hours.err());
    JsonNode h = CliFiles.JSON.readTree(hours.out()).get("assignments").get(0);
    assertEquals(6, h.get("credits").asInt(), hours.out());
    // and the options only make sense for signed credentials
    Path t = write("t.json", "{\"credentials\":[]}");
    assertEquals(Main.USAGE, MainTest.run("audit", "--rules", rules.toString(), "--credit-unit", "ECTS",
        "--transcript", t.toString()).code());
    assertEquals(Main.USAGE, MainTest.run("audit", "--rules", rules.toString(), "--credit-unit", "PARSECS",
        "--transcript", a.toString()).code());
  }

  /** A CLR of another issuer bundling a Data Integrity badge and an enveloped vc+jwt badge: both count. */
  @Test
  void clrBundlingDataIntegrityAndEnvelopedJwtCredentialsCounts() throws Exception {
    KeyPair school = KeyPair.generate(KeyType.ED25519);
    KeyPair platform = KeyPair.generate(KeyType.P256);
    String di = sign(badge(school.publicKey().didKey(), "https://other.example/courses/regression", 3, 6, null),
        school);
    String jwt = io.github.microcred.vc.jose.VcJwt.sign(badge(platform.publicKey().didKey(),
        "https://other.example/courses/sampling", 2, 6, null), platform).get();
    ObjectNode clr = CliFiles.JSON.createObjectNode();
    clr.putArray("@context").add("https://www.w3.org/ns/credentials/v2")
        .add("https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json")
        .add("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json");
    clr.put("id", "urn:uuid:6f1c0c1e-0000-4000-8000-000000000042");
    clr.putArray("type").add("VerifiableCredential").add("ClrCredential");
    clr.putObject("issuer").put("id", school.publicKey().didKey()).put("type", "Profile").put("name", "School");
    clr.put("validFrom", "2026-02-01T00:00:00Z");
    clr.put("name", "Transcript");
    ObjectNode s = clr.putObject("credentialSubject");
    s.put("id", "did:example:learner");
    s.put("type", "ClrSubject");
    ArrayNode vcs = s.putArray("verifiableCredential");
    vcs.add(CliFiles.JSON.readTree(di));
    vcs.addObject().put("@context", "https://www.w3.org/ns/credentials/v2")
        .put("id", "data:application/vc+jwt," + jwt).put("type", "EnvelopedVerifiableCredential");
    Path file = write("clr.json", sign(clr, school));
    Path rules = write("rules.json", CREDIT_RULES);
    MainTest.Run r = MainTest.run("audit", "--rules", rules.toString(), "--credit-unit", "ECTS", "--transcript",
        file.toString());
    assertEquals(Main.OK, r.code(), r.out() + r.err());
    JsonNode out = CliFiles.JSON.readTree(r.out());
    assertEquals(2, out.get("assignments").size(), r.out());
    assertEquals(0, out.get("exclusions").size(), r.out());
    assertTrue(r.err().contains("verified " + file + " $.credentialSubject.verifiableCredential[1]: Course sampling"),
        r.err());
    // --trusted-issuer applies to each bundled credential, whoever issued the CLR around them
    MainTest.Run t = MainTest.run("audit", "--rules", rules.toString(), "--credit-unit", "ECTS", "--trusted-issuer",
        platform.publicKey().didKey(), "--transcript", file.toString());
    JsonNode tx = CliFiles.JSON.readTree(t.out());
    assertEquals(1, tx.get("assignments").size(), t.out());
    assertEquals("https://other.example/courses/sampling", tx.get("assignments").get(0).get("credential").asText());
    assertEquals("issuer not trusted: " + school.publicKey().didKey(), tx.get("exclusions").get(0).get("detail")
        .asText(), t.out());
  }

  /**
   * The issuer a rule's {@code issuers} filter sees is the signer: microcred's extension naming an awarding body does
   * not make any key's credential pass for that body's (it becomes the provider).
   */
  @Test
  void extensionAwardingBodyIsTheProviderNotTheIssuer() throws Exception {
    KeyPair anyone = KeyPair.generate(KeyType.ED25519);
    io.github.microcred.core.MicroCredential mc = DemoCommand.sample();
    String body = mc.awardingBodies().get(0).id().orElseThrow();
    Path f = write("mc.json", Credentials.issue(mc, "did:example:learner", anyone).get().toString());
    String leaf = "{\"id\":\"q\",\"unit\":\"ECTS\",\"requirement\":{\"id\":\"x\",\"credits\":1,\"where\":{\"%s\":[\"%s\"]}}}";
    MainTest.Run claimed = MainTest.run("audit", "--rules", write("r1.json", String.format(leaf, "issuers", body))
        .toString(), "--transcript", f.toString());
    assertEquals(Main.FAILED, claimed.code(), claimed.out() + claimed.err());
    MainTest.Run signer = MainTest.run("audit", "--rules", write("r2.json", String.format(leaf, "issuers",
        anyone.publicKey().didKey())).toString(), "--transcript", f.toString());
    assertEquals(Main.OK, signer.code(), signer.out() + signer.err());
    MainTest.Run provider = MainTest.run("audit", "--rules", write("r3.json", String.format(leaf, "providers", body))
        .toString(), "--transcript", f.toString());
    assertEquals(Main.OK, provider.code(), provider.out() + provider.err());
  }

  /** Issue 12: {@code mcred audit --transcript --status-list}: revoked and suspended credentials are excluded. */
  @Test
  void revokedAndSuspendedCredentialsAreExcludedWithTheReason() throws Exception {
    KeyPair key = KeyPair.generate(KeyType.ED25519);
    String issuer = key.publicKey().didKey();
    StatusListManager m = StatusListManager.create(new InMemoryStatusStore());
    String rev = "https://other.example/status/revocation/1";
    String sus = "https://other.example/status/suspension/1";
    m.createList(StatusListDefinition.revocation(rev));
    m.createList(StatusListDefinition.suspension(sus));
    List<Path> files = new ArrayList<>();
    StatusEntry revoked = null;
    StatusEntry suspended = null;
    String[] ids = {"regression", "sampling", "surveys", "ethics"};
    for (int i = 0; i < ids.length; i++) {
      StatusEntry e = m.allocate(i == 3 ? sus : rev);
      if (i == 1) {
        revoked = e;
      }
      if (i == 3) {
        suspended = e;
      }
      files.add(write(ids[i] + ".json", sign(badge(issuer, "https://other.example/courses/" + ids[i], 2, 6,
          e.toJson()), key)));
    }
    m.revoke(rev, revoked.index());
    m.suspend(sus, suspended.index());
    Instant now = Instant.now().minusSeconds(60);
    Path revList = write("rev.json", m.publishDataIntegrity(rev, key, now).toString());
    Path susList = write("sus.json", m.publishDataIntegrity(sus, key, now).toString());
    Path rules = write("rules.json", CREDIT_RULES);
    List<String> args = new ArrayList<>(List.of("audit", "--rules", rules.toString(), "--credit-unit", "ECTS",
        "--status-list", revList.toString(), "--status-list", susList.toString(), "--transcript"));
    files.forEach(f -> args.add(f.toString()));

    MainTest.Run r = MainTest.run(args.toArray(String[]::new));
    // 2 + 2 ECTS count (regression, surveys): 4 of 5
    assertEquals(Main.FAILED, r.code(), r.out() + r.err());
    JsonNode out = CliFiles.JSON.readTree(r.out());
    assertEquals(4, out.get("countedCredits").asInt(), r.out());
    ArrayNode ex = (ArrayNode) out.get("exclusions");
    assertEquals(2, ex.size(), r.out());
    assertEquals(files.get(1).toString(), ex.get(0).get("credential").asText());
    assertEquals("REVOKED", ex.get(0).get("reason").asText());
    assertTrue(ex.get(0).get("detail").asText().startsWith("STATUS: revoked (statusListIndex "
        + revoked.index() + " of " + rev + ")"), r.out());
    assertEquals(files.get(3).toString(), ex.get(1).get("credential").asText());
    assertEquals("SUSPENDED", ex.get(1).get("reason").asText());
    assertTrue(r.err().contains("excluded " + files.get(1) + " (REVOKED): STATUS: revoked"), r.err());

    // without the lists, credentials with credentialStatus fail closed
    MainTest.Run noLists = MainTest.run("audit", "--rules", rules.toString(), "--credit-unit", "ECTS",
        "--transcript", files.get(0).toString());
    JsonNode nx = CliFiles.JSON.readTree(noLists.out()).get("exclusions");
    assertEquals("NOT_VERIFIED", nx.get(0).get("reason").asText(), noLists.out());
    assertFalse(nx.get(0).get("detail").asText().isEmpty());
  }
}
