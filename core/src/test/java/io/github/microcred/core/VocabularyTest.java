package io.github.microcred.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The shared vocabulary: {@link Issue}, {@link Code}, {@link Severity} and {@link MicrocredException}. */
class VocabularyTest {

  @Test
  void coreExceptionIsAMicrocredExceptionWithItsModulesCode() {
    CoreException e = new CoreException(CoreErrorCode.INVALID_ARGUMENT, "$.x: expected a number");
    MicrocredException base = e;
    assertSame(CoreErrorCode.INVALID_ARGUMENT, e.code());
    assertSame(CoreErrorCode.INVALID_ARGUMENT, base.code());
    assertEquals("core", base.code().module());
    assertEquals("INVALID_ARGUMENT", base.code().name());
    assertEquals("CoreException[INVALID_ARGUMENT]: $.x: expected a number", e.toString());
    assertNull(e.getCause());
    IOException cause = new IOException("disk");
    assertSame(cause, new CoreException(CoreErrorCode.MALFORMED_JSON, "m", cause).getCause());
    assertThrows(NullPointerException.class, () -> new CoreException(null, "m"));
  }

  @Test
  void theOneConstructorTakesAtMostOneCause() {
    IOException a = new IOException("a");
    assertSame(a, new CoreException(CoreErrorCode.MALFORMED_JSON, "m", a).getCause());
    Throwable none = null;
    assertNull(new CoreException(CoreErrorCode.MALFORMED_JSON, "m", none).getCause());
    assertNull(new CoreException(CoreErrorCode.MALFORMED_JSON, "m", (Throwable[]) null).getCause());
    IllegalArgumentException two = assertThrows(IllegalArgumentException.class,
        () -> new CoreException(CoreErrorCode.MALFORMED_JSON, "m", a, new IOException("b")));
    assertEquals("at most one cause, got 2", two.getMessage());
  }

  @Test
  void everyCoreErrorCodeNamesTheCoreModule() {
    for (CoreErrorCode c : CoreErrorCode.values()) {
      assertEquals("core", c.module(), c.name());
    }
  }

  @Test
  void issueRejectsNullsAndPrintsSeverityCodePathAndMessage() {
    Issue i = Issue.error("$.title", CoreErrorCode.INVALID_DOCUMENT, "expected text");
    assertTrue(i.isError());
    assertEquals("ERROR INVALID_DOCUMENT at $.title: expected text", i.toString());
    Issue w = Issue.warning("$", CoreErrorCode.INVALID_DOCUMENT, "m");
    assertEquals(Severity.WARNING, w.severity());
    assertFalse(w.isError());
    assertThrows(NullPointerException.class, () -> new Issue(null, CoreErrorCode.INVALID_DOCUMENT, Severity.ERROR, "m"));
    assertThrows(NullPointerException.class, () -> new Issue("$", null, Severity.ERROR, "m"));
    assertThrows(NullPointerException.class, () -> new Issue("$", CoreErrorCode.INVALID_DOCUMENT, null, "m"));
    assertThrows(NullPointerException.class, () -> new Issue("$", CoreErrorCode.INVALID_DOCUMENT, Severity.ERROR, null));
  }
}
