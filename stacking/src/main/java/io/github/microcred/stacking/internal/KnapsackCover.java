package io.github.microcred.stacking.internal;

import java.util.Arrays;
import java.util.List;

/**
 * The exact 0/1 knapsack cover used by the Lagrangian bounds of the audit and the planner: over candidates with
 * integer credits and real prices, the least price of covering each amount t = 0..d, where t is the covered credit
 * capped at d (a candidate larger than what is left still counts whole, which is what the flow relaxation misses).
 * One table of (n + 1) × (d + 1) cells, reused between calls; not thread-safe.
 */
final class KnapsackCover {
  private double[] table = new double[0];
  private int n;
  private int width;

  /**
   * Fills the table.
   *
   * @param cand the candidates (credential indices)
   * @param credit credit per credential
   * @param price price per credential
   * @param d the demand (cap of the covered amount)
   */
  void fill(List<Integer> cand, long[] credit, double[] price, int d) {
    fill(toArray(cand), cand.size(), credit, price, d);
  }

  /**
   * Fills the table from the first {@code count} candidates of an array.
   *
   * @param cand the candidates (credential indices)
   * @param count how many of them
   * @param credit credit per credential
   * @param price price per credential
   * @param d the demand (cap of the covered amount)
   */
  void fill(int[] cand, int count, long[] credit, double[] price, int d) {
    n = count;
    width = d + 1;
    if (table.length < (n + 1) * width) {
      table = new double[(n + 1) * width];
    }
    Arrays.fill(table, 0, width, Double.POSITIVE_INFINITY);
    table[0] = 0;
    for (int j = 0; j < n; j++) {
      int c = cand[j];
      int w = (int) Math.min(d, credit[c]);
      double pc = price[c];
      int row = j * width;
      int next = row + width;
      System.arraycopy(table, row, table, next, width);
      for (int t = 0; t < width; t++) {
        double v = table[row + t];
        if (v != Double.POSITIVE_INFINITY) {
          int u = Math.min(d, t + w);
          if (v + pc < table[next + u]) {
            table[next + u] = v + pc;
          }
        }
      }
    }
  }

  private static int[] toArray(List<Integer> l) {
    int[] a = new int[l.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = l.get(i);
    }
    return a;
  }

  /**
   * The least price of covering t with all the candidates.
   *
   * @param t covered amount, 0..d
   * @return the price (+∞ when t cannot be covered)
   */
  double cost(int t) {
    return table[n * width + t];
  }

  /**
   * Adds to {@code picked} the candidates of a least-price cover of t (stops early on a rounding tie).
   *
   * @param cand the candidates given to {@link #fill}
   * @param credit credit per credential
   * @param price price per credential
   * @param t the covered amount
   * @param picked receives the credentials
   */
  void walkBack(List<Integer> cand, long[] credit, double[] price, int t, List<Integer> picked) {
    int[] out = new int[n];
    int k = walkBack(toArray(cand), credit, price, t, out);
    for (int i = 0; i < k; i++) {
      picked.add(out[i]);
    }
  }

  /**
   * Writes to {@code picked} the candidates of a least-price cover of t (stops early on a rounding tie).
   *
   * @param cand the candidates given to {@link #fill(int[], int, long[], double[], int)}
   * @param credit credit per credential
   * @param price price per credential
   * @param t the covered amount
   * @param picked receives the credentials, from index 0 (room for every candidate)
   * @return how many were written
   */
  int walkBack(int[] cand, long[] credit, double[] price, int t, int[] picked) {
    int d = width - 1;
    int u = t;
    int k = 0;
    for (int j = n - 1; j >= 0 && u > 0; j--) {
      double v = table[(j + 1) * width + u];
      if (v == table[j * width + u]) {
        continue;
      }
      int c = cand[j];
      int w = (int) Math.min(d, credit[c]);
      int lo = u < d ? u - w : Math.max(0, u - w);
      int hi = u < d ? u - w : u;
      int from = -1;
      for (int f = Math.max(0, lo); f <= hi; f++) {
        if (table[j * width + f] + price[c] == v) {
          from = f;
          break;
        }
      }
      if (from < 0) {
        return k;
      }
      picked[k++] = c;
      u = from;
    }
    return k;
  }
}
