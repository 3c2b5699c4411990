package io.github.microcred.core;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A rubric for rubric-based assessment (Oliver 2019): weighted criteria, each rated on the same 5- or
 * 7-point scale (level 1 = lowest), a pass threshold on the weighted score, and optional per-criterion
 * minimum levels.
 *
 * <p>The weighted score of an evaluation is {@code Σ wᵢ·(levelᵢ − 1)/(points − 1) / Σ wᵢ}, a value in [0, 1]
 * computed exactly and rounded half-even to 6 decimals. An evaluation passes when its score is at least
 * {@link #passThreshold()} and every criterion reaches its minimum level.
 *
 * @param title the rubric's title
 * @param points scale points, 5 or 7
 * @param criteria the criteria, at least one, with distinct ids
 * @param passThreshold the minimum weighted score to pass, in [0, 1] (normalised: trailing zeros stripped)
 */
public record Rubric(String title, int points, List<Criterion> criteria, BigDecimal passThreshold) {

  /**
   * A criterion of the rubric.
   *
   * @param id a stable identifier, unique within the rubric
   * @param name what is assessed
   * @param weight the relative weight, positive (normalised: trailing zeros stripped)
   * @param levels the description of each level, lowest first; exactly {@code points} entries
   * @param minimumLevel the lowest level that still passes (1 = no minimum)
   */
  public record Criterion(String id, String name, BigDecimal weight, List<String> levels, int minimumLevel) {
    /** Validates and copies. */
    public Criterion {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(weight, "weight");
      levels = List.copyOf(levels);
      if (id.isBlank() || name.isBlank()) {
        throw new IllegalArgumentException("criterion id and name must not be blank");
      }
      if (!CreditValue.withinBounds(weight)) {
        throw new IllegalArgumentException("criterion '" + id + "' weight must have at most "
            + CreditValue.MAX_INTEGER_DIGITS + " integer and " + CreditValue.MAX_FRACTION_DIGITS
            + " decimal digits, was " + weight);
      }
      if (weight.signum() <= 0) {
        throw new IllegalArgumentException("criterion '" + id + "' weight must be > 0, was " + weight.toPlainString());
      }
      weight = CreditValue.normalise(weight);
      if (minimumLevel < 1 || minimumLevel > levels.size()) {
        throw new IllegalArgumentException(
            "criterion '" + id + "' minimumLevel must be 1-" + levels.size() + ", was " + minimumLevel);
      }
    }
  }

  /**
   * The outcome of scoring one evaluation.
   *
   * @param score the weighted score in [0, 1]
   * @param passed whether the evaluation passes
   * @param belowMinimum ids of the criteria rated below their minimum level
   */
  public record Score(BigDecimal score, boolean passed, List<String> belowMinimum) {
    /** Copies. */
    public Score {
      Objects.requireNonNull(score, "score");
      belowMinimum = List.copyOf(belowMinimum);
    }
  }

  /** The weighting of disagreements in Cohen's weighted kappa. */
  public enum KappaWeights {
    /** Linear weights, {@code |i − j| / (k − 1)}. */
    LINEAR,
    /** Quadratic weights, {@code (i − j)² / (k − 1)²}. */
    QUADRATIC
  }

  /**
   * How closely an evaluator agrees with a master scorer over the same items.
   *
   * @param ratings the number of paired ratings compared
   * @param exactAgreement the share of identical ratings, in [0, 1]
   * @param weightedKappa Cohen's weighted kappa (1 = perfect agreement, 0 = chance; NaN when undefined
   *     because both raters used a single level)
   * @param weights the weighting used for kappa
   */
  public record Calibration(int ratings, double exactAgreement, double weightedKappa, KappaWeights weights) {}

  /** Validates and copies. */
  public Rubric {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(passThreshold, "passThreshold");
    criteria = List.copyOf(criteria);
    if (points != 5 && points != 7) {
      throw new IllegalArgumentException("rubric scale must have 5 or 7 points, was " + points);
    }
    if (criteria.isEmpty()) {
      throw new IllegalArgumentException("rubric needs at least one criterion");
    }
    if (!CreditValue.withinBounds(passThreshold) || passThreshold.signum() < 0
        || passThreshold.compareTo(BigDecimal.ONE) > 0) {
      throw new IllegalArgumentException("passThreshold must be in [0, 1] with at most "
          + CreditValue.MAX_FRACTION_DIGITS + " decimal digits, was " + passThreshold);
    }
    passThreshold = CreditValue.normalise(passThreshold);
    Set<String> ids = new HashSet<>();
    for (Criterion c : criteria) {
      if (!ids.add(c.id())) {
        throw new IllegalArgumentException("duplicate criterion id '" + c.id() + "'");
      }
      if (c.levels().size() != points) {
        throw new IllegalArgumentException(
            "criterion '" + c.id() + "' has " + c.levels().size() + " level descriptions, the scale has " + points);
      }
    }
  }

  /**
   * Scores an evaluation.
   *
   * @param levels the level given to each criterion, by criterion id; every criterion must be rated
   * @return the score
   * @throws IllegalArgumentException when a criterion is missing, unknown or rated outside 1..points
   */
  public Score score(Map<String, Integer> levels) {
    checkEvaluation(levels);
    BigDecimal num = BigDecimal.ZERO;
    BigDecimal den = BigDecimal.ZERO;
    List<String> below = new ArrayList<>();
    for (Criterion c : criteria) {
      int l = levels.get(c.id());
      num = num.add(c.weight().multiply(BigDecimal.valueOf(l - 1L)));
      den = den.add(c.weight());
      if (l < c.minimumLevel()) {
        below.add(c.id());
      }
    }
    BigDecimal score =
        num.divide(den.multiply(BigDecimal.valueOf(points - 1L)), 6, RoundingMode.HALF_EVEN).stripTrailingZeros();
    if (score.scale() < 0) {
      score = score.setScale(0);
    }
    return new Score(score, score.compareTo(passThreshold) >= 0 && below.isEmpty(), below);
  }

  private void checkEvaluation(Map<String, Integer> levels) {
    Objects.requireNonNull(levels, "levels");
    for (Criterion c : criteria) {
      Integer l = levels.get(c.id());
      if (l == null) {
        throw new IllegalArgumentException("criterion '" + c.id() + "' is not rated");
      }
      if (l < 1 || l > points) {
        throw new IllegalArgumentException("criterion '" + c.id() + "' rated " + l + ", expected 1-" + points);
      }
    }
    for (String k : levels.keySet()) {
      if (criteria.stream().noneMatch(c -> c.id().equals(k))) {
        throw new IllegalArgumentException("unknown criterion '" + k + "'");
      }
    }
  }

  /**
   * Compares an evaluator's ratings with a master scorer's, criterion by criterion over the same evaluations:
   * exact agreement and Cohen's weighted kappa {@code κ = 1 − Σ wᵢⱼ·oᵢⱼ / Σ wᵢⱼ·eᵢⱼ}, with observed
   * proportions {@code oᵢⱼ}, chance proportions {@code eᵢⱼ} from the two raters' marginals, and disagreement
   * weights {@code wᵢⱼ} (Cohen 1968).
   *
   * @param master the master's evaluations
   * @param evaluator the evaluator's evaluations of the same items, in the same order
   * @param weights the kappa weighting
   * @return the calibration
   * @throws IllegalArgumentException when the lists differ in length, are empty, or an evaluation is invalid
   */
  public Calibration calibrate(
      List<Map<String, Integer>> master, List<Map<String, Integer>> evaluator, KappaWeights weights) {
    Objects.requireNonNull(weights, "weights");
    if (master.size() != evaluator.size() || master.isEmpty()) {
      throw new IllegalArgumentException(
          "need the same, non-zero number of evaluations: master " + master.size() + ", evaluator " + evaluator.size());
    }
    List<int[]> pairs = new ArrayList<>();
    for (int i = 0; i < master.size(); i++) {
      checkEvaluation(master.get(i));
      checkEvaluation(evaluator.get(i));
      for (Criterion c : criteria) {
        pairs.add(new int[] {master.get(i).get(c.id()), evaluator.get(i).get(c.id())});
      }
    }
    return agreement(pairs, points, weights);
  }

  /**
   * Exact agreement and weighted kappa for paired ratings on a scale of {@code k} points (1..k).
   *
   * @param pairs the pairs {master, evaluator}
   * @param k the scale points
   * @param weights the weighting
   * @return the calibration
   */
  static Calibration agreement(List<int[]> pairs, int k, KappaWeights weights) {
    double n = pairs.size();
    double[][] obs = new double[k][k];
    double[] rowM = new double[k];
    double[] colE = new double[k];
    int exact = 0;
    for (int[] p : pairs) {
      obs[p[0] - 1][p[1] - 1] += 1;
      rowM[p[0] - 1] += 1;
      colE[p[1] - 1] += 1;
      if (p[0] == p[1]) {
        exact++;
      }
    }
    double wo = 0;
    double we = 0;
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        double d = Math.abs(i - j) / (double) (k - 1);
        double w = weights == KappaWeights.LINEAR ? d : d * d;
        wo += w * obs[i][j] / n;
        we += w * (rowM[i] / n) * (colE[j] / n);
      }
    }
    double kappa = we == 0 ? Double.NaN : 1 - wo / we;
    return new Calibration(pairs.size(), exact / n, kappa, weights);
  }

  /**
   * The criteria by id, in order.
   *
   * @return a map view
   */
  public Map<String, Criterion> criteriaById() {
    Map<String, Criterion> m = new LinkedHashMap<>();
    criteria.forEach(c -> m.put(c.id(), c));
    return Collections.unmodifiableMap(m);
  }

}
