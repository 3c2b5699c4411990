package io.github.microcred.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.core.testing.MicroCredentialGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Seeded property tests over generated models: JSON round trip, validity, and random JSON trees. */
class GeneratedModelTest {

  static final long SEED = 0xC0FFEE_2026L;

  static Stream<Long> seeds() {
    return Stream.iterate(SEED, s -> s + 1).limit(10);
  }

  /** 10 seeds × 200 = 2,000 models of each shape round trip through JSON and stay valid. */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void jsonRoundTripOfRandomValidModels(long seed) throws Exception {
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int i = 0; i < 200; i++) {
      MicroCredential m = switch (i % 3) {
        case 0 -> MicroCredentialGenerator.generate(rnd);
        case 1 -> MicroCredentialGenerator.generatePartial(rnd);
        default -> MicroCredentialGenerator.generateMinimal(rnd);
      };
      String json = m.toJson().toPrettyString();
      String where = "seed " + seed + " case " + i + ":\n" + json;
      assertEquals(m, MicroCredential.fromJson(json), where);
      assertEquals(m, m.toBuilder().build(), where);
      ValidationReport r = MicroCredentialValidator.validate(json);
      assertFalse(r.has(CoreIssueCode.INTERNAL_ERROR), where);
      if (i % 3 != 2) {
        assertTrue(r.valid(), where + "\n" + r.summary());
        assertEquals(100.0, Completeness.of(m).euMandatory(), where);
      }
      if (i % 3 == 0) {
        assertEquals(100.0, Completeness.of(m).euOptional(), where);
        assertEquals(100.0, Completeness.of(m).oliver(), where);
      }
      Award a = MicroCredentialGenerator.generateAward(rnd);
      assertEquals(a, Award.fromJson(a.toJson().toPrettyString()), "award " + where);
    }
  }

  /** 10 seeds × 1,000 = 10,000 random JSON trees, shaped like the model, never make the validator throw. */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void validationNeverThrowsOnRandomJson(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    ObjectMapper om = new ObjectMapper();
    for (int i = 0; i < 1000; i++) {
      JsonNode doc = rnd.nextBoolean()
          ? mutate(om.valueToTree(MicroCredentialGenerator.generate(rnd).toJson()), rnd)
          : randomTree(rnd, 0);
      String text = doc.toString();
      try {
        ValidationReport r = MicroCredentialValidator.validate(text);
        assertFalse(r.has(CoreIssueCode.INTERNAL_ERROR), "seed " + seed + " case " + i + ": " + text);
        MicroCredentialValidator.validateAward(text);
      } catch (RuntimeException e) {
        throw new AssertionError("seed " + seed + " case " + i + " threw on " + text, e);
      }
    }
  }

  private static final String[] KEYS = {"title", "workload", "credits", "amount", "unit", "levels", "code",
      "framework", "assessment", "rubric", "criteria", "points", "validity", "type", "period", "learner", "x"};

  private static JsonNode randomTree(SplittableRandom rnd, int depth) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    int k = depth > 5 ? rnd.nextInt(5) : rnd.nextInt(7);
    switch (k) {
      case 0: return f.nullNode();
      case 1: return f.numberNode(rnd.nextInt(-5, 10));
      case 2: return f.textNode(rnd.nextBoolean() ? MicroCredentialGenerator.text(rnd, 0, 3) : "ECTS");
      case 3: return f.booleanNode(rnd.nextBoolean());
      case 4: return f.numberNode(rnd.nextDouble() * 1e6 - 1e3);
      case 5: {
        ArrayNode a = f.arrayNode();
        for (int i = rnd.nextInt(4); i > 0; i--) {
          a.add(randomTree(rnd, depth + 1));
        }
        return a;
      }
      default: {
        ObjectNode o = f.objectNode();
        for (int i = rnd.nextInt(5); i > 0; i--) {
          o.set(KEYS[rnd.nextInt(KEYS.length)], randomTree(rnd, depth + 1));
        }
        return o;
      }
    }
  }

  /** Replaces, removes or retypes a random node of a valid document. */
  private static JsonNode mutate(JsonNode doc, SplittableRandom rnd) {
    List<JsonNode> containers = new ArrayList<>();
    collect(doc, containers);
    for (int m = 1 + rnd.nextInt(3); m > 0; m--) {
      JsonNode c = containers.get(rnd.nextInt(containers.size()));
      if (c instanceof ObjectNode o && o.size() > 0) {
        List<String> names = new ArrayList<>();
        o.fieldNames().forEachRemaining(names::add);
        String name = names.get(rnd.nextInt(names.size()));
        if (rnd.nextBoolean()) {
          o.remove(name);
        } else {
          o.set(name, randomTree(rnd, 3));
        }
      } else if (c instanceof ArrayNode a && a.size() > 0) {
        a.set(rnd.nextInt(a.size()), randomTree(rnd, 3));
      }
    }
    return doc;
  }

  private static void collect(JsonNode n, List<JsonNode> out) {
    if (n.isContainerNode()) {
      out.add(n);
      n.forEach(c -> collect(c, out));
    }
  }
}
