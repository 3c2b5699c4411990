package io.github.microcred.vc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.internal.Canonicalizer;
import io.github.microcred.vc.internal.JsonSupport;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, the time budget of expansion and canonicalization ({@link CanonicalizationLimits#maxTime()}), tested
 * without timing anything: an injected ticker jumps past the deadline at its k-th reading, for every k, and each
 * run either canonicalizes exactly as without a budget or fails with {@link VcErrorCode#LIMIT_EXCEEDED} naming the
 * stage that was running; every stage with a check is reached. A verifier whose budget is already spent returns a
 * failed proof check, it does not throw.
 */
class TimeBudgetTest {
  private static final ContextLoader LOADER = TestSupport.loader();
  private static final Duration BUDGET = Duration.ofSeconds(10);

  /** Reads 0 for the first {@code k} readings, then the budget: the deadline passes at reading k + 1. */
  private static LongSupplier jumpsAfter(int k, int[] readings) {
    return () -> ++readings[0] <= k ? 0L : BUDGET.toNanos();
  }

  /** A credential with 2,000 tags (more than 1,024 node map values, quads and written lines) and blank nodes. */
  private static JsonObject document() {
    ObjectNode c = SecurityPitfallsTest.credential(SecurityPitfallsTest.ED.publicKey().didKey());
    ((ObjectNode) c.get("credentialSubject")).remove("id");
    ArrayNode tags = ((ObjectNode) c.get("credentialSubject").get("achievement")).putArray("tag");
    for (int i = 0; i < 2_000; i++) {
      tags.add("skill-tag-" + i);
    }
    return JsonSupport.toJsonP(c).asJsonObject();
  }

  /** The stages each path checks the deadline at (the fast path has no separate expansion and node map). */
  private static Set<String> stages(Canonicalizer.Path path) {
    return path == Canonicalizer.Path.GENERAL
        ? Set.of("JSON-LD expansion (before it starts)", "JSON-LD expansion", "node map generation",
            "JSON-LD to RDF (after node map generation)", "JSON-LD to RDF", "RDFC-1.0 canonicalization (before it starts)",
            "RDFC-1.0 canonicalization", "N-Quads writing")
        : Set.of("JSON-LD expansion (before it starts)", "JSON-LD to RDF", "RDFC-1.0 canonicalization (before it starts)",
            "RDFC-1.0 canonicalization", "N-Quads writing");
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.EnumSource(names = {"GENERAL", "FAST"})
  void everyStageStopsWhenTheDeadlinePassesAndNamesItself(Canonicalizer.Path path) throws VcException {
    JsonObject doc = document();
    CanonicalizationLimits limits = CanonicalizationLimits.DEFAULT.withMaxTime(BUDGET);
    int[] total = {0};
    String expected = Canonicalizer.canonicalize(doc, LOADER, limits, "SHA-256", null, () -> {
      total[0]++;
      return 0L;
    }, path);
    assertTrue(total[0] > 5, "the deadline is read " + total[0] + " times");
    Set<String> stages = new LinkedHashSet<>();
    for (int k = 1; k < total[0]; k++) {
      int[] readings = {0};
      int kk = k;
      VcException e = assertThrows(VcException.class,
          () -> Canonicalizer.canonicalize(doc, LOADER, limits, "SHA-256", null, jumpsAfter(kk, readings), path),
          "deadline passing at reading " + (k + 1));
      assertEquals(VcErrorCode.LIMIT_EXCEEDED, e.code(), e.getMessage());
      assertTrue(e.getMessage().startsWith("time budget of 10000 ms exceeded during "), e.getMessage());
      stages.add(e.getMessage().substring("time budget of 10000 ms exceeded during ".length()));
      assertEquals(k + 1, readings[0], "fails at the first reading past the deadline");
    }
    assertEquals(stages(path), stages);
    // a deadline that passes only after the last reading changes nothing
    int[] readings = {0};
    assertEquals(expected,
        Canonicalizer.canonicalize(doc, LOADER, limits, "SHA-256", null, jumpsAfter(total[0], readings), path));
    assertEquals(expected, Canonicalizer.canonicalize(doc, LOADER, limits, "SHA-256"), "both paths agree");
  }

  @Test
  void theDefaultBudgetIsTenSecondsAndBudgetsArePositive() {
    assertEquals(Duration.ofSeconds(10), CanonicalizationLimits.DEFAULT.maxTime());
    assertEquals(Duration.ofSeconds(10), new CanonicalizationLimits(100, 10).maxTime());
    assertThrows(IllegalArgumentException.class, () -> CanonicalizationLimits.DEFAULT.withMaxTime(Duration.ZERO));
    assertThrows(IllegalArgumentException.class,
        () -> CanonicalizationLimits.DEFAULT.withMaxTime(Duration.ofSeconds(-1)));
    assertThrows(NullPointerException.class, () -> CanonicalizationLimits.DEFAULT.withMaxTime(null));
  }

  @Test
  void aVerifierWhoseBudgetIsSpentReturnsAFailedProofCheck() throws VcException {
    ObjectNode signed = SecurityPitfallsTest.signed(SecurityPitfallsTest.ED,
        SecurityPitfallsTest.credential(SecurityPitfallsTest.ED.publicKey().didKey()));
    assertTrue(SecurityPitfallsTest.verify(signed).verified(), "verifies within the default budget");
    // one nanosecond: spent before expansion returns (the ticker is monotonic and expansion takes far longer)
    VerificationResult r = Credentials.verify(signed).withClock(SecurityPitfallsTest.CLOCK)
        .withLimits(CanonicalizationLimits.DEFAULT.withMaxTime(Duration.ofNanos(1))).get();
    assertFalse(r.verified());
    VerificationCheck proof = r.checks().stream().filter(c -> c.name() == CheckName.PROOF && c.failed())
        .findFirst().orElse(null);
    assertNotNull(proof, r.toString());
    assertTrue(proof.message().startsWith("LIMIT_EXCEEDED: time budget of 0 ms exceeded during JSON-LD expansion"),
        proof.message());
  }

  @Test
  void signingWithASpentBudgetFailsWithTheStage() {
    VcException e = assertThrows(VcException.class, () -> Credentials.sign(
            SecurityPitfallsTest.credential(SecurityPitfallsTest.ED.publicKey().didKey()), SecurityPitfallsTest.ED,
            Cryptosuite.EDDSA_RDFC_2022)
        .withCreated(SecurityPitfallsTest.NOW.minusSeconds(60))
        .withLimits(CanonicalizationLimits.DEFAULT.withMaxTime(Duration.ofNanos(1))).get());
    assertEquals(VcErrorCode.LIMIT_EXCEEDED, e.code());
    assertTrue(e.getMessage().startsWith("time budget of 0 ms exceeded during JSON-LD expansion"), e.getMessage());
  }
}
