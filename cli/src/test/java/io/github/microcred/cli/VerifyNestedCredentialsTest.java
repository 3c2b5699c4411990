package io.github.microcred.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.ControllerDocument;
import io.github.microcred.vc.Credentials;
import io.github.microcred.vc.Cryptosuite;
import io.github.microcred.vc.KeyPair;
import io.github.microcred.vc.PublicKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11 from the command line: {@code mcred verify} of a CLR whose bundled credential was altered before the CLR
 * was signed fails, and its output names the bundled credential's path.
 */
class VerifyNestedCredentialsTest {
  @TempDir Path dir;

  @Test
  void tamperedBundledCredentialFailsTheClrWithItsPath() throws Exception {
    JsonNode clr = AuditAnyIssuerTest.vector("clr2-eddsa-rdfc-2022.json");
    JsonNode kp = clr.get("keyPair");
    ControllerDocument doc = ControllerDocument.singleKey(kp.get("controller").asText(),
        kp.get("verificationMethodId").asText(), "Multikey",
        PublicKey.fromMultibase(kp.get("publicKeyMultibase").asText()));
    Path controller = Files.writeString(dir.resolve("controller.json"), doc.toJson().toString());

    Path good = Files.writeString(dir.resolve("clr.json"), clr.get("expected").get("signedCredential").toString());
    MainTest.Run ok = MainTest.run("verify", "--controller", controller.toString(), "--now", "2024-06-01T00:00:00Z",
        good.toString());
    assertEquals(Main.OK, ok.code(), ok.out() + ok.err());
    JsonNode okJson = CliFiles.JSON.readTree(ok.out());
    assertTrue(okJson.get("verified").asBoolean(), ok.out());
    assertEquals("$.credentialSubject.verifiableCredential[0]", okJson.get("nested").get(0).get("path").asText());

    ObjectNode unsigned = clr.get("unsignedCredential").deepCopy();
    ((ObjectNode) unsigned.at("/credentialSubject/verifiableCredential/0/credentialSubject/achievement"))
        .put("name", "Achievement 1 with honours");
    KeyPair k = KeyPair.fromMultikey(kp.get("publicKeyMultibase").asText(), kp.get("secretKeyMultibase").asText());
    ObjectNode resigned = Credentials.sign(unsigned, k, Cryptosuite.EDDSA_RDFC_2022)
        .withCreated(Instant.parse("2010-01-01T19:23:24Z"))
        .withVerificationMethod(kp.get("verificationMethodId").asText()).get();
    Path bad = Files.writeString(dir.resolve("clr-tampered.json"), resigned.toString());
    MainTest.Run run = MainTest.run("verify", "--controller", controller.toString(), "--now", "2024-06-01T00:00:00Z",
        bad.toString());
    assertEquals(Main.FAILED, run.code(), run.out() + run.err());
    JsonNode out = CliFiles.JSON.readTree(run.out());
    assertFalse(out.get("verified").asBoolean(), run.out());
    boolean named = false;
    for (JsonNode c : out.get("checks")) {
      named |= "failed".equals(c.get("outcome").asText())
          && "$.credentialSubject.verifiableCredential[0]".equals(c.get("path").asText());
    }
    assertTrue(named, run.out());
  }
}
