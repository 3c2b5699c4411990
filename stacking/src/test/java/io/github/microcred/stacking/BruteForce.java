package io.github.microcred.stacking;

import io.github.microcred.stacking.internal.Problem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Exhaustive oracle: every credential is either not counted or counted toward any non-empty set of eligible leaves
 * whose pairs are all whitelisted (not only the maximal sets the solver branches on). Exact dynamic programming over
 * the full state (progress capped at demand, exact cap usage, totals capped at their minimums), maximising counted
 * credit per state, then the lexicographic objective over the final states.
 */
final class BruteForce {
  private BruteForce() {}

  /** Returns {satisfied ? 1 : 0, applied credit, applied count, counted credit}. */
  static long[] solve(Problem p) {
    Map<List<Long>, Long> cur = new HashMap<>();
    cur.put(key(new long[p.nL], new long[p.nK], 0, 0), 0L);
    for (int c = 0; c < p.nC; c++) {
      List<int[]> subsets = new ArrayList<>();
      int[] e = p.elig[c];
      for (int mask = 1; mask < (1 << e.length); mask++) {
        List<Integer> s = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < e.length && ok; i++) {
          if ((mask & (1 << i)) != 0) {
            for (int x : s) {
              if (p.pairOk[c] == null || !p.pairOk[c][x][e[i]]) {
                ok = false;
              }
            }
            s.add(e[i]);
          }
        }
        if (ok) {
          subsets.add(s.stream().mapToInt(Integer::intValue).toArray());
        }
      }
      Map<List<Long>, Long> next = new HashMap<>();
      for (var en : cur.entrySet()) {
        List<Long> k = en.getKey();
        long val = en.getValue();
        next.merge(k, val, Math::max);
        if (subsets.isEmpty()) {
          continue;
        }
        long[] capUse = new long[p.nK];
        boolean fits = true;
        for (int q = 0; q < p.nK; q++) {
          capUse[q] = k.get(p.nL + q);
        }
        for (int q : p.capsOf[c]) {
          capUse[q] += p.capCount[q] ? 1 : p.credit[c];
          if (capUse[q] > p.capMax[q]) {
            fits = false;
          }
        }
        if (!fits) {
          continue;
        }
        long tot = Math.min(p.totalMin, k.get(p.nL + p.nK) + p.credit[c]);
        long res = Math.min(p.resMin, k.get(p.nL + p.nK + 1) + (p.resident[c] ? p.credit[c] : 0));
        for (int[] s : subsets) {
          long[] prog = new long[p.nL];
          for (int l = 0; l < p.nL; l++) {
            prog[l] = k.get(l);
          }
          for (int l : s) {
            prog[l] = Math.min(p.demand[l], prog[l] + (p.countLeaf[l] ? 1 : p.credit[c]));
          }
          next.merge(key(prog, capUse, tot, res), val + p.credit[c], Math::max);
        }
      }
      cur = next;
    }
    long[] best = null;
    for (var en : cur.entrySet()) {
      List<Long> k = en.getKey();
      boolean[] leafSat = new boolean[p.nL];
      for (int l = 0; l < p.nL; l++) {
        leafSat[l] = k.get(l) >= p.demand[l];
      }
      boolean[] nodeSat = new boolean[p.nN];
      p.evalTree(leafSat, nodeSat);
      boolean sat = nodeSat[0] && k.get(p.nL + p.nK) >= p.totalMin && k.get(p.nL + p.nK + 1) >= p.resMin;
      long cr = 0;
      long cn = 0;
      for (int l = 0; l < p.nL; l++) {
        if (p.countLeaf[l]) {
          cn += k.get(l);
        } else {
          cr += k.get(l);
        }
      }
      long[] v = {sat ? 1 : 0, cr, cn, en.getValue()};
      if (best == null || Arrays.compare(v, best) > 0) {
        best = v;
      }
    }
    return best;
  }

  private static List<Long> key(long[] prog, long[] cap, long tot, long res) {
    List<Long> k = new ArrayList<>(prog.length + cap.length + 2);
    for (long x : prog) {
      k.add(x);
    }
    for (long x : cap) {
      k.add(x);
    }
    k.add(tot);
    k.add(res);
    return k;
  }
}
