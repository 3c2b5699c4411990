package io.github.microcred.cli;

import static io.github.microcred.cli.MainTest.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.KeyPair;
import io.github.microcred.vc.KeyType;
import io.github.microcred.vc.SecretKeyAccess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mcred status --jdbc URL} against a real PostgreSQL (MICROCRED_PG_URL; skipped without it unless
 * MICROCRED_REQUIRE_PEERS=1): a suspension list goes suspend → verify fails → resume → verify passes, and a holder
 * presents two credentials at once.
 */
class StatusJdbcCommandsTest {
  @TempDir Path dir;

  static String postgresUrl() {
    String url = System.getenv("MICROCRED_PG_URL");
    if (url == null || url.isBlank()) {
      String why = "MICROCRED_PG_URL is not set: start PostgreSQL as in README 'Local PostgreSQL' (or .ci/run)";
      if ("1".equals(System.getenv("MICROCRED_REQUIRE_PEERS"))) {
        fail("peer required (MICROCRED_REQUIRE_PEERS=1) but missing: " + why);
      }
      Assumptions.abort(why);
    }
    return url;
  }

  Path keyFile(KeyPair k, String name) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, k.toKeyFile("jwk", SecretKeyAccess.get()).toString());
    return p;
  }

  static String did(KeyPair k) {
    return k.publicKey().didKeyVerificationMethod().split("#")[0];
  }

  Path signedCredential(Path issuerKey, String issuer, String subject, JsonNode entry, String name) throws Exception {
    ObjectNode vc = CliFiles.JSON.createObjectNode();
    vc.putArray("@context").add("https://www.w3.org/ns/credentials/v2");
    vc.putArray("type").add("VerifiableCredential");
    vc.put("issuer", issuer);
    vc.put("validFrom", Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString());
    vc.put("validUntil", Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString());
    vc.putObject("credentialSubject").put("id", subject);
    vc.set("credentialStatus", entry);
    Path unsigned = dir.resolve(name + ".json");
    Files.writeString(unsigned, vc.toString());
    Path jwt = dir.resolve(name + ".jwt");
    var sign = run("sign", "--format", "jwt", "--key", issuerKey.toString(), unsigned.toString(), jwt.toString());
    assertEquals(0, sign.code(), sign.err());
    return jwt;
  }

  Path publish(String jdbc, String list, Path key, String name) {
    Path out = dir.resolve(name);
    var pub = run("status", "publish", "--jdbc", jdbc, "--list", list, "--key", key.toString(), "--format", "jwt",
        out.toString());
    assertEquals(0, pub.code(), pub.err());
    return out;
  }

  @Test
  void suspendResumeAndPresentAgainstPostgres() throws Exception {
    String jdbc = postgresUrl();
    KeyPair issuer = KeyPair.generate(KeyType.ED25519);
    KeyPair holder = KeyPair.generate(KeyType.ED25519);
    Path issuerKey = keyFile(issuer, "issuer.json");
    Path holderKey = keyFile(holder, "holder.json");
    String list = "https://issuer.example/status/" + UUID.randomUUID();

    var init = run("status", "init", "--jdbc", jdbc, "--list", list, "--purpose", "suspension");
    assertEquals(0, init.code(), init.err());
    JsonNode e1 = CliFiles.JSON.readTree(run("status", "allocate", "--jdbc", jdbc, "--list", list).out());
    JsonNode e2 = CliFiles.JSON.readTree(run("status", "allocate", "--jdbc", jdbc, "--list", list).out());
    assertEquals("suspension", e1.get("statusPurpose").asText());
    assertTrue(!e1.get("statusListIndex").equals(e2.get("statusListIndex")), e1 + " " + e2);
    Path vc1 = signedCredential(issuerKey, did(issuer), did(holder), e1, "vc1");
    Path vc2 = signedCredential(issuerKey, did(issuer), did(holder), e2, "vc2");

    Path listV1 = publish(jdbc, list, issuerKey, "list1.jwt");
    var ok = run("verify", "--status-list", listV1.toString(), vc1.toString());
    assertEquals(0, ok.code(), ok.out() + ok.err());
    assertTrue(ok.out().contains("not suspended"), ok.out());

    var suspend = run("status", "suspend", "--jdbc", jdbc, "--list", list, "--index",
        e1.get("statusListIndex").asText());
    assertEquals(0, suspend.code(), suspend.err());
    Path listV2 = publish(jdbc, list, issuerKey, "list2.jwt");
    var suspended = run("verify", "--status-list", listV2.toString(), vc1.toString());
    assertEquals(1, suspended.code(), suspended.out());
    assertTrue(suspended.out().contains("\"status\"") && suspended.out().contains("suspended (statusListIndex "
        + e1.get("statusListIndex").asText()), suspended.out());
    var other = run("verify", "--status-list", listV2.toString(), vc2.toString());
    assertEquals(0, other.code(), "only the suspended entry fails: " + other.out());

    // a presentation of both credentials fails while one is suspended, and passes once it is resumed
    Path vp = dir.resolve("vp.jwt");
    var present = run("present", "--key", holderKey.toString(), "--challenge", "n-1", "--domain",
        "https://employer.example", vc1.toString(), vc2.toString(), vp.toString());
    assertEquals(0, present.code(), present.err());
    assertEquals(2, CliFiles.JSON.readTree(present.out()).get("credentials").asInt(), present.out());
    var vpSuspended = run("verify", "--status-list", listV2.toString(), "--challenge", "n-1", "--domain",
        "https://employer.example", "--holder-is-subject", vp.toString());
    assertEquals(1, vpSuspended.code(), vpSuspended.out());

    var resume = run("status", "resume", "--jdbc", jdbc, "--list", list, "--index",
        e1.get("statusListIndex").asText());
    assertEquals(0, resume.code(), resume.err());
    Path listV3 = publish(jdbc, list, issuerKey, "list3.jwt");
    var vpOk = run("verify", "--status-list", listV3.toString(), "--challenge", "n-1", "--domain",
        "https://employer.example", "--holder-is-subject", vp.toString());
    assertEquals(0, vpOk.code(), vpOk.out() + vpOk.err());
    assertTrue(CliFiles.JSON.readTree(vpOk.out()).get("verified").asBoolean(), vpOk.out());

    // --now applies to JWTs: a year later both the credential and the list are outside their validity
    var later = run("verify", "--status-list", listV3.toString(), "--now",
        Instant.now().plus(365, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString(), vc1.toString());
    assertEquals(1, later.code(), later.out());
    assertTrue(later.out().contains("EXPIRED"), later.out());

    // revoke is refused on a suspension list, with the reason and no stack trace
    var revoke = run("status", "revoke", "--jdbc", jdbc, "--list", list, "--index",
        e1.get("statusListIndex").asText());
    assertEquals(1, revoke.code());
    assertTrue(revoke.err().contains("statusPurpose is suspension") && !revoke.err().contains("Exception"),
        revoke.err());
  }
}
