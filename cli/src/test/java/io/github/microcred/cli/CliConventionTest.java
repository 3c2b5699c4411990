package io.github.microcred.cli;

import static io.github.microcred.cli.MainTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The one CLI convention: reports are JSON on stdout ({@code --text} for people), errors are one line on stderr that
 * names the file or option and what was expected, exit codes 0/1/2 are listed in every command's help.
 */
class CliConventionTest {
  @TempDir Path dir;

  /** The whole of stderr is one line: {@code error: <sentence>}. */
  static void oneSentence(MainTest.Run r, String expected) {
    assertTrue(r.err().startsWith("error: ") && r.err().endsWith("\n") && r.err().indexOf('\n') == r.err().length() - 1,
        "one line on stderr: " + r.err());
    assertTrue(r.err().contains(expected), r.err());
    assertFalse(r.err().contains("Exception") || r.err().contains("Input length"), r.err());
  }

  static java.util.stream.Stream<List<String>> commandPaths() {
    return MainTest.commandPaths();
  }

  @ParameterizedTest
  @MethodSource("commandPaths")
  void everyHelpEndsWithTheExitCodes(List<String> path) {
    List<String> args = new java.util.ArrayList<>(path);
    args.add("--help");
    MainTest.Run h = run(args.toArray(String[]::new));
    assertEquals(Main.OK, h.code(), path + ": " + h.err());
    String footer = h.out().substring(h.out().lastIndexOf("Exit codes:"));
    assertTrue(footer.contains(" 0 ") && footer.contains(" 1 ") && footer.contains(" 2 "), path + ": " + h.out());
  }

  @Test
  void anUnknownCommandIsAUsageErrorEvenWithHelp() {
    MainTest.Run r = run("frobnicate", "--help");
    assertEquals(Main.USAGE, r.code(), r.out());
    assertEquals("", r.out());
    oneSentence(r, "unknown command 'frobnicate'; expected one of: ");
    MainTest.Run sub = run("status", "destroy");
    assertEquals(Main.USAGE, sub.code());
    oneSentence(sub, "unknown command 'destroy'; expected one of: init, allocate, revoke");
    MainTest.Run opt = run("validate", "--strict", "x.json");
    assertEquals(Main.USAGE, opt.code());
    oneSentence(opt, "unknown option: '--strict' (see 'mcred validate --help')");
    MainTest.Run missing = run("sign", "in.json", "out.json");
    assertEquals(Main.USAGE, missing.code());
    oneSentence(missing, "missing required option: '--key=FILE' (see 'mcred sign --help')");
  }

  @Test
  void aMissingFileIsNamedInOneSentence() {
    Path nope = dir.resolve("nope.json");
    for (String[] args : new String[][] {{"validate", nope.toString()}, {"verify", nope.toString()},
        {"ctdl", "validate", nope.toString()}, {"ctdl", "import", nope.toString()}}) {
      MainTest.Run r = run(args);
      assertEquals(Main.FAILED, r.code(), String.join(" ", args));
      oneSentence(r, nope + ": no such file");
    }
    MainTest.Run key = run("sign", "--key", nope.toString(), nope.toString(), dir.resolve("o.json").toString());
    assertEquals(Main.FAILED, key.code());
    oneSentence(key, "key file " + nope + ": no such file");
  }

