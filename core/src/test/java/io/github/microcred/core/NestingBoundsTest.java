package io.github.microcred.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/**
 * Hostile nesting: a micro-credential whose text nests 100,000 levels deep is refused while parsing with one
 * {@code MALFORMED_JSON} that names the JSON path, line and column where it went past 256 levels; a tree that deep
 * built in memory is one typed error at its property, not a {@link StackOverflowError}.
 */
class NestingBoundsTest {
  private static final int N = 100_000;

  @Test
  void deepTextNamesThePathLineAndColumnWhereItWentTooDeep() {
    // the object is level 1 and "learningOutcomes" opens level 2: its 255th nested array is level 257
    String text = "{\n  \"title\": \"x\",\n  \"learningOutcomes\": " + "[".repeat(N) + "]".repeat(N) + "\n}";
    ValidationReport r = MicroCredentialValidator.validate(text);
    assertFalse(r.valid());
    assertEquals(1, r.issues().size(), r.summary());
    Issue i = r.issues().get(0);
    assertEquals(CoreIssueCode.MALFORMED_JSON, i.code());
    assertEquals("$.learningOutcomes" + "[0]".repeat(255), i.path());
    // the refused bracket: the 256th after the key
    int column = "  \"learningOutcomes\": ".length() + 256;
    assertTrue(i.message().startsWith("line 3, column " + column + ": nested deeper than 256 levels"), i.message());
    CoreException e = assertThrows(CoreException.class, () -> MicroCredential.fromJson(text));
    assertEquals(CoreErrorCode.MALFORMED_JSON, e.code());
    // the message shortens the 783-character path to its head and tail
    assertEquals("malformed JSON at $.learningOutcomes" + "[0]".repeat(14) + "..." + "[0]".repeat(14) + ": "
        + i.message(), e.getMessage());
  }

  @Test
  void theBoundIsExactAndKeysThatAreNotNamesAreQuoted() {
    // 256 levels parse (then fail the model, not the parser); 257 are refused at the innermost array
    String fits = "{\"o'k\":" + "[".repeat(255) + "]".repeat(255) + "}";
    ValidationReport ok = MicroCredentialValidator.validate(fits);
    assertFalse(ok.has(CoreIssueCode.MALFORMED_JSON), ok.summary());
    String deep = "{\"o'k\":" + "[".repeat(256) + "]".repeat(256) + "}";
    ValidationReport r = MicroCredentialValidator.validate(deep);
    assertEquals("$['o\\'k']" + "[0]".repeat(255), r.issues().get(0).path(), r.summary());
    // a bare array: the path starts at the root
    ValidationReport bare = MicroCredentialValidator.validateAward("[".repeat(N) + "]".repeat(N));
    assertEquals("$" + "[0]".repeat(256), bare.issues().get(0).path(), bare.summary());
    CoreException e = assertThrows(CoreException.class, () -> Organization.fromJson("[".repeat(N)));
    assertTrue(e.getMessage().startsWith("malformed JSON at $[0][0]"), e.getMessage());
  }

  @Test
  void otherSyntaxErrorsKeepTheRootPath() {
    ValidationReport r = MicroCredentialValidator.validate("{\"title\": [1, }");
    assertEquals("$", r.issues().get(0).path());
    CoreException e = assertThrows(CoreException.class, () -> MicroCredential.fromJson("{\"title\": "));
    assertTrue(e.getMessage().startsWith("malformed JSON: line 1, column "), e.getMessage());
  }

  @Test
  void aDeepTreeInMemoryIsATypedErrorNotAStackOverflow() {
    ObjectNode tree = JsonNodeFactory.instance.objectNode();
    tree.put("title", "x");
    ArrayNode cur = tree.putArray("learningOutcomes");
    for (int i = 1; i < N; i++) {
      cur = cur.addArray();
    }
    CoreException e = assertThrows(CoreException.class, () -> MicroCredential.fromJson(tree));
    assertEquals(CoreErrorCode.INVALID_DOCUMENT, e.code());
    assertTrue(e.getMessage().contains("$.learningOutcomes[0]"), e.getMessage());
  }
}
