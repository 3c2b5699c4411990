package io.github.microcred.elm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input gets a typed {@link ElmException} naming the path, or an import with warnings; never another exception.
 * Seeded mutations of the official sample replace values anywhere in it with values of other JSON types.
 */
class HostileInputTest {
  private static final ObjectMapper M = new ObjectMapper();
  static final long SEED = 0xBAD_E1AL;

  static Stream<Long> seeds() {
    return LongStream.range(0, 200).mapToObj(i -> SEED + i);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void mutatedSamplesImportOrFailWithATypedError(long seed) throws Exception {
    SplittableRandom rnd = new SplittableRandom(seed);
    JsonNode doc = M.readTree(Fixtures.resource("Sample-MC-Annex1-unsigned.jsonld"));
    for (int i = 1 + rnd.nextInt(4); i > 0; i--) {
      mutate(doc, rnd);
    }
    String json = M.writeValueAsString(doc);
    try {
      Elm.importCredential(json);
    } catch (ElmException e) {
      assertEquals(ElmErrorCode.INVALID_CREDENTIAL, e.code(), "seed " + seed);
      assertTrue(e.getMessage().startsWith("$"), "seed " + seed + ": the message names the path: " + e.getMessage());
    } catch (RuntimeException e) {
      fail("seed " + seed + ": " + e + " on " + json.substring(0, Math.min(300, json.length())), e);
    }
    Elm.check(json);
  }

  private static void mutate(JsonNode doc, SplittableRandom rnd) {
    List<JsonNode> containers = new ArrayList<>();
    collect(doc, containers);
    JsonNode c = containers.get(rnd.nextInt(containers.size()));
    JsonNode replacement = switch (rnd.nextInt(7)) {
      case 0 -> JsonNodeFactory.instance.numberNode(rnd.nextInt(100) - 50);
      case 1 -> JsonNodeFactory.instance.textNode("");
      case 2 -> JsonNodeFactory.instance.nullNode();
      case 3 -> JsonNodeFactory.instance.arrayNode();
      case 4 -> JsonNodeFactory.instance.objectNode();
      case 5 -> JsonNodeFactory.instance.booleanNode(rnd.nextBoolean());
      default -> JsonNodeFactory.instance.textNode("urn:epass:org:1");
    };
    if (c instanceof ObjectNode o && o.size() > 0) {
      List<String> keys = new ArrayList<>();
      o.fieldNames().forEachRemaining(keys::add);
      o.set(keys.get(rnd.nextInt(keys.size())), replacement);
    } else if (c instanceof ArrayNode a && a.size() > 0) {
      a.set(rnd.nextInt(a.size()), replacement);
    }
  }

  private static void collect(JsonNode n, List<JsonNode> out) {
    if (n.isContainerNode() && n.size() > 0) {
      out.add(n);
      n.forEach(c -> collect(c, out));
    }
  }

  @Test
  void notJsonNotEdcAndForeignContextsAreRefusedWithTheirPath() {
    ElmException notJson = assertThrows(ElmException.class, () -> Elm.importCredential("{\"a\": "));
    assertTrue(notJson.getMessage().contains("line 1"), notJson.getMessage());
    ElmException dup = assertThrows(ElmException.class, () -> Elm.importCredential("{\"a\":1,\"a\":2}"));
    assertTrue(dup.getMessage().contains("Duplicate"), dup.getMessage());
    ElmException ctx = assertThrows(ElmException.class, () -> Elm.importCredential(
        "{\"@context\":[\"https://www.w3.org/ns/credentials/v2\"],\"type\":[\"EuropeanDigitalCredential\"]}"));
    assertTrue(ctx.getMessage().startsWith("$['@context']"), ctx.getMessage());
    ElmException type = assertThrows(ElmException.class, () -> Elm.importCredential("{\"@context\":[\""
        + Elm.VC_CONTEXT + "\",\"" + Elm.EDC_CONTEXT + "\"],\"type\":[\"VerifiableCredential\"]}"));
    assertTrue(type.getMessage().startsWith("$.type"), type.getMessage());
    assertEquals(ElmProblemCode.NOT_EDC, Elm.check("[]").problems().get(0).code());
  }

  @Test
  void deepNestingIsRefusedNotOverflowed() {
    StringBuilder s = new StringBuilder("{\"@context\":[\"" + Elm.VC_CONTEXT + "\",\"" + Elm.EDC_CONTEXT
        + "\"],\"type\":\"EuropeanDigitalCredential\",\"x\":");
    for (int i = 0; i < 500; i++) {
      s.append("[");
    }
    for (int i = 0; i < 500; i++) {
      s.append("]");
    }
    s.append("}");
    ElmException e = assertThrows(ElmException.class, () -> Elm.importCredential(s.toString()));
    assertEquals(ElmErrorCode.INVALID_CREDENTIAL, e.code());
  }
}