  @Test
  void binaryInputIsNotUtf8Text() throws Exception {
    Path bin = dir.resolve("photo.json");
    Files.write(bin, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, (byte) 0xFF, (byte) 0xFE});
    Path key = dir.resolve("k.json");
    assertEquals(Main.OK, run("keygen", "--type", "ed25519", "--out", key.toString()).code());
    // verify reports it as a result (a bad credential is a failed check, never a thrown error)
    MainTest.Run v = run("verify", bin.toString());
    assertEquals(Main.FAILED, v.code());
    JsonNode result = CliFiles.JSON.readTree(v.out());
    assertFalse(result.get("verified").asBoolean());
    assertTrue(result.at("/checks/0/message").asText().contains("invalid UTF-8 at byte offset 0"), v.out());
    for (String[] args : new String[][] {{"validate", bin.toString()},
        {"sign", "--key", key.toString(), bin.toString(), dir.resolve("o.json").toString()},
        {"ctdl", "validate", bin.toString()}, {"issue", "--key", key.toString(), "--credential", bin.toString(),
            "--learner", "did:example:x", dir.resolve("o.json").toString()}}) {
      MainTest.Run r = run(args);
      assertEquals(Main.FAILED, r.code(), String.join(" ", args));
      oneSentence(r, bin + ": not UTF-8 text");
    }
    MainTest.Run bulk = run("audit", "--rules", "../examples/stacking/certificate-rules.json", "--bulk", bin.toString());
    assertEquals(Main.FAILED, bulk.code());
    oneSentence(bulk, bin + ": not UTF-8 text");
    MainTest.Run k = run("sign", "--key", bin.toString(), key.toString(), dir.resolve("o.json").toString());
    oneSentence(k, "key file " + bin + ": not UTF-8 text");
  }

  @Test
  void urlsAndIrisAreValidated() throws Exception {
    String db = dir.resolve("status").toString();
    for (String bad : new String[] {"not-a-url", "https://", "ftp://issuer.example/1", "/status/1"}) {
      MainTest.Run r = run("status", "init", "--db", db, "--list", bad);
      assertEquals(Main.USAGE, r.code(), bad);
      oneSentence(r, "--list: expected an absolute http(s) URL such as https://issuer.example/status/1, got '" + bad
          + "'");
    }
    assertFalse(Files.exists(Path.of(db + ".mv.db")), "a refused URL opens no store");
    Path key = dir.resolve("k.json");
    assertEquals(Main.OK, run("keygen", "--type", "ed25519", "--out", key.toString()).code());
    Path vc = dir.resolve("vc.json");
    Files.writeString(vc, DataIntegrityCommandsTest.credential("did:example:issuer").toString());
    MainTest.Run vm = run("sign", "--key", key.toString(), "--vm", "key-1", vc.toString(),
        dir.resolve("o.json").toString());
    assertEquals(Main.USAGE, vm.code());
    oneSentence(vm, "--vm: expected an absolute IRI");
    MainTest.Run learner = run("issue", "--key", key.toString(), "--credential", "../examples/micro-credential.json",
        "--learner", "bob", dir.resolve("o.json").toString());
    assertEquals(Main.USAGE, learner.code());
    oneSentence(learner, "--learner: expected an absolute IRI");
  }

  @Test
  void statusInitOnAnExistingListSaysItExists() throws Exception {
    String db = dir.resolve("status").toString();
    String list = "https://issuer.example/status/9";
    MainTest.Run first = run("status", "init", "--db", db, "--list", list);
    assertEquals(Main.OK, first.code(), first.err());
    JsonNode created = CliFiles.JSON.readTree(first.out());
    assertTrue(created.get("created").asBoolean(), first.out());
    MainTest.Run again = run("status", "init", "--db", db, "--list", list);
    assertEquals(Main.OK, again.code(), again.err());
    JsonNode exists = CliFiles.JSON.readTree(again.out());
    assertFalse(exists.get("created").asBoolean(), again.out());
    assertTrue(exists.get("exists").asBoolean(), again.out());
    MainTest.Run text = run("status", "init", "--text", "--db", db, "--list", list);
    assertTrue(text.out().startsWith("status list " + list + " already exists in ") && !text.out().contains("created"),
        text.out());
    MainTest.Run different = run("status", "init", "--db", db, "--list", list, "--purpose", "suspension");
    assertEquals(Main.FAILED, different.code());
    oneSentence(different, "--list: a different status list " + list + " already exists in ");
  }

  @Test
  void signingACoreMicroCredentialSaysToUseIssue() throws Exception {
    Path key = dir.resolve("k.json");
    assertEquals(Main.OK, run("keygen", "--type", "ed25519", "--out", key.toString()).code());
    Path mc = Path.of("../examples/micro-credential.json");
    MainTest.Run r = run("sign", "--key", key.toString(), mc.toString(), dir.resolve("o.json").toString());
    assertEquals(Main.FAILED, r.code());
    oneSentence(r, mc + ": a core micro-credential, not a verifiable credential; use 'mcred issue --key KEY "
        + "--credential " + mc + " --learner DID OUT'");
    assertFalse(r.err().contains("UNDEFINED_TERM") || r.err().contains("policy"), r.err());
    assertFalse(Files.exists(dir.resolve("o.json")));
    Path noContext = dir.resolve("plain.json");
    Files.writeString(noContext, "{\"type\": [\"VerifiableCredential\"], \"issuer\": \"did:example:1\"}");
    MainTest.Run n = run("sign", "--key", key.toString(), noContext.toString(), dir.resolve("o.json").toString());
    oneSentence(n, noContext + ": $['@context'] is missing; expected a W3C verifiable credential");
  }

  @Test
  void notJsonNamesLineAndColumn() throws Exception {
    Path key = dir.resolve("k.json");
    assertEquals(Main.OK, run("keygen", "--type", "ed25519", "--out", key.toString()).code());
    Path broken = dir.resolve("broken.json");
    Files.writeString(broken, "{\n  \"a\": 1,\n  oops\n}");
    MainTest.Run r = run("sign", "--key", key.toString(), broken.toString(), dir.resolve("o.json").toString());
    assertEquals(Main.FAILED, r.code());
    oneSentence(r, broken + ": not JSON at line 3, column ");
  }

  @Test
  void thePresentUsageLineIsReadable() {
    MainTest.Run h = run("present", "--help");
    String usage = h.out().substring(0, h.out().indexOf("\n\n") > 0 ? h.out().indexOf("\n\n") : h.out().length());
    assertTrue(usage.contains(" CRED... OUT"), usage);
    assertFalse(usage.contains("OUT...") || usage.contains("[CRED"), usage);
  }

  @Test
  void reportsAreJsonOnStdoutAndTextOnRequest() throws Exception {
    Path key = dir.resolve("k.json");
    MainTest.Run kg = run("keygen", "--type", "ed25519", "--out", key.toString());
    assertTrue(CliFiles.JSON.readTree(kg.out()).get("did").asText().startsWith("did:key:"), kg.out());
    MainTest.Run kgText = run("keygen", "--text", "--type", "ed25519", "--out", dir.resolve("k2.json").toString());
    assertTrue(kgText.out().startsWith("did:key:z") && kgText.out().strip().indexOf('\n') < 0, kgText.out());
    Path out = dir.resolve("ob.json");
    MainTest.Run issue = run("issue", "--key", key.toString(), "--credential", "../examples/micro-credential.json",
        "--learner", "did:example:learner", out.toString());
    assertEquals(Main.OK, issue.code(), issue.err());
    assertEquals(out.toString(), CliFiles.JSON.readTree(issue.out()).get("issued").asText());
    String[] audit = {"audit", "--rules", "../examples/stacking/certificate-rules.json", "--transcript",
        "../examples/stacking/transcript.json", "--as-of", "2026-01-01"};
    MainTest.Run a = run(audit);
    assertTrue(CliFiles.JSON.readTree(a.out()).has("satisfied"), a.out());
    String[] auditText = java.util.Arrays.copyOf(audit, audit.length + 1);
    auditText[audit.length] = "--text";
    MainTest.Run at = run(auditText);
    assertEquals(a.code(), at.code());
    assertTrue(at.out().contains("SATISFIED") && !at.out().startsWith("{"), at.out());
    MainTest.Run v = run("validate", "../examples/micro-credential.json");
    assertTrue(CliFiles.JSON.readTree(v.out()).get("valid").asBoolean(), v.out());
  }

  @Test
  void issuingAMicroCredentialWithoutIdSaysTheIdWasMinted() throws Exception {
    Path key = dir.resolve("k.json");
    assertEquals(Main.OK, run("keygen", "--type", "ed25519", "--out", key.toString()).code());
    JsonNode sample = CliFiles.JSON.readTree(Files.readString(Path.of("../examples/micro-credential.json")));
    ((com.fasterxml.jackson.databind.node.ObjectNode) sample).remove("id");
    Path mc = dir.resolve("mc.json");
    Files.writeString(mc, sample.toString());
    MainTest.Run r = run("issue", "--key", key.toString(), "--credential", mc.toString(), "--learner",
        "did:example:learner", dir.resolve("ob.json").toString());
    assertEquals(Main.OK, r.code(), r.err());
    JsonNode report = CliFiles.JSON.readTree(r.out());
    assertTrue(report.get("achievementIdMinted").asBoolean(), r.out());
    assertTrue(report.get("achievement").asText().startsWith("urn:uuid:"), r.out());
    assertTrue(r.err().startsWith("note: " + mc + " has no id; the achievement id urn:uuid:"), r.err());
  }
}
