package io.github.microcred.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The cli's one mapper ({@link CliFiles#JSON}) reads strictly, and its refusals keep the cli's one-sentence form. */
class StrictReadingTest {
  private static final Path FILE = Path.of("in.json");

  @Test
  void aDuplicateKeyIsRefusedNamingTheKey() {
    CliException e = assertThrows(CliException.class,
        () -> CliFiles.parseJson(FILE, "{\"id\": \"urn:a\", \"id\": \"urn:b\"}"));
    assertEquals(Main.FAILED, e.exitCode());
    assertTrue(e.getMessage().startsWith("in.json: not JSON at line 1, column "), e.getMessage());
    assertTrue(e.getMessage().contains("Duplicate field 'id'"), e.getMessage());
  }

  @Test
  void contentAfterTheDocumentIsRefused() {
    CliException e = assertThrows(CliException.class,
        () -> CliFiles.parseJson(FILE, "{\"id\": \"urn:a\"} {\"id\": \"urn:b\"}"));
    assertEquals(Main.FAILED, e.exitCode());
    assertEquals("in.json: content after the end of the JSON value at line 1, column 17; expected the end of the input",
        e.getMessage());
  }

  @Test
  void decimalsAreReadExactly() {
    String digits = "0.1000000000000000055511151231257827021181583404541015625";
    JsonNode n = CliFiles.parseJson(FILE, "{\"credits\": " + digits + ", \"big\": 1.0e400}");
    assertTrue(n.get("credits").isBigDecimal(), n.get("credits").getNodeType().toString());
    assertEquals(new BigDecimal(digits), n.get("credits").decimalValue());
    assertEquals(0, new BigDecimal("1e400").compareTo(n.get("big").decimalValue()), "beyond double, not Infinity");
  }
}
