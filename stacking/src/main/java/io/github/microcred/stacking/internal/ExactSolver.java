package io.github.microcred.stacking.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Exact branch and bound for the indivisible audit. Maximises, lexicographically, (1) the qualification satisfied,
 * (2) the number of satisfied requirement nodes, (3) the counted credit, encoded as one long
 * {@code sat * W2 + nodes * W1 + counted}. Bounds: each leaf optimistically receives every remaining eligible
 * credential (a relaxation of exclusivity), combined through the tree; credit by the remaining eligible credit.
 * Dominance: a credential whose eligible leaves are all already met only decides "count or not" (caps).
 */
public final class ExactSolver {
  private final Problem p;
  private final long w1;
  private final long w2;
  private final long w3;
  private int[] order;
  private long[][] remCredit;
  private long[][] remCount;
  private long[] remAll;
  private long[] remRes;
  private final long[] prog;
  private final long[] capUse;
  private long counted;
  private long res;
  private final int[] choice;
  private int[] bestChoice;
  private long bestVal = Long.MIN_VALUE;
  private final boolean[] leafSat;
  private final boolean[] nodeSat;
  private long nodes;
  private final long deadline;
  private boolean cut;
  private long rootBound;
  private long[][] remCap;
  private long[][] remCapCredit;
  private int[][] capPositions;
  private boolean[] mandatory;
  private int[] maxOpt;
  private int nFamilies;

  /**
   * Creates a solver.
   *
   * @param p the problem
   * @param budgetNanos time budget (Long.MAX_VALUE for none)
   */
  public ExactSolver(Problem p, long budgetNanos) {
    this.p = p;
    long total = 0;
    for (long c : p.credit) {
      total += c;
    }
    long creditDemand = 0;
    long countDemand = 0;
    for (int l = 0; l < p.nL; l++) {
      if (p.countLeaf[l]) {
        countDemand += p.demand[l];
      } else {
        creditDemand += p.demand[l];
      }
    }
    w1 = total + 1;
    w2 = Math.multiplyExact(w1, countDemand + 1);
    w3 = Math.multiplyExact(w2, creditDemand + 1);
    prog = new long[p.nL];
    capUse = new long[p.nK];
    choice = new int[p.nC];
    Arrays.fill(choice, -1);
    leafSat = new boolean[p.nL];
    nodeSat = new boolean[p.nN];
    long now = System.nanoTime();
    deadline = budgetNanos == Long.MAX_VALUE ? Long.MAX_VALUE : now + budgetNanos;
  }

  /**
   * Splits a scalar objective value into its lexicographic components.
   *
   * @param v value
   * @return {satisfied (0/1), applied credit, applied count, counted credit}
   */
  public long[] components(long v) {
    return new long[] {v / w3, (v % w3) / w2, (v % w2) / w1, v % w1};
  }

  /**
   * Solves.
   *
   * @return the best choice per credential: option index, or -1 for not counted
   */
  public int[] solve() {
    List<Integer> branch = new ArrayList<>();
    for (int c = 0; c < p.nC; c++) {
      if (p.options[c].length == 0) {
        continue;
      }
      if (p.options[c].length == 1 && p.capsOf[c].length == 0) {
        apply(c, 0); // forced: the only option and nothing to lose
      } else {
        branch.add(c);
      }
    }
    branch.sort((a, b) -> {
      int x = Long.compare(p.credit[b], p.credit[a]);
      return x != 0 ? x : Integer.compare(a, b);
    });
    order = branch.stream().mapToInt(Integer::intValue).toArray();
    int m = order.length;
    remCredit = new long[m + 1][p.nL];
    remCount = new long[m + 1][p.nL];
    remAll = new long[m + 1];
    remRes = new long[m + 1];
    for (int i = m - 1; i >= 0; i--) {
      int c = order[i];
      System.arraycopy(remCredit[i + 1], 0, remCredit[i], 0, p.nL);
      System.arraycopy(remCount[i + 1], 0, remCount[i], 0, p.nL);
      for (int l : p.elig[c]) {
        remCredit[i][l] += p.credit[c];
        remCount[i][l] += 1;
      }
      remAll[i] = remAll[i + 1] + p.credit[c];
      remRes[i] = remRes[i + 1] + (p.resident[c] ? p.credit[c] : 0);
    }
    remCap = new long[m + 1][p.nK];
    remCapCredit = new long[m + 1][p.nK];
    List<List<Integer>> pos = new ArrayList<>();
    for (int q = 0; q < p.nK; q++) {
      pos.add(new ArrayList<>());
    }
    for (int i = 0; i < m; i++) {
      for (int q : p.capsOf[order[i]]) {
        pos.get(q).add(i);
      }
    }
    capPositions = new int[p.nK][];
    for (int q = 0; q < p.nK; q++) {
      capPositions[q] = pos.get(q).stream().mapToInt(Integer::intValue).toArray();
      nFamilies = Math.max(nFamilies, p.capFamily[q] + 1);
    }
    for (int i = m - 1; i >= 0; i--) {
      int c = order[i];
      System.arraycopy(remCap[i + 1], 0, remCap[i], 0, p.nK);
      System.arraycopy(remCapCredit[i + 1], 0, remCapCredit[i], 0, p.nK);
      for (int q : p.capsOf[c]) {
        remCap[i][q] += p.capCount[q] ? 1 : p.credit[c];
        remCapCredit[i][q] += p.credit[c];
      }
    }
    // leaves whose every ancestor needs all of its children
    mandatory = new boolean[p.nL];
    markMandatory(0);
    maxOpt = new int[p.nC];
    for (int c = 0; c < p.nC; c++) {
      for (int[] o : p.options[c]) {
        maxOpt[c] = Math.max(maxOpt[c], o.length);
      }
    }
    rootBound = bound(0);
    dfs(0);
    return bestChoice.clone();
  }

