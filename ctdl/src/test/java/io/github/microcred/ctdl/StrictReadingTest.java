package io.github.microcred.ctdl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.microcred.core.MicroCredential;
import org.junit.jupiter.api.Test;

/**
 * ctdl reads records with its one strict mapper: a duplicate key is refused instead of the last value silently
 * winning (so an importer and a validator that read the first cannot disagree), and so is content after the record.
 */
class StrictReadingTest {
  /** An exported record as one line of text. */
  private static String record() {
    try {
      return new ObjectMapper().readTree(Ctdl.export(MicroCredential.builder("Strict reading").build()).toJson().toString())
          .toString();
    } catch (JsonProcessingException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void theRecordItselfImports() throws CtdlException {
    assertEquals("Strict reading", Ctdl.importRecord(record()).microCredential().orElseThrow().title());
  }

  @Test
  void aDuplicateKeyIsAMalformedRecordNamingLineAndColumn() {
    String text = record().replaceFirst("\"ceterms:name\":", "\"ceterms:name\":\"Another title\",\"ceterms:name\":");
    assertTrue(text.contains("Another title"), text);
    CtdlException e = assertThrows(CtdlException.class, () -> Ctdl.importRecord(text));
    assertTrue(e.getMessage().contains("malformed JSON at line 1, column "), e.getMessage());
    assertTrue(e.getMessage().contains("Duplicate field 'ceterms:name'"), e.getMessage());
    assertFalse(Ctdl.validate(text).valid());
  }

  @Test
  void contentAfterTheRecordIsRefused() {
    CtdlException e = assertThrows(CtdlException.class, () -> Ctdl.importRecord(record() + " {\"@graph\":[]}"));
    assertTrue(e.getMessage().contains("malformed JSON at line 1, column "), e.getMessage());
    assertFalse(Ctdl.validate(record() + " []").valid());
  }
}
