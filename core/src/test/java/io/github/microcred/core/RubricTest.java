package io.github.microcred.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RubricTest {

  static final List<String> FIVE = List.of("1", "2", "3", "4", "5");

  static Rubric rubric() {
    return new Rubric("r", 5, List.of(
        new Rubric.Criterion("a", "A", BigDecimal.ONE, FIVE, 2),
        new Rubric.Criterion("b", "B", BigDecimal.valueOf(3), FIVE, 1)), new BigDecimal("0.6"));
  }

  @Test
  void weightedScoreIsExactAndMinimumLevelsApply() {
    // (1·(4−1) + 3·(5−1)) / ((1+3)·4) = 15/16 = 0.9375
    Rubric.Score s = rubric().score(Map.of("a", 4, "b", 5));
    assertEquals(new BigDecimal("0.9375"), s.score());
    assertTrue(s.passed());
    // (0 + 3·4)/16 = 0.75 ≥ 0.6, but criterion a is below its minimum level 2
    Rubric.Score low = rubric().score(Map.of("a", 1, "b", 5));
    assertEquals(new BigDecimal("0.75"), low.score());
    assertFalse(low.passed());
    assertEquals(List.of("a"), low.belowMinimum());
    // (1·2 + 3·1)/16 = 0.3125 < 0.6
    assertFalse(rubric().score(Map.of("a", 3, "b", 2)).passed());
  }

  @Test
  void invalidEvaluationsNameTheCriterion() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> rubric().score(Map.of("a", 1)));
    assertTrue(e.getMessage().contains("'b'"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> rubric().score(Map.of("a", 6, "b", 1)));
    assertTrue(e.getMessage().contains("'a'") && e.getMessage().contains("1-5"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> rubric().score(Map.of("a", 1, "b", 1, "c", 1)));
    assertTrue(e.getMessage().contains("'c'"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new Rubric("r", 6, List.of(), BigDecimal.ONE));
    assertThrows(IllegalArgumentException.class, () -> new Rubric("r", 5,
        List.of(new Rubric.Criterion("a", "A", BigDecimal.ONE, List.of("1", "2"), 1)), BigDecimal.ONE));
  }

  /**
   * Hand-computed example on a 3-point scale. Counts (master rows × evaluator columns), n = 30:
   * <pre>
   *   [10  2  0]   row sums 12, 13, 5
   *   [ 3  8  2]   column sums 13, 11, 6
   *   [ 0  1  4]   exact agreement 22/30
   * </pre>
   * Linear weights (0, ½, 1): observed disagreement (2·½ + 3·½ + 2·½ + 1·½)/30 = 120/900; chance
   * disagreement Σ wᵢⱼ·rᵢ·cⱼ / 900 = (66 + 72 + 84.5 + 39 + 65 + 27.5)/900 = 354/900; κ = 1 − 120/354.
   * Quadratic weights (0, ¼, 1): observed 8·¼/30 = 60/900; chance (33 + 72 + 42.25 + 19.5 + 65 + 13.75)/900
   * = 245.5/900; κ = 1 − 60/245.5.
   */
  @Test
  void weightedKappaMatchesAHandComputedExample() {
    int[][] counts = {{10, 2, 0}, {3, 8, 2}, {0, 1, 4}};
    List<int[]> pairs = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        for (int c = 0; c < counts[i][j]; c++) {
          pairs.add(new int[] {i + 1, j + 1});
        }
      }
    }
    Rubric.Calibration lin = Rubric.agreement(pairs, 3, Rubric.KappaWeights.LINEAR);
    assertEquals(22.0 / 30, lin.exactAgreement(), 1e-12);
    assertEquals(1 - 120.0 / 354, lin.weightedKappa(), 1e-12);
    assertEquals(1 - 60.0 / 245.5, Rubric.agreement(pairs, 3, Rubric.KappaWeights.QUADRATIC).weightedKappa(), 1e-12);
  }

  @Test
  void perfectAgreementIsKappaOne() {
    Rubric r = rubric();
    List<Map<String, Integer>> m = List.of(Map.of("a", 1, "b", 5), Map.of("a", 3, "b", 2), Map.of("a", 4, "b", 4));
    Rubric.Calibration c = r.calibrate(m, m, Rubric.KappaWeights.QUADRATIC);
    assertEquals(6, c.ratings());
    assertEquals(1.0, c.exactAgreement());
    assertEquals(1.0, c.weightedKappa(), 1e-12);
    assertThrows(IllegalArgumentException.class, () -> r.calibrate(m, m.subList(0, 2), Rubric.KappaWeights.LINEAR));
  }

  static final long SEED = 1968L;

  static Stream<Long> seeds() {
    return Stream.iterate(SEED, s -> s + 1).limit(1000);
  }

  /**
   * Oracle: Cohen's (1968) weighted kappa written pair by pair, κ = 1 − (Σₚ w(aₚ, bₚ) / n) /
   * (Σₚ Σ_q w(aₚ, b_q) / n²), O(n²), with no contingency table, against the table-based implementation.
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void weightedKappaEqualsThePairwiseOracle(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int k = rnd.nextBoolean() ? 5 : 7;
    int n = 2 + rnd.nextInt(40);
    List<int[]> pairs = new ArrayList<>();
    for (int p = 0; p < n; p++) {
      int a = 1 + rnd.nextInt(k);
      int b = rnd.nextInt(3) == 0 ? 1 + rnd.nextInt(k) : Math.max(1, Math.min(k, a + rnd.nextInt(3) - 1));
      pairs.add(new int[] {a, b});
    }
    for (Rubric.KappaWeights w : Rubric.KappaWeights.values()) {
      double obs = 0;
      double exp = 0;
      int exact = 0;
      for (int[] p : pairs) {
        obs += weight(p[0], p[1], k, w);
        exact += p[0] == p[1] ? 1 : 0;
        for (int[] q : pairs) {
          exp += weight(p[0], q[1], k, w);
        }
      }
      double oracle = exp == 0 ? Double.NaN : 1 - (obs / n) / (exp / ((double) n * n));
      Rubric.Calibration c = Rubric.agreement(pairs, k, w);
      assertEquals((double) exact / n, c.exactAgreement(), 1e-12, "seed " + seed);
      if (Double.isNaN(oracle)) {
        assertTrue(Double.isNaN(c.weightedKappa()), "seed " + seed);
      } else {
        assertEquals(oracle, c.weightedKappa(), 1e-9, "seed " + seed + " " + w);
      }
    }
  }

  private static double weight(int a, int b, int k, Rubric.KappaWeights w) {
    double d = Math.abs(a - b) / (double) (k - 1);
    return w == Rubric.KappaWeights.LINEAR ? d : d * d;
  }
}
