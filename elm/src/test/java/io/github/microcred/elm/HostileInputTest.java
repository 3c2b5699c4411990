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
  void deepNestingIsRefusedNotOverflowed() throws Exception {
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
    assertEquals(ElmErrorCode.LIMIT_EXCEEDED, e.code());
    assertTrue(e.getMessage().startsWith("$: at line 1"), e.getMessage());
    assertEquals(ElmProblemCode.NOT_EDC, Elm.check(s.toString()).problems().get(0).code());
    // a tree built in memory is bounded too
    ObjectNode doc = (ObjectNode) M.readTree(Fixtures.resource("Sample-MC-Annex1-unsigned.jsonld"));
    ArrayNode deep = doc.putArray("deep");
    for (int i = 0; i < Elm.MAX_DEPTH; i++) {
      deep = deep.addArray();
    }
    ElmException tree = assertThrows(ElmException.class, () -> Elm.importCredential(doc));
    assertEquals(ElmErrorCode.LIMIT_EXCEEDED, tree.code());
    assertTrue(tree.getMessage().contains("deeper than " + Elm.MAX_DEPTH), tree.getMessage());
  }

  @Test
  void aDocumentLargerThanTheBoundIsRefusedBeforeParsing() {
    String big = "{\"x\":\"" + "a".repeat(Elm.MAX_CHARS) + "\"}";
    ElmException e = assertThrows(ElmException.class, () -> Elm.importCredential(big));
    assertEquals(ElmErrorCode.LIMIT_EXCEEDED, e.code());
    assertEquals("$: the document has " + big.length() + " characters; at most " + Elm.MAX_CHARS + " are read",
        e.getMessage());
  }

  @Test
  void moreValuesThanTheBoundAreRefusedWhileParsingAndInATree() throws Exception {
    String many = "{\"x\":[" + "0,".repeat(Elm.MAX_VALUES) + "0]}";
    ElmException text = assertThrows(ElmException.class, () -> Elm.importCredential(many));
    assertEquals(ElmErrorCode.LIMIT_EXCEEDED, text.code(), text.getMessage());
    ObjectNode doc = (ObjectNode) M.readTree(Fixtures.resource("Sample-MC-Annex1-unsigned.jsonld"));
    ArrayNode wide = doc.putArray("wide");
    for (int i = 0; i < Elm.MAX_VALUES; i++) {
      wide.add(i);
    }
    ElmException tree = assertThrows(ElmException.class, () -> Elm.importCredential(doc));
    assertEquals(ElmErrorCode.LIMIT_EXCEEDED, tree.code());
    assertEquals("$: more than " + Elm.MAX_VALUES + " JSON values", tree.getMessage());
  }

  /**
   * Jackson's token bound refuses only documents beyond the value bound: 1.5 million empty arrays (3 million tokens)
   * are refused with a location, while an object of members holding empty objects (3 tokens per value, the most)
   * just within the value bound is read past the bounds to the envelope check.
   */
  @Test
  void theTokenBoundAgreesWithTheValueBound() {
    String tokens = "[" + "[],".repeat(Elm.MAX_VALUES + Elm.MAX_VALUES / 2) + "[]]";
    ElmException e = assertThrows(ElmException.class, () -> Elm.importCredential(tokens));
    assertEquals(ElmErrorCode.LIMIT_EXCEEDED, e.code());
    assertTrue(e.getMessage().startsWith("$: at line 1, column "), e.getMessage());
    assertTrue(e.getMessage().endsWith(": more than " + Elm.MAX_VALUES + " JSON values"), e.getMessage());
    StringBuilder within = new StringBuilder("{\"x\":{");
    int members = Elm.MAX_VALUES - 2;
    for (int i = 0; i < members; i++) {
      within.append(i == 0 ? "" : ",").append("\"").append(Integer.toString(i, 36)).append("\":{}");
    }
    within.append("}}");
    ElmException inside = assertThrows(ElmException.class, () -> Elm.importCredential(within.toString()));
    assertEquals(ElmErrorCode.INVALID_CREDENTIAL, inside.code(), inside.getMessage());
    assertTrue(inside.getMessage().startsWith("$['@context']: expected"), inside.getMessage());
  }

  @Test
  void aSealedPayloadIsBoundedAndNamedAsThePayload() throws Exception {
    String nested = "[".repeat(200) + "]".repeat(200);
    ObjectNode jws = JsonNodeFactory.instance.objectNode();
    jws.put("payload", nested);
    jws.putArray("signatures").addObject().put("protected", "e30").put("signature", "AA");
    ElmException e = assertThrows(ElmException.class, () -> Elm.importCredential(M.writeValueAsString(jws)));
    assertEquals(ElmErrorCode.LIMIT_EXCEEDED, e.code());
    assertTrue(e.getMessage().startsWith("$.payload: "), e.getMessage());
  }

  /** Values the reader parses (numbers, durations, dates, level labels) are bounded and refused at their path. */
  @Test
  void oversizedOrOutOfRangeValuesAreWarnedAboutAtTheirPathAndNotCarried() throws Exception {
    ObjectNode doc = Elm.export(Fixtures.microCredential(), Fixtures.award()).toJson();
    ObjectNode spec = (ObjectNode) claim(doc).get("specifiedBy");
    String sp = "$.credentialSubject.hasClaim[0].specifiedBy";
    ((ObjectNode) spec.withArray("creditPoint").get(0)).put("point", "1e999999999");
    spec.put("volumeOfLearning", "PT" + "9".repeat(300) + "H");
    ArrayNode nqf = spec.withArray("nqfLevel");
    nqf.removeAll();
    nqf.addObject().put("id", "http://example.org/level/x").put("type", "Concept").putObject("prefLabel")
        .put("en", "a" + " ".repeat(100_000) + "x");
    doc.put("issued", "2026-06-30T12:00:00Z" + " ".repeat(1_000));
    ElmImport i = Elm.importCredential(M.writeValueAsString(doc));
    assertTrue(i.microCredential().workload().credits().isEmpty(), i.microCredential().workload().credits().toString());
    assertTrue(i.microCredential().workload().hours().isEmpty());
    assertTrue(i.microCredential().levels().stream().noneMatch(l -> l.framework().startsWith("a ")));
    assertTrue(i.award().isEmpty(), "no issue date, so no award");
    assertWarned(i, sp + ".creditPoint[0].point", "non-negative decimal number");
    assertWarned(i, sp + ".volumeOfLearning", "303 characters is not read");
    assertWarned(i, sp + ".nqfLevel[0].prefLabel", "100002 characters is not read");
    assertWarned(i, "$.issued", "1020 characters is not read");
    assertTrue(i.warnings().stream().allMatch(w -> w.message().length() <= 500), "warnings quote bounded values");
    // within the bounds, the same values are read
    ((ObjectNode) spec.withArray("creditPoint").get(0)).put("point", "999999999999.5");
    ElmImport ok = Elm.importCredential(M.writeValueAsString(doc));
    assertEquals(0, new java.math.BigDecimal("999999999999.5").compareTo(ok.microCredential().workload().credits().get(0)
        .amount()));
  }

  /** Hours and credit points take core's decimal bounds (18 integer digits): beyond them, a warning and no value. */
  @Test
  void hoursAndPointsBeyondCoresDecimalBoundsAreWarnedAbout() throws Exception {
    ObjectNode doc = Elm.export(Fixtures.microCredential(), Fixtures.award()).toJson();
    ObjectNode spec = (ObjectNode) claim(doc).get("specifiedBy");
    String sp = "$.credentialSubject.hasClaim[0].specifiedBy";
    spec.put("volumeOfLearning", "PT" + "9".repeat(30) + "H");
    ((ObjectNode) spec.withArray("creditPoint").get(0)).put("point", "1" + "0".repeat(25));
    ElmImport i = Elm.importCredential(M.writeValueAsString(doc));
    assertTrue(i.microCredential().workload().hours().isEmpty());
    assertTrue(i.microCredential().workload().credits().isEmpty());
    assertWarned(i, sp + ".volumeOfLearning", "the workload's hours are not read");
    assertWarned(i, sp + ".creditPoint[0].point", "non-negative decimal number");
    spec.put("volumeOfLearning", "PT" + "9".repeat(18) + ".5H");
    ((ObjectNode) spec.withArray("creditPoint").get(0)).put("point", "-2");
    ElmImport j = Elm.importCredential(M.writeValueAsString(doc));
    assertEquals(0, new java.math.BigDecimal("9".repeat(18) + ".5").compareTo(j.microCredential().workload().hours()
        .orElseThrow()));
    assertTrue(j.microCredential().workload().credits().isEmpty(), "a negative credit is not carried");
    assertWarned(j, sp + ".creditPoint[0].point", "non-negative decimal number");
  }

  private static JsonNode claim(JsonNode doc) {
    JsonNode c = doc.get("credentialSubject").get("hasClaim");
    return c.isArray() ? c.get(0) : c;
  }

  private static void assertWarned(ElmImport i, String path, String text) {
    assertTrue(i.warnings().stream().anyMatch(w -> w.path().equals(path) && w.message().contains(text)),
        "no warning at " + path + " saying '" + text + "': " + i.warnings());
  }
}
