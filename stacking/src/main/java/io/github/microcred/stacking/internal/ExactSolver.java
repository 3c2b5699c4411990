package io.github.microcred.stacking.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Exact branch and bound for the indivisible audit. Maximises, lexicographically, (1) the qualification satisfied,
 * (2) the applied credit (per credit leaf, capped at its demand), (3) the applied count (per count leaf, capped),
 * (4) the counted credit, encoded as one long {@code sat * W3 + credit * W2 + count * W1 + counted}. Bounds: each
 * leaf optimistically receives every remaining eligible credential (a relaxation of exclusivity), combined through
 * the tree, then divisible max-flow relaxations of the progress terms; credit by the remaining eligible credit under
 * each cap family; when whole credits leave the incumbent below the flow bound, a Lagrangian bound with exact
 * per-leaf knapsacks tightens the root bound, and its multipliers suggest assignments (see {@code lagrangianBound}).
 * The search stops as soon as the incumbent reaches the root bound (proven optimal).
 * Dominance: a credential whose eligible leaves are all already met only decides "count or not" (caps).
 */
public final class ExactSolver {
  private final Problem p;
  private final long w1;
  private final long w2;
  private final long w3;
  private int[] order;
  /**
   * What the credentials from position i on could still bring to leaf l, at {@code i * nL + l}: their number for a
   * count leaf, their credit for a credit leaf.
   */
  private long[] remSupply;
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
  /** Search nodes after which a search that has not settled pauses for the Lagrangian bound. */
  private static final long PAUSE_AFTER_NODES = 32;
  private long nodeLimit = Long.MAX_VALUE;
  private boolean paused;
  private long rootBound;
  private long[][] remCap;
  private long[][] remCapCredit;
  private int[][] capPositions;
  private boolean[] mandatory;
  private int[] maxOpt;
  private int nFamilies;
  private final boolean ignoreSat;
  private boolean allMandatory;
  private long creditDemand;
  private long countDemand;

  /**
   * Creates a solver.
   *
   * @param p the problem
   * @param budgetNanos time budget (Long.MAX_VALUE for none)
   */
  public ExactSolver(Problem p, long budgetNanos) {
    this(p, budgetNanos, false);
  }

