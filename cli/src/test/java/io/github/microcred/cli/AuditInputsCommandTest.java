package io.github.microcred.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12 through {@code mcred audit}: dates against {@code --as-of}, and explanations in the text summary. */
class AuditInputsCommandTest {
  @TempDir Path dir;

  static final String RULES = "{\"id\":\"cert\",\"unit\":\"ECTS\",\"requirement\":{\"id\":\"certificate\",\"allOf\":["
      + "{\"id\":\"foundation\",\"credential\":\"data-literacy-101\"},"
      + "{\"id\":\"methods\",\"credits\":5,\"where\":{\"minLevel\":6}},"
      + "{\"id\":\"capstone\",\"credential\":\"capstone\"}]}}";

  /** Issue 12: {@code issued} 2999-01-01 with {@code --as-of 2026-12-01} was counted. */
  @Test
  void credentialIssuedAfterAsOfIsExcludedByMcredAudit() throws Exception {
    Path rules = Files.writeString(dir.resolve("rules.json"), RULES);
    Path t = Files.writeString(dir.resolve("t.json"), "{\"credentials\":["
        + "{\"id\":\"data-literacy-101\",\"credits\":2,\"level\":6,\"issued\":\"2026-03-02\"},"
        + "{\"id\":\"statistics\",\"credits\":3,\"level\":6,\"issued\":\"2026-06-15\"},"
        + "{\"id\":\"extra\",\"credits\":2,\"level\":6,\"issued\":\"2026-06-15\"},"
        + "{\"id\":\"capstone\",\"credits\":3,\"level\":6,\"issued\":\"2999-01-01\"}]}");
    MainTest.Run r = MainTest.run("audit", "--rules", rules.toString(), "--transcript", t.toString(), "--as-of",
        "2026-12-01");
    assertEquals(Main.FAILED, r.code(), r.out() + r.err());
    JsonNode out = CliFiles.JSON.readTree(r.out());
    JsonNode ex = out.get("exclusions").get(0);
    assertEquals("capstone", ex.get("credential").asText(), r.out());
    assertEquals("NOT_YET_ISSUED", ex.get("reason").asText());
    assertEquals("issued 2999-01-01, after the audit date 2026-12-01", ex.get("detail").asText());
    assertTrue(r.err().contains("excluded capstone (NOT_YET_ISSUED): issued 2999-01-01, after the audit date "
        + "2026-12-01"), r.err());
    // on a date after its issue it counts
    MainTest.Run later = MainTest.run("audit", "--rules", rules.toString(), "--transcript", t.toString(), "--as-of",
        "2999-01-01");
    assertEquals(Main.OK, later.code(), later.out() + later.err());
  }

  /** Issue 12: the text said {@code [ ] $/foundation - 1 of [data-literacy-101]} and not where it went. */
  @Test
  void summaryNamesWhereAHeldCredentialWent() throws Exception {
    Path rules = Files.writeString(dir.resolve("rules.json"), RULES);
    Path t = Files.writeString(dir.resolve("t.json"), "{\"credentials\":["
        + "{\"id\":\"data-literacy-101\",\"credits\":2,\"level\":6,\"issued\":\"2026-03-02\"},"
        + "{\"id\":\"statistics\",\"credits\":3,\"level\":6,\"issued\":\"2026-06-15\"}]}");
    MainTest.Run r = MainTest.run("audit", "--rules", rules.toString(), "--transcript", t.toString(), "--as-of",
        "2026-12-01");
    assertTrue(r.err().contains("    [ ] $/foundation - 1 of [data-literacy-101]\n      data-literacy-101 counts "
        + "toward $/methods; it could count here if $/methods were met by other credentials (without it $/methods "
        + "would be short by 2 ECTS)\n"), r.err());
    JsonNode foundation = CliFiles.JSON.readTree(r.out()).get("requirements").get(1);
    assertEquals("$/foundation", foundation.get("path").asText());
    assertEquals("$/methods", foundation.get("held").get(0).get("countsToward").get(0).asText(), r.out());
  }
}
