package io.github.microcred.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.Credentials;
import io.github.microcred.vc.Cryptosuite;
import io.github.microcred.vc.KeyPair;
import io.github.microcred.vc.KeyType;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11 regressions at the command line: an issuer-signed credential whose {@code validUntil} (expired) or
 * {@code credentialStatus} is spelled as its full IRI keeps a valid proof, and must neither verify with
 * {@code mcred verify} nor count in {@code mcred audit}.
 */
class AliasedCredentialsCliTest {
  static final String CRED = "https://www.w3.org/2018/credentials#";
  @TempDir Path dir;

  /** The VIZ credential of the demo programme, aliased and re-signed by its issuer. */
  static String aliased(KeyPair key, String member) throws Exception {
    ObjectNode u = Credentials.issue(AuditSignedCredentialsTest.VIZ, "did:example:l", key).get();
    u.remove("proof");
    if (member.equals("validUntil")) {
      u.remove("validUntil");
      u.putObject(CRED + "validUntil").put("@value", "2020-01-01T00:00:00Z")
          .put("@type", "http://www.w3.org/2001/XMLSchema#dateTime");
    } else {
      u.putObject(CRED + "credentialStatus").put("id", "https://example.edu/status/1#5")
          .put("type", "BitstringStatusListEntry").put("statusPurpose", "revocation")
          .put("statusListIndex", "5").put("statusListCredential", "https://example.edu/status/1");
    }
    return Credentials.sign(u, key, Cryptosuite.forKey(key.type())).get().toString();
  }

  @Test
  void aliasedCredentialsNeitherVerifyNorCount() throws Exception {
    KeyPair key = KeyPair.generate(KeyType.ED25519);
    Path rules = Files.writeString(dir.resolve("rules.json"), StackingDemoStep.resource(StackingDemoStep.RULES));
    Path a = Files.writeString(dir.resolve("a.json"), AuditSignedCredentialsTest.issue(AuditSignedCredentialsTest.BASE, key));
    Path b = Files.writeString(dir.resolve("b.json"), AuditSignedCredentialsTest.issue(AuditSignedCredentialsTest.STATS, key));
    Path c = Files.writeString(dir.resolve("c.json"),
        AuditSignedCredentialsTest.issue(AuditSignedCredentialsTest.CAPSTONE, key));
    for (String member : new String[] {"validUntil", "credentialStatus"}) {
      Path d = Files.writeString(dir.resolve("d-" + member + ".json"), aliased(key, member));
      MainTest.Run v = MainTest.run("verify", d.toString());
      assertNotEquals(Main.OK, v.code(), member + ": " + v.out() + v.err());
      JsonNode result = CliFiles.JSON.readTree(v.out());
      assertFalse(result.path("verified").asBoolean(true), v.out());
      assertTrue(v.out().contains("compact_form"), v.out());

      MainTest.Run audit = MainTest.run(AuditSignedCredentialsTest.args(rules, a.toString(), b.toString(),
          c.toString(), d.toString()));
      assertEquals(Main.FAILED, audit.code(), member + ": " + audit.out() + audit.err());
      JsonNode out = CliFiles.JSON.readTree(audit.out());
      JsonNode nv = AuditSignedCredentialsTest.notVerified(out);
      assertEquals(1, nv.size(), audit.out());
      assertEquals(d.toString(), nv.get(0).get("credential").asText());
      for (JsonNode as : out.get("assignments")) {
        assertFalse(as.get("credential").asText().endsWith("data-visualisation"), audit.out());
      }
    }
  }
}
