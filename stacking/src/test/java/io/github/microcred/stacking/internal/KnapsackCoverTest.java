package io.github.microcred.stacking.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link KnapsackCover} against enumeration of every subset, on seeded random instances. */
class KnapsackCoverTest {
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
  void everyAmountCostsWhatTheCheapestSubsetCosts(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    KnapsackCover k = new KnapsackCover();
    for (int round = 0; round < 200; round++) {
      int n = r.nextInt(11);
      int d = 1 + r.nextInt(25);
      long[] credit = new long[n + 3];
      double[] price = new double[n + 3];
      List<Integer> cand = new ArrayList<>();
      for (int j = 0; j < n; j++) {
        int c = j + 3; // candidates are indices into the credit and price arrays, not 0..n-1
        credit[c] = 1 + r.nextInt(10);
        price[c] = r.nextInt(4) == 0 ? 0 : r.nextInt(1000) / 10.0;
        cand.add(c);
      }
      k.fill(cand, credit, price, d);
      double[] best = new double[d + 1];
      java.util.Arrays.fill(best, Double.POSITIVE_INFINITY);
      for (int mask = 0; mask < 1 << n; mask++) {
        long sum = 0;
        double cost = 0;
        for (int j = 0; j < n; j++) {
          if ((mask & 1 << j) != 0) {
            sum += credit[cand.get(j)];
            cost += price[cand.get(j)];
          }
        }
        int t = (int) Math.min(d, sum);
        best[t] = Math.min(best[t], cost);
      }
      for (int t = 0; t <= d; t++) {
        String msg = "seed " + seed + " round " + round + " t " + t;
        assertEquals(best[t], k.cost(t), 1e-9, msg);
        if (best[t] < Double.POSITIVE_INFINITY && t > 0) {
          List<Integer> picked = new ArrayList<>();
          k.walkBack(cand, credit, price, t, picked);
          long sum = 0;
          double cost = 0;
          for (int c : picked) {
            sum += credit[c];
            cost += price[c];
          }
          assertEquals(picked.size(), new HashSet<>(picked).size(), msg + " picked twice " + picked);
          assertEquals(t, (int) Math.min(d, sum), msg + " picked " + picked);
          assertEquals(best[t], cost, 1e-9, msg + " picked " + picked);
        }
      }
    }
  }
}