  /**
   * The best scalar objective found.
   *
   * @return value
   */
  public long bestValue() {
    return bestVal;
  }

  /**
   * An upper bound on the objective, valid for every assignment (the root bound).
   *
   * @return bound
   */
  public long upperBound() {
    return cut ? rootBound : bestVal;
  }

  /**
   * Whether the search was cut by the time budget (the result is then the best found, not proven optimal).
   *
   * @return true when cut
   */
  public boolean wasCut() {
    return cut;
  }

  /**
   * Search nodes explored.
   *
   * @return count
   */
  public long nodesExplored() {
    return nodes;
  }

  private void apply(int c, int opt) {
    choice[c] = opt;
    for (int l : p.options[c][opt]) {
      prog[l] += p.countLeaf[l] ? 1 : p.credit[c];
    }
    for (int k : p.capsOf[c]) {
      capUse[k] += p.capCount[k] ? 1 : p.credit[c];
    }
    counted += p.credit[c];
    if (p.resident[c]) {
      res += p.credit[c];
    }
  }

  private void undo(int c) {
    int opt = choice[c];
    for (int l : p.options[c][opt]) {
      prog[l] -= p.countLeaf[l] ? 1 : p.credit[c];
    }
    for (int k : p.capsOf[c]) {
      capUse[k] -= p.capCount[k] ? 1 : p.credit[c];
    }
    counted -= p.credit[c];
    if (p.resident[c]) {
      res -= p.credit[c];
    }
    choice[c] = -1;
  }

  private boolean fits(int c) {
    for (int k : p.capsOf[c]) {
      if (capUse[k] + (p.capCount[k] ? 1 : p.credit[c]) > p.capMax[k]) {
        return false;
      }
    }
    return true;
  }

  private long value() {
    for (int l = 0; l < p.nL; l++) {
      leafSat[l] = prog[l] >= p.demand[l];
    }
    p.evalTree(leafSat, nodeSat);
    boolean sat = nodeSat[0] && counted >= p.totalMin && res >= p.resMin;
    long cr = 0;
    long cn = 0;
    for (int l = 0; l < p.nL; l++) {
      long a = Math.min(prog[l], p.demand[l]);
      if (p.countLeaf[l]) {
        cn += a;
      } else {
        cr += a;
      }
    }
    return (sat ? w3 : 0) + cr * w2 + cn * w1 + counted;
  }

  private long bound(int i) {
    long cr = 0;
    long cn = 0;
    for (int l = 0; l < p.nL; l++) {
      long opt = prog[l] + (p.countLeaf[l] ? remCount[i][l] : remCredit[i][l]);
      leafSat[l] = opt >= p.demand[l];
      long a = Math.min(opt, p.demand[l]);
      if (p.countLeaf[l]) {
        cn += a;
      } else {
        cr += a;
      }
    }
    p.evalTree(leafSat, nodeSat);
    long cb = creditBound(i);
    boolean sat = nodeSat[0] && counted + cb >= p.totalMin && res + remRes[i] >= p.resMin;
    long ub = (sat ? w3 : 0) + cr * w2 + cn * w1 + counted + cb;
    if (ub <= bestVal) {
      return ub;
    }
    // stronger: divisible max-flow relaxations of the progress terms and of the mandatory leaves
    long fcr = progressFlow(i, false, false);
    long fcn = progressFlow(i, true, false);
    if (sat && bestVal < w3 && !mandatoryFeasible(i)) {
      sat = false;
    }
    return (sat ? w3 : 0) + fcr * w2 + fcn * w1 + counted + cb;
  }

