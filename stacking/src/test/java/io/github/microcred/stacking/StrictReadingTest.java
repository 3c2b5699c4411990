package io.github.microcred.stacking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Rules and transcripts are read with the module's one strict mapper: a duplicate key is refused instead of the last
 * value silently winning (a requirement's {@code credits} written twice would audit against the second), and so is
 * content after the document.
 */
class StrictReadingTest {
  private static final String RULES = "{\"id\":\"q\",\"unit\":\"ECTS\",\"requirement\":{\"id\":\"all\",\"credits\":10,"
      + "\"where\":{}}}";

  @Test
  void theRulesThemselvesRead() throws StackingException {
    assertEquals("q", Rules.fromJson(RULES).id());
    assertEquals("q", Rules.fromJson(Rules.fromJson(RULES).toJson().toString()).id());
  }

  @Test
  void aDuplicateKeyInRulesIsRefused() {
    String twice = RULES.replace("\"credits\":10,", "\"credits\":10,\"credits\":1,");
    StackingException e = assertThrows(StackingException.class, () -> Rules.fromJson(twice));
    assertEquals(StackingErrorCode.RULES_INVALID, e.code());
    assertTrue(e.getMessage().contains("Duplicate field 'credits'"), e.getMessage());
  }

  @Test
  void contentAfterTheRulesIsRefused() {
    StackingException e = assertThrows(StackingException.class, () -> Rules.fromJson(RULES + " {}"));
    assertEquals(StackingErrorCode.RULES_INVALID, e.code());
  }

  @Test
  void aDuplicateKeyInATranscriptIsRefused() {
    StackingException e = assertThrows(StackingException.class, () -> Transcript.fromJson(
        "{\"credentials\":[{\"id\":\"A\",\"credits\":5,\"credits\":50,\"unit\":\"ECTS\",\"issued\":\"2025-01-01\"}]}"));
    assertEquals(StackingErrorCode.TRANSCRIPT_INVALID, e.code());
    assertTrue(e.getMessage().contains("Duplicate field 'credits'"), e.getMessage());
  }
}
