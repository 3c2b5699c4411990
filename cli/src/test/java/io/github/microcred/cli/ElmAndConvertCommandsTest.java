package io.github.microcred.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.microcred.core.MicroCredential;
import io.github.microcred.core.Award;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mcred elm export/import}, {@code mcred convert --to ...}, and the README's one-model-four-formats table. */
class ElmAndConvertCommandsTest {
  @TempDir Path dir;

  private Path sample() throws Exception {
    Path mc = dir.resolve("mc.json");
    Files.writeString(mc, DemoCommand.sample().toJson().toPrettyString());
    return mc;
  }

  @Test
  void elmExportThenImportGivesTheMicroCredentialBack() throws Exception {
    Path edc = dir.resolve("edc.json");
    MainTest.Run e = MainTest.run("elm", "export", sample().toString(), "--learner", "did:example:learner-1",
        "--issued", "2026-06-30T12:00:00Z", "--grade", "Merit", "--issuer-legal-id", "VATIE-1", "--out",
        edc.toString());
    assertEquals(Main.OK, e.code(), e.err());
    assertTrue(Files.readString(edc).contains("\"EuropeanDigitalCredential\""));
    assertTrue(e.err().contains("warning: $.credentialSubject.hasClaim[0].specifiedBy: not carried"), e.err());
    Path back = dir.resolve("back.json");
    Path award = dir.resolve("award.json");
    MainTest.Run i = MainTest.run("elm", "import", edc.toString(), "--out", back.toString(), "--award-out",
        award.toString());
    assertEquals(Main.OK, i.code(), i.err());
    MicroCredential mc = MicroCredential.fromJson(Files.readString(back));
    assertEquals(DemoCommand.sample().learningOutcomes(), mc.learningOutcomes());
    assertEquals("Merit", Award.fromJson(Files.readString(award)).grade().orElseThrow());
  }

  @Test
  void elmExportNeedsALearnerAndRefusesABadTime() throws Exception {
    MainTest.Run r = MainTest.run("elm", "export", sample().toString());
    assertEquals(Main.USAGE, r.code());
    CliConventionTest.oneSentence(r, "--learner DID is required");
    MainTest.Run t = MainTest.run("elm", "export", sample().toString(), "--learner", "did:example:x", "--issued",
        "yesterday");
    assertEquals(Main.USAGE, t.code());
    CliConventionTest.oneSentence(t, "--issued: expected an ISO 8601 instant");
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{\"@context\":[\"https://www.w3.org/2018/credentials/v1\"],\"type\":\"X\"}");
    MainTest.Run i = MainTest.run("elm", "import", bad.toString());
    assertEquals(Main.FAILED, i.code());
    CliConventionTest.oneSentence(i, "$['@context']: expected");
  }

  @Test
  void convertBetweenTheFourFormats() throws Exception {
    Path mc = sample();
    Path elm = dir.resolve("c.elm.json");
    MainTest.Run a = MainTest.run("convert", "--to", "elm", mc.toString(), "--learner", "did:example:l",
        "--issued", "2026-06-30T12:00:00Z", "--out", elm.toString());
    assertEquals(Main.OK, a.code(), a.err());
    Path ctdl = dir.resolve("c.ctdl.json");
    MainTest.Run b = MainTest.run("convert", "--to", "ctdl", elm.toString(), "--out", ctdl.toString());
    assertEquals(Main.OK, b.code(), b.err());
    assertTrue(Files.readString(ctdl).contains("ceterms:MicroCredential"));
    Path core = dir.resolve("c.core.json");
    MainTest.Run c = MainTest.run("convert", "--to", "core", ctdl.toString(), "--out", core.toString());
    assertEquals(Main.OK, c.code(), c.err());
    assertEquals(DemoCommand.sample().title(), MicroCredential.fromJson(Files.readString(core)).title());
    Path ob3 = dir.resolve("c.ob3.json");
    MainTest.Run d = MainTest.run("convert", "--to", "ob3", elm.toString(), "--issuer", "did:example:issuer",
        "--out", ob3.toString());
    assertEquals(Main.OK, d.code(), d.err());
    Path again = dir.resolve("c.again.json");
    MainTest.Run e = MainTest.run("convert", "--to", "core", ob3.toString(), "--out", again.toString());
    assertEquals(Main.OK, e.code(), e.err());
    assertEquals(MicroCredential.fromJson(Files.readString(elm.resolveSibling("c.core.json"))).title(),
        MicroCredential.fromJson(Files.readString(again)).title());
    MainTest.Run u = MainTest.run("convert", "--to", "pdf", mc.toString());
    assertEquals(Main.USAGE, u.code());
  }

  @Test
  void theReadmeTableIsTheMeasuredOne() throws Exception {
    String table = Formats.markdown(Formats.table(ElmDemoStep.award(DemoCommand.sample(),
        Instant.parse("2026-06-30T12:00:00Z")), "did:example:issuer"));
    String readme = Files.readString(ReadmeQuickStartTest.README);
    int start = readme.indexOf("<!-- formats-table -->\n");
    int end = readme.indexOf("<!-- /formats-table -->");
    assertTrue(start > 0 && end > start, "the README marks the table");
    assertEquals(table, readme.substring(start + "<!-- formats-table -->\n".length(), end),
        "README.md's one-model-four-formats table differs from Formats.table; replace it with:\n" + table);
  }

  @Test
  void aVerdictSaysYesPartlyOrNo() {
    assertEquals("yes", Formats.verdict(java.util.Optional.of(new java.math.BigDecimal("50")),
        java.util.Optional.of(new java.math.BigDecimal("50.0"))));
    assertEquals("partly", Formats.verdict(java.util.List.of("a", "b"), java.util.List.of("a")));
    assertEquals("no", Formats.verdict(java.util.Optional.of("x"), java.util.Optional.empty()));
  }
}
