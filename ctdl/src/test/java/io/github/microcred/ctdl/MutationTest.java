package io.github.microcred.ctdl;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.core.testing.MicroCredentialGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Seeded mutations of exported graphs (keys dropped, values replaced by other JSON types, nodes emptied): the
 * validator always returns a report and the importer either returns or throws {@link CtdlException}, never
 * anything else.
 */
class MutationTest {
  static final long SEED = 0xC7D1F022L;
  static final JsonNodeFactory F = JsonNodeFactory.instance;

  static List<JsonNode> containers(JsonNode n, List<JsonNode> out) {
    if (n.isContainerNode()) {
      out.add(n);
      n.elements().forEachRemaining(x -> containers(x, out));
    }
    return out;
  }

  static JsonNode randomValue(SplittableRandom r) {
    return switch (r.nextInt(9)) {
      case 0 -> F.nullNode();
      case 1 -> F.numberNode(r.nextInt(100) - 50);
      case 2 -> F.textNode("");
      case 3 -> F.textNode("_:nowhere");
      case 4 -> F.booleanNode(r.nextBoolean());
      case 5 -> F.arrayNode().add(F.arrayNode());
      case 6 -> F.objectNode();
      case 7 -> F.objectNode().put("@type", "ceterms:ValueProfile").put("schema:value", "x");
      default -> F.textNode("ce-NOT-A-CTID");
    };
  }

  static void mutate(SplittableRandom r, JsonNode doc) {
    List<JsonNode> cs = containers(doc, new ArrayList<>());
    JsonNode c = cs.get(r.nextInt(cs.size()));
    if (c.isObject()) {
      ObjectNode o = (ObjectNode) c;
      List<String> keys = new ArrayList<>();
      o.fieldNames().forEachRemaining(keys::add);
      if (keys.isEmpty()) {
        o.set("ceterms:name", randomValue(r));
        return;
      }
      String k = keys.get(r.nextInt(keys.size()));
      if (r.nextInt(3) == 0) {
        o.remove(k);
      } else {
        o.set(k, randomValue(r));
      }
    } else {
      ArrayNode a = (ArrayNode) c;
      if (a.isEmpty() || r.nextBoolean()) {
        a.add(randomValue(r));
      } else {
        a.set(r.nextInt(a.size()), randomValue(r));
      }
    }
  }

  @Test
  void mutatedGraphsNeverCrashTheValidatorOrTheImporter() {
    SplittableRandom r = new SplittableRandom(SEED);
    for (int i = 0; i < 1500; i++) {
      JsonNode doc = Ctdl.export(MicroCredentialGenerator.generatePartial(r)).toJson();
      int n = 1 + r.nextInt(4);
      for (int k = 0; k < n; k++) {
        mutate(r, doc);
      }
      String ctx = "case " + i + " (seed " + SEED + "): " + doc;
      try {
        assertNotNull(Ctdl.validate(doc), ctx);
        assertNotNull(Ctdl.validate(doc.toString()), ctx);
      } catch (RuntimeException e) {
        throw new AssertionError("validator threw on " + ctx, e);
      }
      try {
        Ctdl.importRecord(doc);
      } catch (CtdlException e) {
        // a typed error is fine
      } catch (RuntimeException e) {
        throw new AssertionError("importer threw " + e + " on " + ctx, e);
      }
    }
  }
}
