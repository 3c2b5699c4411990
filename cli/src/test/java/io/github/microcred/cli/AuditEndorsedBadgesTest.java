package io.github.microcred.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.Credentials;
import io.github.microcred.vc.Cryptosuite;
import io.github.microcred.vc.KeyPair;
import io.github.microcred.vc.KeyType;
import io.github.microcred.vc.ob3.EndorsementCredential;
import io.github.microcred.vc.ob3.Profile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11 in the audit: a badge whose Open Badges 3.0 endorsement does not verify is not verified, so it does not
 * count (only a CLR's bundled credentials are excluded one by one); with a valid endorsement it counts.
 */
class AuditEndorsedBadgesTest {
  @TempDir Path dir;

  @Test
  void badgeWithAForgedEndorsementDoesNotCount() throws Exception {
    KeyPair issuerKey = KeyPair.generate(KeyType.ED25519);
    KeyPair endorserKey = KeyPair.generate(KeyType.ED25519);
    String issuer = issuerKey.publicKey().didKey();
    String achievement = "https://other.example/courses/regression";
    ObjectNode endorsement = Credentials.sign(new EndorsementCredential("urn:uuid:0b7c1f0e-1111-4222-8333-444455556666",
        "Endorsement", Profile.of(endorserKey.publicKey().didKey(), "Endorser"), "2025-01-01T00:00:00Z",
        achievement, Optional.of("Rigorous")).toJson(), endorserKey, Cryptosuite.EDDSA_RDFC_2022).get();

    ObjectNode good = AuditAnyIssuerTest.badge(issuer, achievement, 5, 6, null);
    ((ObjectNode) good.get("credentialSubject").get("achievement")).putArray("endorsement").add(endorsement);
    Path a = Files.writeString(dir.resolve("endorsed.json"), AuditAnyIssuerTest.sign(good, issuerKey));

    ObjectNode forged = AuditAnyIssuerTest.badge(issuer, achievement, 5, 6, null);
    ObjectNode altered = endorsement.deepCopy();
    ((ObjectNode) altered.get("credentialSubject")).put("endorsementComment", "The best course in the world");
    ((ObjectNode) forged.get("credentialSubject").get("achievement")).putArray("endorsement").add(altered);
    Path b = Files.writeString(dir.resolve("forged.json"), AuditAnyIssuerTest.sign(forged, issuerKey));
    Path rules = Files.writeString(dir.resolve("rules.json"), AuditAnyIssuerTest.CREDIT_RULES);

    MainTest.Run ok = MainTest.run("audit", "--rules", rules.toString(), "--credit-unit", "ECTS", "--transcript",
        a.toString());
    assertEquals(Main.OK, ok.code(), ok.out() + ok.err());
    assertEquals(0, CliFiles.JSON.readTree(ok.out()).get("exclusions").size(), ok.out());

    MainTest.Run r = MainTest.run("audit", "--rules", rules.toString(), "--credit-unit", "ECTS", "--transcript",
        b.toString());
    assertEquals(Main.FAILED, r.code(), r.out() + r.err());
    JsonNode ex = CliFiles.JSON.readTree(r.out()).get("exclusions");
    assertEquals(1, ex.size(), r.out());
    assertEquals(b.toString(), ex.get(0).get("credential").asText());
    assertEquals("NOT_VERIFIED", ex.get(0).get("reason").asText());
    String detail = ex.get(0).get("detail").asText();
    assertTrue(detail.startsWith("NESTED_CREDENTIALS: ")
        && detail.endsWith("(at $.credentialSubject.achievement.endorsement[0])"), detail);
  }
}
