package io.github.microcred.cli;

import static io.github.microcred.cli.MainTest.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.KeyPair;
import io.github.microcred.vc.KeyType;
import io.github.microcred.vc.SecretKeyAccess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusAndJwtCommandsTest {
  @TempDir Path dir;

  /** An unsigned VC 2.0 credential from {@code issuer} to {@code subject}, valid from two minutes ago, with a status. */
  static ObjectNode statusCredential(String issuer, String subject, JsonNode entry) {
    ObjectNode vc = CliFiles.JSON.createObjectNode();
    vc.putArray("@context").add("https://www.w3.org/ns/credentials/v2");
    vc.putArray("type").add("VerifiableCredential");
    vc.put("issuer", issuer);
    vc.put("validFrom", Instant.now().minusSeconds(120).toString().replaceAll("\\.\\d+Z", "Z"));
    vc.putObject("credentialSubject").put("id", subject);
    vc.set("credentialStatus", entry);
    return vc;
  }

  Path keyFile(KeyPair k, String name) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, k.toKeyFile("jwk", SecretKeyAccess.get()).toString());
    return p;
  }

  @Test
  void issueWithStatusVerifyRevokeVerifyAgainThenPresent() throws Exception {
    KeyPair issuer = KeyPair.generate(KeyType.ED25519);
    String did = issuer.publicKey().didKeyVerificationMethod().split("#")[0];
    KeyPair holder = KeyPair.generate(KeyType.P256);
    String holderDid = holder.publicKey().didKeyVerificationMethod().split("#")[0];
    Path key = keyFile(issuer, "issuer.json");
    Path holderKey = keyFile(holder, "holder.json");
    String db = dir.resolve("status").toString();
    String list = "https://issuer.example/status/7";

    var init = run("status", "init", "--db", db, "--list", list);
    assertEquals(0, init.code(), init.err());
    var alloc = run("status", "allocate", "--db", db, "--list", list);
    assertEquals(0, alloc.code(), alloc.err());
    JsonNode entry = CliFiles.JSON.readTree(alloc.out());
    String index = entry.get("statusListIndex").asText();

    ObjectNode vc = statusCredential(did, holderDid, entry);
    Path unsigned = dir.resolve("vc.json");
    Files.writeString(unsigned, vc.toString());
    Path jwt = dir.resolve("vc.jwt");
    var sign = run("sign", "--format", "jwt", "--key", key.toString(), unsigned.toString(), jwt.toString());
    assertEquals(0, sign.code(), sign.err());

    Path listJwt = dir.resolve("list.jwt");
    var pub = run("status", "publish", "--db", db, "--list", list, "--key", key.toString(), "--format", "jwt",
        listJwt.toString());
    assertEquals(0, pub.code(), pub.err());
    var ok = run("verify", "--status-list", listJwt.toString(), jwt.toString());
    assertEquals(0, ok.code(), ok.out() + ok.err());
    JsonNode okReport = CliFiles.JSON.readTree(ok.out());
    assertEquals("vc+jwt", okReport.get("kind").asText(), ok.out());
    assertTrue(okReport.get("verified").asBoolean() && ok.out().contains("not revoked"), ok.out());
    assertEquals(0, okReport.get("rejections").size(), ok.out());

    var noList = run("verify", jwt.toString());
    assertEquals(1, noList.code(), "a credential with status and no list must not verify: " + noList.out());

    // holder presents the (still valid) credential
    Path vp = dir.resolve("vp.jwt");
    var present = run("present", "--key", holderKey.toString(), "--challenge", "c-1", "--domain",
        "https://employer.example", jwt.toString(), vp.toString());
    assertEquals(0, present.code(), present.err());
    var vpOk = run("verify", "--status-list", listJwt.toString(), "--challenge", "c-1", "--domain",
        "https://employer.example", "--holder-is-subject", vp.toString());
    assertEquals(0, vpOk.code(), vpOk.out() + vpOk.err());
    JsonNode vpReport = CliFiles.JSON.readTree(vpOk.out());
    assertEquals("vp+jwt", vpReport.get("kind").asText(), vpOk.out());
    assertTrue(vpReport.get("verified").asBoolean(), vpOk.out());
    assertEquals(1, vpReport.get("credentials").size(), vpOk.out());
    assertTrue(vpReport.get("credentials").get(0).get("verified").asBoolean(), vpOk.out());
    var vpReplay = run("verify", "--status-list", listJwt.toString(), "--challenge", "c-2", "--domain",
        "https://employer.example", vp.toString());
    assertEquals(1, vpReplay.code(), vpReplay.out());
    JsonNode replay = CliFiles.JSON.readTree(vpReplay.out());
    assertTrue(!replay.get("verified").asBoolean() && replay.get("rejections").toString().contains("NONCE_MISMATCH"),
        vpReplay.out());

    Path diVp = dir.resolve("vp.json");
    var presentDi = run("present", "--format", "di", "--key", holderKey.toString(), "--challenge", "c-3",
        "--domain", "employer.example", jwt.toString(), diVp.toString());
    assertEquals(0, presentDi.code(), presentDi.err());
    var diOk = run("verify", "--status-list", listJwt.toString(), "--challenge", "c-3", "--domain",
        "employer.example", "--holder-is-subject", diVp.toString());
    assertEquals(0, diOk.code(), diOk.out() + diOk.err());
    JsonNode diReport = CliFiles.JSON.readTree(diOk.out());
    assertEquals("data-integrity-presentation", diReport.get("kind").asText(), diOk.out());
    assertTrue(diReport.get("verified").asBoolean() && diReport.get("credentials").size() == 1, diOk.out());
    var diReplay = run("verify", "--status-list", listJwt.toString(), "--challenge", "c-4", diVp.toString());
    assertEquals(1, diReplay.code(), diReplay.out());

    var revoke = run("status", "revoke", "--db", db, "--list", list, "--index", index);
    assertEquals(0, revoke.code(), revoke.err());
    var pub2 = run("status", "publish", "--db", db, "--list", list, "--key", key.toString(), "--format", "di",
        dir.resolve("list.json").toString());
    assertEquals(0, pub2.code(), pub2.err());
    var revoked = run("verify", "--status-list", dir.resolve("list.json").toString(), jwt.toString());
    assertEquals(1, revoked.code(), revoked.out());
    JsonNode revokedReport = CliFiles.JSON.readTree(revoked.out());
    assertTrue(revokedReport.get("rejections").toString().contains("STATUS"), revoked.out());
    boolean statusFailed = false;
    for (JsonNode c : revokedReport.get("checks")) {
      statusFailed |= c.get("check").asText().equals("status") && c.get("outcome").asText().equals("failed")
          && c.get("message").asText().contains("revoked");
    }
    assertTrue(statusFailed, revoked.out());

    var bad = run("status", "suspend", "--db", db, "--list", list, "--index", index);
    assertEquals(1, bad.code());
    assertTrue(bad.err().contains("statusPurpose is revocation"), bad.err());
    assertTrue(!bad.err().contains("Exception"), bad.err());
  }

  @Test
  void messageListSetPublishAndVerifyReportsTheMessage() throws Exception {
    KeyPair issuer = KeyPair.generate(KeyType.P256);
    String did = issuer.publicKey().didKeyVerificationMethod().split("#")[0];
    Path key = keyFile(issuer, "issuer.json");
    String db = dir.resolve("status").toString();
    String list = "https://issuer.example/messages/1";
    var init = run("status", "init", "--db", db, "--list", list, "--purpose", "message", "--status-size", "2",
        "--message", "0=valid", "--message", "1=under review", "--message", "2=pending appeal",
        "--message", "3=withdrawn");
    assertEquals(0, init.code(), init.err());
    JsonNode entry = CliFiles.JSON.readTree(run("status", "allocate", "--db", db, "--list", list).out());
    assertEquals(2, entry.get("statusSize").asInt());
    assertEquals(4, entry.get("statusMessage").size());
    String index = entry.get("statusListIndex").asText();

    ObjectNode vc = statusCredential(did, "did:example:learner", entry);
    Path unsigned = dir.resolve("vc.json");
    Files.writeString(unsigned, vc.toString());
    Path jwt = dir.resolve("vc.jwt");
    assertEquals(0, run("sign", "--format", "jwt", "--key", key.toString(), unsigned.toString(), jwt.toString())
        .code());

    var set = run("status", "set", "--db", db, "--list", list, "--index", index, "--value", "0x2");
    assertEquals(0, set.code(), set.err());
    Path published = dir.resolve("list.json");
    assertEquals(0, run("status", "publish", "--db", db, "--list", list, "--key", key.toString(),
        published.toString()).code());
    var verify = run("verify", "--status-list", published.toString(), jwt.toString());
    assertEquals(0, verify.code(), verify.out() + verify.err());
    assertTrue(verify.out().contains("status 0x2: pending appeal"), verify.out());

    var tooBig = run("status", "set", "--db", db, "--list", list, "--index", index, "--value", "4");
    assertEquals(1, tooBig.code());
    assertTrue(tooBig.err().contains("does not fit"), tooBig.err());
    var notANumber = run("status", "set", "--db", db, "--list", list, "--index", index, "--value", "high");
    assertEquals(2, notANumber.code());
    var wrongList = run("status", "revoke", "--db", db, "--list", list, "--index", index);
    assertEquals(1, wrongList.code());
    assertTrue(wrongList.err().contains("statusPurpose is message"), wrongList.err());
  }
}