  /**
   * Creates a solver.
   *
   * @param p the problem
   * @param budgetNanos time budget (Long.MAX_VALUE for none)
   * @param ignoreSat drop objective component (1): maximise (applied credit, applied count, counted credit) only,
   *     as a component must when the qualification cannot be satisfied as a whole
   */
  public ExactSolver(Problem p, long budgetNanos, boolean ignoreSat) {
    this.p = p;
    this.ignoreSat = ignoreSat;
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

  /** Whether the root's flow bound was computed (tests: an expired budget stops before it). */
  boolean rootBoundComputed;

  /** Whether the deadline has passed (a budget of 0 is spent at once). */
  private boolean expired() {
    return deadline != Long.MAX_VALUE && System.nanoTime() - deadline >= 0;
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
    mandatory = new boolean[p.nL];
    markMandatory(0);
    allMandatory = true;
    for (int l = 0; l < p.nL; l++) {
      allMandatory &= mandatory[l];
      unmetLeaves += p.demand[l] > 0 ? 1 : 0;
    }
    Arrays.fill(leafSat, true);
    p.evalTree(leafSat, nodeSat);
    rootWhenAllMet = nodeSat[0];
    for (int c = 0; c < p.nC; c++) {
      if (p.options[c].length == 1 && p.capsOf[c].length == 0) {
        apply(c, 0); // forced: the only option and nothing to lose
      }
    }
    if (allMandatory) {
      fixIntoShortLeaves();
    }
    int nb = 0;
    int[] branch = new int[p.nC];
    for (int c = 0; c < p.nC; c++) {
      if (p.options[c].length > 0 && choice[c] < 0) {
        branch[nb++] = c;
      }
    }
    boolean[] split = splitInRootFlow(branch, nb);
    // split credentials first, then by decreasing credit, then by index (a total order: insertion sort)
    for (int x = 1; x < nb; x++) {
      int c = branch[x];
      int y = x - 1;
      while (y >= 0 && before(c, branch[y], split)) {
        branch[y + 1] = branch[y];
        y--;
      }
      branch[y + 1] = c;
    }
    order = Arrays.copyOf(branch, nb);
    int m = order.length;
    int nL = p.nL;
    remSupply = new long[(m + 1) * nL];
    remAll = new long[m + 1];
    remRes = new long[m + 1];
    for (int i = m - 1; i >= 0; i--) {
      int c = order[i];
      System.arraycopy(remSupply, (i + 1) * nL, remSupply, i * nL, nL);
      for (int l : p.elig[c]) {
        remSupply[i * nL + l] += p.countLeaf[l] ? 1 : p.credit[c];
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
      // by decreasing credit: the count-cap bound takes the largest credits still to come
      capPositions[q] = pos.get(q).stream().sorted((a, b) -> {
        int x = Long.compare(p.credit[order[b]], p.credit[order[a]]);
        return x != 0 ? x : Integer.compare(a, b);
      }).mapToInt(Integer::intValue).toArray();
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
    for (int l = 0; l < p.nL; l++) {
      if (p.countLeaf[l]) {
        countDemand += p.demand[l];
      } else {
        creditDemand += p.demand[l];
      }
    }
    maxOpt = new int[p.nC];
    for (int c = 0; c < p.nC; c++) {
      for (int[] o : p.options[c]) {
        maxOpt[c] = Math.max(maxOpt[c], o.length);
      }
    }
    // a greedy dive first: when it reaches the cheap bound, no max-flow is needed at all
    dive();
    long cheap = cheapBound(0);
    if (bestVal >= cheap) {
      rootBound = cheap;
      return bestChoice.clone();
    }
    if (expired()) {
      // the budget is spent before the root bound: the dive's assignment, with the cheap bound, undecided
      rootBound = cheap;
      cut = true;
      return bestChoice.clone();
    }
    rootBound = bound(0);
    rootBoundComputed = true;
    if (bestVal < rootBound && expired()) {
      cut = true;
      return bestChoice.clone();
    }
    if (bestVal < rootBound) {
      improve();
    }
    if (bestVal < rootBound && components(rootBound)[1] > components(bestVal)[1]) {
      // most such audits are settled by a short search; the Lagrangian bound is for those that are not
      nodeLimit = PAUSE_AFTER_NODES;
      dfs(0);
      nodeLimit = Long.MAX_VALUE;
      if (paused) {
        paused = false;
        cut = false;
        rootBound = Math.min(rootBound, lagrangianBound());
        if (bestVal < rootBound) {
          dfs(0);
        }
      }
    } else if (bestVal < rootBound) {
      dfs(0);
    }
    return bestChoice.clone();
  }

  /**
   * A Lagrangian upper bound on the objective at the root, for when whole credits leave the incumbent's applied
   * credit below the flow bound. "A credential serves at most k leaves" (k its largest option) is priced with a
   * multiplier λ_c; the applied credit then splits into one exact knapsack per credit leaf, max over subsets S of
   * min(credit(S), residual demand) − λ(S), solved by a dynamic programme over the credit covered. Every λ ≥ 0 gives
   * an upper bound (caps, count leaves and the tree are dropped, which only relaxes); subgradient steps with Polyak's
   * rule towards the incumbent lower it. Unlike the flow it cannot split a credential, so a leaf that needs 3 more
   * and can only take a 10-credit credential pays for all 10. The satisfied component is 0 when every leaf is
   * mandatory and the credit bound is short of the total credit demand; the count and counted components take their
   * trivial bounds, so the value is a valid bound of the lexicographic objective.
   */
  private long lagrangianBound() {
    long fixedApplied = 0;
    long[] resid = new long[p.nL];
    long dpWork = 0;
    int[] size = new int[p.nL];
    for (int l = 0; l < p.nL; l++) {
      if (!p.countLeaf[l]) {
        fixedApplied += Math.min(prog[l], p.demand[l]);
        resid[l] = Math.max(0, p.demand[l] - prog[l]);
      }
    }
    for (int c : order) {
      for (int l : p.elig[c]) {
        if (!p.countLeaf[l] && resid[l] > 0 && p.credit[c] > 0) {
          size[l]++;
        }
      }
    }
    int[][] eligible = new int[p.nL][];
    for (int l = 0; l < p.nL; l++) {
      eligible[l] = new int[size[l]];
      size[l] = 0;
    }
    for (int c : order) {
      for (int l : p.elig[c]) {
        if (!p.countLeaf[l] && resid[l] > 0 && p.credit[c] > 0) {
          eligible[l][size[l]++] = c;
        }
      }
    }
    for (int l = 0; l < p.nL; l++) {
      dpWork += (resid[l] + 1) * (long) eligible[l].length;
    }
    // a few million table cells in all: the bound pays off on large audits and stays cheap on small ones
    int iterations = (int) Math.min(300, 4_000_000L / Math.max(1, dpWork));
    if (iterations < 20) {
      return Long.MAX_VALUE;
    }
    long target = components(bestVal)[1] - fixedApplied;
    double[] lambda = new double[p.nC];
    int[] used = new int[p.nC];
    double best = Double.POSITIVE_INFINITY;
    double alpha = 1;
    int stale = 0;
    // a leaf's cover depends only on its candidates' prices: kept from the last iteration while none of them moved
    double[][] priced = new double[p.nL][];
    double[] coverValue = new double[p.nL];
    int[][] coverPicked = new int[p.nL][];
    int[] coverSize = new int[p.nL];
    int[] picked = new int[p.nC];
    for (int it = 0; it < iterations && System.nanoTime() < deadline; it++) {
      Arrays.fill(used, 0);
      double a = 0;
      for (int c : order) {
        a += maxOpt[c] * lambda[c];
      }
      for (int l = 0; l < p.nL; l++) {
        int[] e = eligible[l];
        if (resid[l] == 0 || e.length == 0) {
          continue;
        }
        double[] was = priced[l];
        boolean same = was != null;
        for (int j = 0; same && j < e.length; j++) {
          same = was[j] == lambda[e[j]];
        }
        if (!same) {
          if (was == null) {
            was = priced[l] = new double[e.length];
            coverPicked[l] = new int[e.length];
          }
          for (int j = 0; j < e.length; j++) {
            was[j] = lambda[e[j]];
          }
          coverSize[l] = leafCover(e, e.length, (int) resid[l], lambda, coverPicked[l]);
          coverValue[l] = lastCoverValue;
        }
        a += coverValue[l];
        int[] pk = coverPicked[l];
        for (int j = 0; j < coverSize[l]; j++) {
          used[pk[j]]++;
        }
      }
      if (it % 10 == 0) {
        repair(eligible, lambda, false, picked);
        repair(eligible, lambda, true, picked);
        target = Math.max(target, components(bestVal)[1] - fixedApplied);
      }
      if (a < best - 1e-9) {
        best = a;
        stale = 0;
      } else if (++stale >= 10) {
        alpha /= 2;
        stale = 0;
      }
      if (Math.floor(best + 1e-6) <= target || alpha < 1e-3) {
        break;
      }
      double norm = 0;
      for (int c : order) {
        double g = maxOpt[c] - used[c];
        norm += g * g;
      }
      if (norm == 0) {
        break;
      }
      double step = alpha * (a - target) / norm;
      for (int c : order) {
        lambda[c] = Math.max(0, lambda[c] - step * (maxOpt[c] - used[c]));
      }
    }
    if (best == Double.POSITIVE_INFINITY) {
      return Long.MAX_VALUE;
    }
    long creditUb = fixedApplied + (long) Math.floor(best + 1e-6);
    long countUb = 0;
    long countedUb = 0;
    for (int l = 0; l < p.nL; l++) {
      if (p.countLeaf[l]) {
        countUb += p.demand[l];
      }
    }
    for (int c = 0; c < p.nC; c++) {
      if (p.options[c].length > 0) {
        countedUb += p.credit[c];
      }
    }
    long satUb = ignoreSat || allMandatory && creditUb < creditDemand ? 0 : 1;
    return satUb * w3 + creditUb * w2 + Math.min(countUb, w2 / w1 - 1) * w1 + Math.min(countedUb, w1 - 1);
  }

  /**
   * Reduction when every leaf is mandatory: a credit leaf whose whole eligible supply (held plus still free) does not
   * exceed its demand loses nothing by taking any of its free credentials, so a credential that may only serve
   * single leaves, is under no cap and serves no count leaf is fixed to such a leaf (an exchange argument: the leaf
   * gains its full credit, the leaf it leaves loses at most that; satisfaction needs every credential of a leaf whose
   * supply equals its demand). Repeated until nothing changes, as each fix lowers the supply of other leaves.
   */
  private void fixIntoShortLeaves() {
    long[] supply = new long[p.nL];
    boolean[] free = new boolean[p.nC];
    for (int c = 0; c < p.nC; c++) {
      if (p.options[c].length == 0) {
        continue;
      }
      boolean ok = choice[c] < 0 && p.capsOf[c].length == 0 && p.credit[c] > 0;
      for (int[] o : p.options[c]) {
        ok &= o.length == 1 && !p.countLeaf[o[0]];
      }
      free[c] = ok;
      if (choice[c] < 0) {
        for (int l : p.elig[c]) {
          supply[l] += p.credit[c];
        }
      }
    }
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int c = 0; c < p.nC; c++) {
        if (!free[c] || choice[c] >= 0) {
          continue;
        }
        for (int o = 0; o < p.options[c].length; o++) {
          int l = p.options[c][o][0];
          if (prog[l] + supply[l] <= p.demand[l]) {
            apply(c, o);
            for (int e : p.elig[c]) {
              supply[e] -= p.credit[c];
            }
            changed = true;
            break;
          }
        }
      }
    }
  }

  /**
   * Credentials whose credit the divisible relaxation of the credit leaves splits over several leaves: the integrality
   * gap comes from them, so the search branches on them first.
   */
  private boolean[] splitInRootFlow(int[] branch, int nb) {
    boolean[] split = new boolean[p.nC];
    if (nb < 2) {
      return split;
    }
    MaxFlow f = flowNet.reset(2 + p.nC + p.nL);
    int[][] arcs = new int[p.nC][];
    for (int x = 0; x < nb; x++) {
      int c = branch[x];
      arcs[c] = new int[p.elig[c].length];
      f.addArc(0, 2 + c, p.credit[c]);
      for (int j = 0; j < p.elig[c].length; j++) {
        int l = p.elig[c][j];
        arcs[c][j] = p.countLeaf[l] ? -1 : f.addArc(2 + c, 2 + p.nC + l, p.credit[c]);
      }
    }
    for (int l = 0; l < p.nL; l++) {
      if (!p.countLeaf[l] && p.demand[l] > prog[l]) {
        f.addArc(2 + p.nC + l, 1, p.demand[l] - prog[l]);
      }
    }
    f.solve(0, 1);
    for (int x = 0; x < nb; x++) {
      int c = branch[x];
      int used = 0;
      for (int a : arcs[c]) {
        if (a >= 0 && f.flow(a) > 0 && f.flow(a) < p.credit[c]) {
          used = 2;
        } else if (a >= 0 && f.flow(a) > 0) {
          used++;
        }
      }
      split[c] = used > 1;
    }
    return split;
  }

  /** The branching order: split credentials first, then by decreasing credit, then by index. */
  private boolean before(int a, int b, boolean[] split) {
    if (split[a] != split[b]) {
      return split[a];
    }
    if (p.credit[a] != p.credit[b]) {
      return p.credit[a] > p.credit[b];
    }
    return a < b;
  }

  private int[][] credsOfLeaf;
  private boolean[] moved;

  /**
   * Local search on the incumbent: single moves of a credential to another option (or out, to free a cap), and
   * ejection chains (a credential moves, another one moves into a leaf the first one left, up to three moves).
   * Only strict improvements of the objective are kept; it ends at the root bound or a local optimum.
   */
  private void improve() {
    List<List<Integer>> byLeaf = new ArrayList<>();
    for (int l = 0; l < p.nL; l++) {
      byLeaf.add(new ArrayList<>());
    }
    for (int c : order) {
      for (int l : p.elig[c]) {
        byLeaf.get(l).add(c);
      }
    }
    credsOfLeaf = new int[p.nL][];
    for (int l = 0; l < p.nL; l++) {
      credsOfLeaf[l] = byLeaf.get(l).stream().mapToInt(Integer::intValue).toArray();
    }
    moved = new boolean[p.nC];
    for (int c : order) {
      if (bestChoice[c] >= 0) {
        apply(c, bestChoice[c]);
      }
    }
    for (int depth = 2; depth <= 3 && bestVal < rootBound; depth++) {
      boolean improved = true;
      for (int pass = 0; improved && pass < 50 && bestVal < rootBound && System.nanoTime() < deadline; pass++) {
        improved = false;
        for (int c : order) {
          if (tryMoves(c, depth)) {
            improved = true;
            if (bestVal >= rootBound) {
              break;
            }
          }
        }
      }
    }
    for (int i = order.length - 1; i >= 0; i--) {
      if (choice[order[i]] >= 0) {
        undo(order[i]);
      }
    }
  }

  /** Tries to move credential c (then a chain of up to depth-1 more); keeps the state when it improves. */
  private boolean tryMoves(int c, int depth) {
    int old = choice[c];
    int k = p.options[c].length;
    moved[c] = true;
    for (int o = p.capsOf[c].length > 0 ? -1 : 0; o < k; o++) {
      if (o == old || !set(c, o)) {
        continue;
      }
      long v = value();
      if (v > bestVal) {
        bestVal = v;
        bestChoice = choice.clone();
        moved[c] = false;
        return true;
      }
      if (depth > 1 && old >= 0 && chain(p.options[c][old], depth - 1)) {
        moved[c] = false;
        return true;
      }
      set(c, old);
    }
    moved[c] = false;
    return false;
  }

  /** Moves one more credential into one of the vacated leaves; keeps the state when the objective improves. */
  private boolean chain(int[] vacated, int depth) {
    for (int l : vacated) {
      if (prog[l] >= p.demand[l]) {
        continue;
      }
      for (int c : credsOfLeaf[l]) {
        if (moved[c]) {
          continue;
        }
        int old = choice[c];
        moved[c] = true;
        int[][] opts = p.options[c];
        for (int o = 0; o < opts.length; o++) {
          if (o == old || !contains(opts[o], l) || !set(c, o)) {
            continue;
          }
          long v = value();
          if (v > bestVal) {
            bestVal = v;
            bestChoice = choice.clone();
            moved[c] = false;
            return true;
          }
          if (depth > 1 && old >= 0 && chain(opts[old], depth - 1)) {
            moved[c] = false;
            return true;
          }
          set(c, old);
        }
        moved[c] = false;
      }
    }
    return false;
  }

  private static boolean contains(int[] a, int x) {
    for (int y : a) {
      if (y == x) {
        return true;
      }
    }
    return false;
  }

  /** Sets credential c to option o (-1: not counted) when the caps allow it; returns false (unchanged) otherwise. */
  private boolean set(int c, int o) {
    int old = choice[c];
    if (old >= 0) {
      undo(c);
    }
    if (o >= 0) {
      if (!fits(c)) {
        if (old >= 0) {
          apply(c, old);
        }
        return false;
      }
      apply(c, o);
    }
    return true;
  }

  /** The first path of the search (a greedy assignment), recorded as the incumbent; the state is restored. */
  private void dive() {
    for (int i = 0; i < order.length; i++) {
      int c = order[i];
      if (!fits(c)) {
        continue;
      }
      int[][] opts = p.options[c];
      boolean useful = false;
      for (int l : p.elig[c]) {
        if (prog[l] < p.demand[l]) {
          useful = true;
          break;
        }
      }
      apply(c, !useful || opts.length == 1 ? 0 : optionOrder(opts, i)[0]);
    }
    bestVal = value();
    bestChoice = choice.clone();
    for (int i = order.length - 1; i >= 0; i--) {
      if (choice[order[i]] >= 0) {
        undo(order[i]);
      }
    }
  }

  private final KnapsackCover knapsack = new KnapsackCover();

  /**
   * The best knapsack cover of one leaf at the multiplier prices: max over subsets S of min(credit(S), d) − λ(S).
   *
   * @param e the credentials that may serve the leaf
   * @param d the residual demand
   * @param lambda the prices
   * @param picked receives the credentials of the best subset
   * @return its value
   */
  private int leafCover(int[] e, int n, int d, double[] lambda, int[] picked) {
    knapsack.fill(e, n, p.credit, lambda, d);
    int bestT = 0;
    double bestV = 0;
    for (int t = 1; t <= d; t++) {
      double v = t - knapsack.cost(t);
      if (v > bestV) {
        bestV = v;
        bestT = t;
      }
    }
    lastCoverValue = bestV;
    return knapsack.walkBack(e, p.credit, lambda, bestT, picked);
  }

  /** The value of the last {@link #leafCover}. */
  private double lastCoverValue;

  /**
   * An assignment from the multipliers: leaf by leaf, the best cover at the multiplier prices among the credentials
   * still free (and within the caps), then every other credential counted where it fits; kept when it beats the
   * incumbent. The state is restored.
   */
  private void repair(int[][] eligible, double[] lambda, boolean reverse, int[] picked) {
    int[] applied = new int[order.length];
    int nApplied = 0;
    int[] free = new int[p.nC];
    for (int k = 0; k < p.nL; k++) {
      int l = reverse ? p.nL - 1 - k : k;
      long d = p.demand[l] - prog[l];
      if (p.countLeaf[l] || d <= 0) {
        continue;
      }
      int nFree = 0;
      for (int c : eligible[l]) {
        if (choice[c] < 0) {
          free[nFree++] = c;
        }
      }
      int np = leafCover(free, nFree, (int) d, lambda, picked);
      for (int j = 0; j < np; j++) {
        int c = picked[j];
        int o = optionWith(c, l);
        if (o >= 0 && fits(c)) {
          apply(c, o);
          applied[nApplied++] = c;
        }
      }
    }
    for (int c : order) {
      if (choice[c] < 0 && p.options[c].length > 0 && fits(c)) {
        apply(c, 0);
        applied[nApplied++] = c;
      }
    }
    long v = value();
    if (v > bestVal) {
      bestVal = v;
      bestChoice = choice.clone();
    }
    for (int i = nApplied - 1; i >= 0; i--) {
      undo(applied[i]);
    }
  }

  private int optionWith(int c, int l) {
    int[][] opts = p.options[c];
    for (int o = 0; o < opts.length; o++) {
      if (contains(opts[o], l)) {
        return o;
      }
    }
    return -1;
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
      addProgress(l, p.countLeaf[l] ? 1 : p.credit[c]);
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
      addProgress(l, -(p.countLeaf[l] ? 1 : p.credit[c]));
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

  /** Applied credit and count (each leaf capped at its demand) and unmet leaves, kept by {@link #addProgress}. */
  private long appliedCredit;
  private long appliedCount;
  private int unmetLeaves;
  /** Whether the tree is satisfied when every leaf is (false only for a leafless part that can never be met). */
  private boolean rootWhenAllMet;

  /** Changes the progress of leaf l by x, keeping the applied sums and the number of unmet leaves. */
  private void addProgress(int l, long x) {
    long d = p.demand[l];
    long before = prog[l];
    long after = before + x;
    prog[l] = after;
    long delta = Math.min(after, d) - Math.min(before, d);
    if (p.countLeaf[l]) {
      appliedCount += delta;
    } else {
      appliedCredit += delta;
    }
    if (before < d && after >= d) {
      unmetLeaves--;
    } else if (before >= d && after < d) {
      unmetLeaves++;
    }
  }

  /**
   * The objective of the current state. When every leaf is mandatory the tree is met exactly when no leaf is unmet
   * (each unmet leaf fails every ancestor, as all of them need all their children), so the tree is not evaluated.
   */
  private long value() {
    boolean tree;
    if (allMandatory) {
      tree = unmetLeaves == 0 && rootWhenAllMet;
    } else {
      for (int l = 0; l < p.nL; l++) {
        leafSat[l] = prog[l] >= p.demand[l];
      }
      p.evalTree(leafSat, nodeSat);
      tree = nodeSat[0];
    }
    boolean sat = tree && counted >= p.totalMin && res >= p.resMin;
    return (sat && !ignoreSat ? w3 : 0) + appliedCredit * w2 + appliedCount * w1 + counted;
  }

  private long bound(int i) {
    return bound(i, Long.MAX_VALUE);
  }

  /**
   * The bound at position i; when it exceeds {@code beat}, possibly a smaller value that still exceeds it (the search
   * asks only whether the bound beats the incumbent, and a feasible flow found on the way can already say so).
   */
  private long bound(int i, long beat) {
    long ub = cheapBound(i);
    if (ub <= bestVal) {
      return ub;
    }
    boolean sat = lastCheapSat;
    long cb = lastCreditBound;
    // stronger: divisible max-flow relaxations of the progress terms and of the mandatory leaves
    long fcn = progressFlow(i, true, false, Long.MAX_VALUE);
    long rest = fcn * w1 + counted + cb;
    // the least credit flow with which the bound (satisfied term aside) exceeds beat
    long enough = beat == Long.MAX_VALUE ? Long.MAX_VALUE : beat < rest ? 0 : (beat - rest) / w2 + 1;
    long fcr = progressFlow(i, false, false, enough);
    if (fcr >= enough) {
      return fcr * w2 + rest; // a lower estimate of the bound, above beat
    }
    if (allMandatory) {
      sat &= fcr == creditDemand && fcn == countDemand; // the mandatory relaxation is the progress relaxation
    } else if (sat && !ignoreSat && bestVal < w3 && !mandatoryFeasible(i)) {
      sat = false;
    }
    return (sat && !ignoreSat ? w3 : 0) + fcr * w2 + rest;
  }

  private boolean lastCheapSat;
  private long lastCreditBound;

  /** Each leaf receives every remaining eligible credential, combined through the tree. */
  private long cheapBound(int i) {
    long cr = 0;
    long cn = 0;
    for (int l = 0; l < p.nL; l++) {
      long opt = prog[l] + remSupply[i * p.nL + l];
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
    lastCheapSat = sat;
    lastCreditBound = cb;
    return (sat && !ignoreSat ? w3 : 0) + cr * w2 + cn * w1 + counted + cb;
  }

  /** One network reused by every {@link #progressFlow} call (the arrays grow once, then stay). */
  private final MaxFlow flowNet = new MaxFlow(2);

  /** Residual demand per leaf not yet covered by the greedy initial flow of {@link #progressFlow}. */
  private long[] flowLeft;

  /**
   * Current capped progress plus the max-flow of the remaining credentials into residual demands. A greedy flow is
   * laid first (each credential in order into its leaves while they need it); when that already reaches
   * {@code enough} its value is returned (at most the maximum), otherwise Dinic completes it to the maximum.
   */
  private long progressFlow(int i, boolean cnt, boolean onlyMandatory) {
    return progressFlow(i, cnt, onlyMandatory, Long.MAX_VALUE);
  }

  private long progressFlow(int i, boolean cnt, boolean onlyMandatory, long enough) {
    long base = 0;
    long want = 0;
    if (flowLeft == null) {
      flowLeft = new long[p.nL];
    }
    long[] left = flowLeft;
    for (int l = 0; l < p.nL; l++) {
      left[l] = 0;
      if (p.countLeaf[l] == cnt) {
        base += Math.min(prog[l], p.demand[l]);
        if (prog[l] < p.demand[l] && (!onlyMandatory || mandatory[l])) {
          want += p.demand[l] - prog[l];
          left[l] = p.demand[l] - prog[l];
        }
      }
    }
    if (want == 0) {
      return base;
    }
    int m = order.length - i;
    MaxFlow f = flowNet.reset(2 + m + p.nL);
    long pushed = 0;
    for (int x = i; x < order.length; x++) {
      int c = order[x];
      long unit = cnt ? 1 : p.credit[c];
      long supply = unit * maxOpt[c];
      long out = 0;
      boolean any = false;
      for (int l : p.elig[c]) {
        if (p.countLeaf[l] == cnt && prog[l] < p.demand[l] && (!onlyMandatory || mandatory[l])) {
          long a = Math.min(Math.min(unit, supply - out), left[l]);
          f.addArc(2 + x - i, 2 + m + l, unit, a);
          left[l] -= a;
          out += a;
          any = true;
        }
      }
      if (any) {
        f.addArc(0, 2 + x - i, supply, out);
        pushed += out;
      }
    }
    if (base + pushed >= enough) {
      return base + pushed;
    }
    for (int l = 0; l < p.nL; l++) {
      if (p.countLeaf[l] == cnt && prog[l] < p.demand[l] && (!onlyMandatory || mandatory[l])) {
        long d = p.demand[l] - prog[l];
        f.addArc(2 + m + l, 1, d, d - left[l]);
      }
    }
    return base + pushed + f.solve(0, 1);
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
    dfs(i, false);
  }

  /**
   * The search from position i. {@code sameBound}: the bound here equals the parent's, which beat the incumbent (the
   * parent counted a credential whose leaves were all met, without caps: the flow network loses an isolated vertex,
   * and what the credential adds to the counted credit it takes from the credit still to come), so it is not
   * computed again.
   */
  private void dfs(int i, boolean sameBound) {
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
      if (bestVal >= rootBound) {
        return; // the incumbent reaches the root bound: proven optimal
      }
      if (System.nanoTime() > deadline) {
        cut = true;
      } else if (nodes > nodeLimit) {
        cut = true;
        paused = true;
      }
      if (cut || !sameBound && bound(i, bestVal) <= bestVal) {
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
        dfs(i + 1, !useful && p.nK == 0 && bestChoice != null);
        undo(c);
      } else {
        int[] ord = optionOrder(opts, i);
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

  /**
   * Options touching more unmet leaves first; among those, the option whose most constrained unmet leaf has the least
   * slack (supply still to come minus what it misses) first, so the first dive is a good greedy assignment.
   */
  private int[] optionOrder(int[][] opts, int i) {
    int k = opts.length;
    long[] key = new long[k];
    long[] key2 = new long[k];
    Integer[] idx = new Integer[k];
    for (int o = 0; o < k; o++) {
      idx[o] = o;
      long score = 0;
      long slack = Long.MAX_VALUE;
      for (int l : opts[o]) {
        long miss = p.demand[l] - prog[l];
        if (miss > 0) {
          score++;
          long later = remSupply[(i + 1) * p.nL + l];
          slack = Math.min(slack, later - miss);
        }
      }
      key[o] = score;
      key2[o] = slack;
    }
    Arrays.sort(idx, (a, b) -> {
      int x = Long.compare(key[b], key[a]);
      if (x != 0) {
        return x;
      }
      x = Long.compare(key2[a], key2[b]);
      return x != 0 ? x : Integer.compare(a, b);
    });
    int[] out = new int[k];
    for (int o = 0; o < k; o++) {
      out[o] = idx[o];
    }
    return out;
  }
}
