package io.github.microcred.cli;

import static io.github.microcred.cli.MainTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.Credentials;
import io.github.microcred.vc.KeyPair;
import io.github.microcred.vc.VerificationResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mcred sign --bulk IN.jsonl OUT.jsonl}: every good line is signed into OUT in input order (each verifies, the
 * credential it signs is the line's), every bad line is reported on stderr with its line number and code, nothing is
 * lost (signed + failed = lines), progress is printed every 1,000 lines, the exit code says whether any line failed.
 */
class BulkSignCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void signsEveryLineAndReportsEveryBadOneByNumber(@TempDir Path dir) throws Exception {
    Path key = dir.resolve("issuer.key");
    assertEquals(Main.OK, run("keygen", "--type", "ed25519", "--out", key.toString()).code());
    KeyPair k = CliFiles.readKey(key);
    String issuer = k.publicKey().didKey();
    List<String> lines = new ArrayList<>();
    List<Integer> bad = new ArrayList<>();
    for (int i = 1; i <= 1_205; i++) {
      if (i % 97 == 0) {
        lines.add(i % 2 == 0 ? "{not json" : "{\"@context\": \"https://www.w3.org/ns/credentials/v2\", \"x\": 1}");
        bad.add(i);
      } else {
        ObjectNode c = DataIntegrityCommandsTest.credential(issuer);
        c.put("id", "urn:uuid:00000000-0000-4000-8000-" + String.format("%012d", i));
        lines.add(c.toString());
      }
    }
    Path in = dir.resolve("in.jsonl");
    Files.write(in, lines, StandardCharsets.UTF_8);
    Path out = dir.resolve("out.jsonl");
    var r = run("sign", "--bulk", "--key", key.toString(), "--created", "2025-01-01T00:00:00Z", in.toString(),
        out.toString());
    assertEquals(Main.FAILED, r.code(), "a line failed: exit 1\n" + r.err());
    JsonNode report = JSON.readTree(r.out());
    assertEquals(lines.size(), report.get("lines").asInt());
    assertEquals(bad.size(), report.get("failedLines").asInt());
    assertEquals(lines.size() - bad.size(), report.get("signedLines").asInt());
    for (int n : bad) {
      String prefix = in + ":" + n + ": ";
      assertTrue(r.err().contains(prefix + (n % 2 == 0 ? "INVALID_DOCUMENT" : "CANONICALIZATION_FAILED")),
          "line " + n + " reported with its number and code:\n" + r.err());
    }
    assertTrue(r.err().contains("1000 lines signed") || r.err().contains(": 99") , "progress: " + r.err());
    List<String> signed = Files.readAllLines(out, StandardCharsets.UTF_8);
    assertEquals(lines.size() - bad.size(), signed.size(), "one output line per good input line");
    Clock clock = Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC);
    int j = 0;
    for (int i = 1; i <= lines.size(); i++) {
      if (bad.contains(i)) {
        continue;
      }
      JsonNode s = JSON.readTree(signed.get(j++));
      assertEquals(JSON.readTree(lines.get(i - 1)).get("id"), s.get("id"), "input order: line " + i);
      if (i % 50 == 1) {
        VerificationResult v = Credentials.verify(s).withClock(clock).get();
        assertTrue(v.verified(), "line " + i + ": " + v);
      }
    }
  }

  @Test
  void aCleanFileExitsZeroAndTheJwtFormatIsRefused(@TempDir Path dir) throws Exception {
    Path key = dir.resolve("issuer.key");
    assertEquals(Main.OK, run("keygen", "--type", "p256", "--out", key.toString()).code());
    String issuer = CliFiles.readKey(key).publicKey().didKey();
    Path in = dir.resolve("in.jsonl");
    Files.writeString(in, DataIntegrityCommandsTest.credential(issuer) + "\n"
        + DataIntegrityCommandsTest.credential(issuer) + "\n", StandardCharsets.UTF_8);
    Path out = dir.resolve("out.jsonl");
    var r = run("sign", "--bulk", "--text", "--key", key.toString(), in.toString(), out.toString());
    assertEquals(Main.OK, r.code(), r.err());
    assertTrue(r.out().contains("signed 2 of 2 lines (ecdsa-rdfc-2019)"), r.out());
    assertEquals(2, Files.readAllLines(out).size());
    var jwt = run("sign", "--bulk", "--format", "jwt", "--key", key.toString(), in.toString(),
        dir.resolve("o2.jsonl").toString());
    assertEquals(Main.USAGE, jwt.code());
    assertTrue(jwt.err().contains("--bulk signs Data Integrity"), jwt.err());
    var self = run("sign", "--bulk", "--key", key.toString(), in.toString(), in.toString());
    assertEquals(Main.USAGE, self.code(), "never overwrites its input");
  }
}
