package io.github.microcred.ctdl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.core.Issue;
import org.junit.jupiter.api.Test;

/**
 * Hostile nesting: a record nested 100,000 levels deep, as text or as a tree built in memory (which no parser
 * bounds), is refused with a typed error naming the path where it went deeper than 256 levels, instead of a
 * {@link StackOverflowError} from the validator's recursion.
 */
class NestingBoundsTest {
  private static final String GRAPH_HEAD = "{\"@context\":\"https://credreg.net/ctdl/schema/context/json\",\"@graph\":"
      + "[{\"@id\":\"https://credentialengineregistry.org/resources/ce-2f1b7c3e-5d4a-4b8e-9c61-0a7d3e5f9b12\","
      + "\"@type\":\"ceterms:MicroCredential\",\"ceterms:name\":";

  /** A graph whose one node's ceterms:name is {@code depth} arrays nested in each other. */
  private static ObjectNode deepTree(int depth) {
    ObjectNode rec = JsonNodeFactory.instance.objectNode();
    rec.put("@context", "https://credreg.net/ctdl/schema/context/json");
    ObjectNode node = rec.putArray("@graph").addObject();
    node.put("@id", "https://credentialengineregistry.org/resources/ce-2f1b7c3e-5d4a-4b8e-9c61-0a7d3e5f9b12");
    node.put("@type", "ceterms:MicroCredential");
    ArrayNode cur = node.putArray("ceterms:name");
    for (int i = 1; i < depth; i++) {
      cur = cur.addArray();
    }
    return rec;
  }

  /** Where a name nested that deep first goes past 256 levels: the record, @graph and the node are 3 levels. */
  private static final String TOO_DEEP_AT = "$['@graph'][0]['ceterms:name']" + "[0]".repeat(256 - 3);

  @Test
  void aDeepTreeIsOneErrorAtThePathNotAStackOverflow() {
    ObjectNode rec = deepTree(100_000);
    CtdlReport r = Ctdl.validate(rec);
    assertFalse(r.valid());
    assertEquals(1, r.problems().size(), r.toString());
    Issue i = r.problems().get(0);
    assertEquals(CtdlProblemCode.NOT_A_GRAPH, i.code());
    assertEquals(TOO_DEEP_AT, i.path());
    assertTrue(i.message().startsWith("nested deeper than 256 levels"), i.message());
    CtdlException e = assertThrows(CtdlException.class, () -> Ctdl.importRecord(rec));
    assertEquals(CtdlErrorCode.INVALID_RECORD, e.code());
    assertTrue(e.getMessage().contains("nested deeper than 256 levels of arrays and objects at $['@graph'][0]['ceterms:name'][0]"),
        e.getMessage());
  }

  @Test
  void theBoundIsExact() {
    // 256 levels in all (the name 253 deep) is read as usual; one more is refused
    CtdlReport ok = Ctdl.validate(deepTree(256 - 3));
    assertTrue(ok.problems().stream().noneMatch(p -> p.message().startsWith("nested deeper")), ok.toString());
    CtdlReport deep = Ctdl.validate(deepTree(256 - 2));
    assertEquals(TOO_DEEP_AT, deep.problems().get(0).path(), deep.toString());
  }

  @Test
  void deepTextIsRefusedWhileParsingWithLineColumnAndPath() {
    int n = 100_000;
    String text = GRAPH_HEAD + "[".repeat(n) + "]".repeat(n) + "}]}";
    CtdlException e = assertThrows(CtdlException.class, () -> Ctdl.importRecord(text));
    assertEquals(CtdlErrorCode.INVALID_RECORD, e.code());
    assertTrue(e.getMessage().startsWith("malformed JSON at line 1, column "), e.getMessage());
    assertTrue(e.getMessage().contains("nested deeper than 256 levels of arrays and objects at $['@graph'][0]['ceterms:name'][0][0]"),
        e.getMessage());
    CtdlReport r = Ctdl.validate(text);
    assertEquals(CtdlProblemCode.NOT_A_GRAPH, r.problems().get(0).code());
    assertTrue(r.problems().get(0).message().contains("nested deeper than 256 levels"), r.toString());
    // a bare array too: the path is the root's
    CtdlException bare = assertThrows(CtdlException.class,
        () -> Ctdl.importRecord("[".repeat(n) + "]".repeat(n)));
    assertTrue(bare.getMessage().contains("objects at $[0][0]"), bare.getMessage());
    assertFalse(bare.getMessage().contains("...]"), "abbreviated between steps: " + bare.getMessage());
  }

  @Test
  void otherSyntaxErrorsReadAsBefore() {
    CtdlException e = assertThrows(CtdlException.class, () -> Ctdl.importRecord("{\n \"a\": [1,,]\n}"));
    assertTrue(e.getMessage().startsWith("malformed JSON at line 2, column "), e.getMessage());
    assertFalse(e.getMessage().contains("nested"), e.getMessage());
  }
}