  /** Current capped progress plus the max-flow of the remaining credentials into residual demands. */
  private long progressFlow(int i, boolean cnt, boolean onlyMandatory) {
    long base = 0;
    long want = 0;
    for (int l = 0; l < p.nL; l++) {
      if (p.countLeaf[l] == cnt) {
        base += Math.min(prog[l], p.demand[l]);
        if (prog[l] < p.demand[l] && (!onlyMandatory || mandatory[l])) {
          want += p.demand[l] - prog[l];
        }
      }
    }
    if (want == 0) {
      return base;
    }
    int m = order.length - i;
    MaxFlow f = new MaxFlow(2 + m + p.nL);
    for (int x = i; x < order.length; x++) {
      int c = order[x];
      boolean any = false;
      for (int l : p.elig[c]) {
        if (p.countLeaf[l] == cnt && prog[l] < p.demand[l] && (!onlyMandatory || mandatory[l])) {
          f.addArc(2 + x - i, 2 + m + l, cnt ? 1 : p.credit[c]);
          any = true;
        }
      }
      if (any) {
        f.addArc(0, 2 + x - i, (cnt ? 1 : p.credit[c]) * maxOpt[c]);
      }
    }
    for (int l = 0; l < p.nL; l++) {
      if (p.countLeaf[l] == cnt && prog[l] < p.demand[l] && (!onlyMandatory || mandatory[l])) {
        f.addArc(2 + m + l, 1, p.demand[l] - prog[l]);
      }
    }
    return base + f.solve(0, 1);
  }

  private void markMandatory(int v) {
    if (p.leafOfNode[v] >= 0) {
      mandatory[p.leafOfNode[v]] = true;
      return;
    }
    if (p.need[v] == p.kids[v].length) {
      for (int ch : p.kids[v]) {
        markMandatory(ch);
      }
    }
  }

  /** Upper bound on the credit still countable from positions i.., respecting each cap family on its own. */
  private long creditBound(int i) {
    long best = remAll[i];
    if (p.nK == 0) {
      return best;
    }
    long[] cut = new long[nFamilies];
    for (int q = 0; q < p.nK; q++) {
      long residual = p.capMax[q] - capUse[q];
      long excess;
      if (p.capCount[q]) {
        long top = 0;
        long r = Math.max(0, residual);
        for (int x : capPositions[q]) {
          if (x >= i && r > 0) {
            top += p.credit[order[x]];
            r--;
          }
        }
        excess = remCapCredit[i][q] - top;
      } else {
        excess = remCapCredit[i][q] - Math.max(0, residual);
      }
      if (excess > 0) {
        cut[p.capFamily[q]] += excess;
      }
    }
    long mx = 0;
    for (long x : cut) {
      mx = Math.max(mx, x);
    }
    return best - mx;
  }

  /** Whether the mandatory leaves can still all be met, by a divisible max-flow relaxation. */
  private boolean mandatoryFeasible(int i) {
    for (int pass = 0; pass < 2; pass++) {
      boolean cnt = pass == 1;
      long want = 0;
      long base = 0;
      for (int l = 0; l < p.nL; l++) {
        if (mandatory[l] && p.countLeaf[l] == cnt) {
          want += p.demand[l];
          base += Math.min(prog[l], p.demand[l]);
        }
      }
      if (want > base && progressFlow(i, cnt, true) - unmandatedBase(cnt) < want) {
        return false;
      }
    }
    return true;
  }

  private long unmandatedBase(boolean cnt) {
    long b = 0;
    for (int l = 0; l < p.nL; l++) {
      if (!mandatory[l] && p.countLeaf[l] == cnt) {
        b += Math.min(prog[l], p.demand[l]);
      }
    }
    return b;
  }

  private void dfs(int i) {
    nodes++;
    if (i == order.length) {
      long v = value();
      if (v > bestVal) {
        bestVal = v;
        bestChoice = choice.clone();
      }
      return;
    }
    if (bestChoice != null) {
      if ((nodes & 1023) == 0 && System.nanoTime() > deadline) {
        cut = true;
      }
      if (cut || bound(i) <= bestVal) {
        return;
      }
    }
    int c = order[i];
    int[][] opts = p.options[c];
    boolean fit = fits(c);
    if (fit) {
      // does any option touch an unmet leaf?
      boolean useful = false;
      for (int l : p.elig[c]) {
        if (prog[l] < p.demand[l]) {
          useful = true;
          break;
        }
      }
      if (!useful || opts.length == 1) {
        apply(c, 0);
        dfs(i + 1);
        undo(c);
      } else {
        int[] ord = optionOrder(opts);
        for (int o : ord) {
          apply(c, o);
          dfs(i + 1);
          undo(c);
          if (cut) {
            return;
          }
        }
      }
    }
    boolean noneUseful = !fit;
    for (int q : p.capsOf[c]) {
      if (capUse[q] + remCap[i][q] > p.capMax[q]) {
        noneUseful = true;
      }
    }
    if (noneUseful) {
      dfs(i + 1);
    }
  }

  private int[] optionOrder(int[][] opts) {
    int k = opts.length;
    long[] key = new long[k];
    Integer[] idx = new Integer[k];
    for (int o = 0; o < k; o++) {
      idx[o] = o;
      long score = 0;
      for (int l : opts[o]) {
        long miss = p.demand[l] - prog[l];
        if (miss > 0) {
          score += 1_000_000L;
        }
      }
      key[o] = score;
    }
    Arrays.sort(idx, (a, b) -> {
      int x = Long.compare(key[b], key[a]);
      return x != 0 ? x : Integer.compare(a, b);
    });
    int[] out = new int[k];
    for (int o = 0; o < k; o++) {
      out[o] = idx[o];
    }
    return out;
  }
}
