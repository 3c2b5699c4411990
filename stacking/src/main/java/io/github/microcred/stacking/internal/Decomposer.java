package io.github.microcred.stacking.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Exact audit by independent components. The requirement tree is cut into <em>units</em>: the leaves and the
 * "choice" nodes (anyOf / nOf with n below the number of children) reached from the root through nodes that need all
 * of their children, so the tree is satisfied exactly when every unit is. Credentials and leaves are joined when a
 * credential is eligible for a leaf, when they sit in one unit, when they share a cap, and (if the rules have a total
 * credit or residence minimum) all capped credentials together. The components so formed share nothing, so:
 *
 * <ul>
 *   <li>an uncapped credential eligible for some leaf counts in every optimal assignment (adding it to any eligible
 *       leaf never lowers a term of the objective), so the counted credit outside the capped component is fixed,
 *       and the total and residence minimums are checked against it or passed, as residual minimums, to the capped
 *       component;
 *   <li>when every component can be satisfied, the optimum is the sum of the component optima under the full
 *       lexicographic objective; when one cannot, no assignment satisfies the qualification and the optimum is the
 *       sum of the component optima of (applied credit, applied count, counted credit) — a component that has a
 *       choice unit or a residual minimum is then solved again without the satisfaction term.
 * </ul>
 * Each component is solved by {@link ExactSolver}; the lexicographic objective is additive over components, so the
 * combination is optimal. A component without a choice unit, caps or whitelists whose leaves are all count leaves is
 * a bipartite b-matching and is solved by max-flow instead.
 */
public final class Decomposer {
  private final Problem p;
  private final long deadline;
  private boolean cut;
  private int components;
  private int matched;
  private boolean unsatProven;
  private long[] compCredit;
  private long[] compCount;
  private boolean[] compCut;

  /**
   * Creates a decomposer.
   *
   * @param p the problem
   * @param budgetNanos time budget (Long.MAX_VALUE for none)
   */
  public Decomposer(Problem p, long budgetNanos) {
    this.p = p;
    long now = System.nanoTime();
    this.deadline = budgetNanos == Long.MAX_VALUE ? Long.MAX_VALUE : now + budgetNanos;
  }

  /**
   * Whether the time budget cut some component's search.
   *
   * @return true when the result is not proven optimal
   */
  public boolean wasCut() {
    return cut;
  }

  /**
   * Whether no assignment satisfies the qualification, proven: by an exhausted search or a bound of some component,
   * or by the fixed part (after the last {@link #solve()}).
   *
   * @return true when proven unsatisfiable
   */
  public boolean unsatisfiableProven() {
    return unsatProven;
  }

  /**
   * An upper bound on the applied credit (scaled), the sum over components of their bounds; exact when not cut.
   *
   * @return the bound
   */
  public long creditBound() {
    long s = 0;
    for (long x : compCredit) {
      s += x;
    }
    return s;
  }

  /**
   * An upper bound on the applied count, the sum over components of their bounds; exact when not cut.
   *
   * @return the bound
   */
  public long countBound() {
    long s = 0;
    for (long x : compCount) {
      s += x;
    }
    return s;
  }

  /**
   * Number of components solved (after the last {@link #solve()}).
   *
   * @return count
   */
  public int components() {
    return components;
  }

  /**
   * Number of components solved by b-matching.
   *
   * @return count
   */
  public int matchedComponents() {
    return matched;
  }

  /**
   * Solves.
   *
   * @return option index per credential, or -1 when it does not count
   */
  public int[] solve() {
    int nC = p.nC;
    int nL = p.nL;
    // units
    List<Integer> units = new ArrayList<>();
    collectUnits(0, units);
    int[] unitOfLeaf = new int[nL];
    Arrays.fill(unitOfLeaf, -1);
    boolean[] choiceUnit = new boolean[units.size()];
    List<Integer> leaflessUnits = new ArrayList<>();
    for (int u = 0; u < units.size(); u++) {
      int v = units.get(u);
      choiceUnit[u] = p.leafOfNode[v] < 0;
      int before = countMarked(unitOfLeaf);
      markLeaves(v, u, unitOfLeaf);
      if (countMarked(unitOfLeaf) == before) {
        leaflessUnits.add(u);
      }
    }
    // union-find: credentials 0..nC-1, leaves nC..nC+nL-1
    int[] uf = new int[nC + nL];
    for (int i = 0; i < uf.length; i++) {
      uf[i] = i;
    }
    for (int c = 0; c < nC; c++) {
      if (p.options[c].length == 0) {
        continue;
      }
      for (int l : p.elig[c]) {
        union(uf, c, nC + l);
      }
    }
    int[] firstLeafOfUnit = new int[units.size()];
    Arrays.fill(firstLeafOfUnit, -1);
    for (int l = 0; l < nL; l++) {
      int u = unitOfLeaf[l];
      if (firstLeafOfUnit[u] < 0) {
        firstLeafOfUnit[u] = l;
      } else {
        union(uf, nC + firstLeafOfUnit[u], nC + l);
      }
    }
    boolean[] capped = new boolean[nC];
    int firstCapped = -1;
    boolean totals = p.totalMin > 0 || p.resMin > 0;
    for (int c = 0; c < nC; c++) {
      if (p.options[c].length == 0 || p.capsOf[c].length == 0) {
        continue;
      }
      capped[c] = true;
      if (totals) {
        if (firstCapped < 0) {
          firstCapped = c;
        } else {
          union(uf, firstCapped, c);
        }
      }
    }
    int[] firstOfCap = new int[p.nK];
    Arrays.fill(firstOfCap, -1);
    for (int c = 0; c < nC; c++) {
      if (!capped[c]) {
        continue;
      }
      for (int q : p.capsOf[c]) {
        if (firstOfCap[q] < 0) {
          firstOfCap[q] = c;
        } else {
          union(uf, firstOfCap[q], c);
        }
      }
    }
    // components
    int[] compOf = new int[nC + nL];
    Arrays.fill(compOf, -1);
    List<List<Integer>> compCreds = new ArrayList<>();
    List<List<Integer>> compLeaves = new ArrayList<>();
    for (int x = 0; x < nC + nL; x++) {
      if (x < nC && p.options[x].length == 0) {
        continue;
      }
      int r = find(uf, x);
      if (compOf[r] < 0) {
        compOf[r] = compCreds.size();
        compCreds.add(new ArrayList<>());
        compLeaves.add(new ArrayList<>());
      }
      compOf[x] = compOf[r];
      if (x < nC) {
        compCreds.get(compOf[r]).add(x);
      } else {
        compLeaves.get(compOf[r]).add(x - nC);
      }
    }
    int nComp = compCreds.size();
    components = nComp;
    int[] choice = new int[nC];
    Arrays.fill(choice, -1);
    compCredit = new long[Math.max(1, nComp)];
    compCount = new long[Math.max(1, nComp)];
    compCut = new boolean[Math.max(1, nComp)];
    if (nComp == 1 && leaflessUnits.isEmpty()) {
      // one component: the problem itself
      ExactSolver s = new ExactSolver(p, remaining());
      int[] ch = s.solve();
      cut = s.wasCut();
      long[] ub = s.components(s.upperBound());
      compCredit[0] = ub[1];
      compCount[0] = ub[2];
      unsatProven = !satisfied(p, ch) && (!cut || ub[0] == 0);
      return ch;
    }
    // the fixed part: counted credit outside the capped component
    int cappedComp = firstCapped >= 0 && totals ? compOf[firstCapped] : -1;
    long fixedCounted = 0;
    long fixedRes = 0;
    for (int c = 0; c < nC; c++) {
      if (p.options[c].length > 0 && (cappedComp < 0 ? !capped[c] : compOf[c] != cappedComp)) {
        fixedCounted += p.credit[c];
        fixedRes += p.resident[c] ? p.credit[c] : 0;
      }
    }
    boolean possible = true;
    if (cappedComp < 0 && totals) {
      // no capped credential, or caps without totals: every eligible credential counts
      possible = fixedCounted >= p.totalMin && fixedRes >= p.resMin;
    }
    if (!leaflessUnits.isEmpty()) {
      boolean[] leafSat = new boolean[nL];
      boolean[] nodeSat = new boolean[p.nN];
      p.evalTree(leafSat, nodeSat);
      for (int u : leaflessUnits) {
        possible &= nodeSat[units.get(u)];
      }
    }
    // unit lists per component
    List<List<Integer>> compUnits = new ArrayList<>();
    boolean[] hasChoice = new boolean[nComp];
    for (int k = 0; k < nComp; k++) {
      compUnits.add(new ArrayList<>());
    }
    for (int u = 0; u < units.size(); u++) {
      if (firstLeafOfUnit[u] < 0) {
        continue;
      }
      int k = compOf[nC + firstLeafOfUnit[u]];
      compUnits.get(k).add(units.get(u));
      hasChoice[k] |= choiceUnit[u];
    }
    Problem[] subs = new Problem[nComp];
    boolean[] satC = new boolean[nComp];
    boolean allSat = possible;
    unsatProven = !possible;
    for (int k = 0; k < nComp; k++) {
      if (expired()) {
        // the budget ran out between components: the rest stay unassigned, bounded by their demands
        cut = true;
        compCut[k] = true;
        for (int l : compLeaves.get(k)) {
          if (p.countLeaf[l]) {
            compCount[k] += p.demand[l];
          } else {
            compCredit[k] += p.demand[l];
          }
        }
        allSat = false;
        continue;
      }
      long tMin = k == cappedComp ? Math.max(0, p.totalMin - fixedCounted) : 0;
      long rMin = k == cappedComp ? Math.max(0, p.resMin - fixedRes) : 0;
      subs[k] = sub(compCreds.get(k), compLeaves.get(k), compUnits.get(k), tMin, rMin);
      satC[k] = solveInto(k, subs[k], compCreds.get(k), !possible, hasChoice[k], choice);
      allSat &= satC[k];
      if (!satC[k] && !possible) {
        continue;
      }
      // a component whose search ended (or whose bound rules it out) without satisfying it proves the whole
      // qualification unsatisfiable: every component must be satisfied
      unsatProven |= !satC[k] && (!compCut[k] || !lastSatPossible);
    }
    if (!allSat && possible && unsatProven) {
      // no assignment satisfies the qualification: components re-optimise without the satisfaction term
      for (int k = 0; k < nComp && !expired(); k++) {
        boolean resid = subs[k].totalMin > 0 || subs[k].resMin > 0;
        if (satC[k] && (hasChoice[k] || resid)) {
          solveInto(k, subs[k], compCreds.get(k), true, hasChoice[k], choice);
        }
      }
    }
    return choice;
  }

  private long remaining() {
    return deadline == Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(0, deadline - System.nanoTime());
  }

  private boolean expired() {
    return deadline != Long.MAX_VALUE && System.nanoTime() - deadline >= 0;
  }

  /** Components solved by a search or a matching (tests: an expired budget solves none). */
  int solvedComponents;

  /** Whether the last component solved may still be satisfiable by its bound. */
  private boolean lastSatPossible;

  /**
   * Solves one component, writes its choices and its bounds, returns whether the component is satisfied.
   */
  private boolean solveInto(int k, Problem s, List<Integer> creds, boolean ignoreSat, boolean hasChoice,
      int[] choice) {
    solvedComponents++;
    int[] ch;
    if (s.nK == 0 && allForced(s)) {
      // every credential has one option and nothing to lose by taking it: the search would apply them all and stop
      // at once (its bound is then the assignment's value), so the assignment is taken directly
      ch = new int[s.nC];
      long[] o = objective(s, ch);
      compCredit[k] = o[1];
      compCount[k] = o[2];
      compCut[k] = false;
      lastSatPossible = ignoreSat || o[0] == 1;
    } else if (!hasChoice && s.nK == 0 && matchable(s)) {
      ch = match(s);
      matched++;
      long[] o = objective(s, ch);
      compCredit[k] = o[1];
      compCount[k] = o[2];
      compCut[k] = false;
      lastSatPossible = o[0] == 1;
    } else {
      ExactSolver es = new ExactSolver(s, remaining(), ignoreSat);
      ch = es.solve();
      cut |= es.wasCut();
      long[] ub = es.components(es.upperBound());
      compCredit[k] = ub[1];
      compCount[k] = ub[2];
      compCut[k] = es.wasCut();
      lastSatPossible = ignoreSat || ub[0] == 1;
    }
    for (int i = 0; i < creds.size(); i++) {
      choice[creds.get(i)] = ch[i];
    }
    return satisfied(s, ch);
  }

  /** Whether every credential has exactly one option. */
  private static boolean allForced(Problem s) {
    for (int c = 0; c < s.nC; c++) {
      if (s.options[c].length != 1) {
        return false;
      }
    }
    return true;
  }

  /** Count leaves only, each credential one leaf at a time (no whitelist). */
  private static boolean matchable(Problem s) {
    for (int l = 0; l < s.nL; l++) {
      if (!s.countLeaf[l]) {
        return false;
      }
    }
    for (int c = 0; c < s.nC; c++) {
      for (int[] o : s.options[c]) {
        if (o.length > 1) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * b-matching of whole credentials to count leaves (max-flow, unit capacities); the unmatched credentials count
   * toward their first eligible leaf. Optimal: every term of the objective is maximised at once.
   */
  private static int[] match(Problem s) {
    MaxFlow f = new MaxFlow(2 + s.nC + s.nL);
    int[][] arcs = new int[s.nC][];
    for (int c = 0; c < s.nC; c++) {
      f.addArc(0, 2 + c, 1);
      arcs[c] = new int[s.options[c].length];
      for (int o = 0; o < s.options[c].length; o++) {
        arcs[c][o] = f.addArc(2 + c, 2 + s.nC + s.options[c][o][0], 1);
      }
    }
    for (int l = 0; l < s.nL; l++) {
      f.addArc(2 + s.nC + l, 1, s.demand[l]);
    }
    f.solve(0, 1);
    int[] ch = new int[s.nC];
    for (int c = 0; c < s.nC; c++) {
      ch[c] = 0;
      for (int o = 0; o < arcs[c].length; o++) {
        if (f.flow(arcs[c][o]) > 0) {
          ch[c] = o;
        }
      }
    }
    return ch;
  }

  /**
   * The objective of an assignment, as {satisfied (0/1), applied credit, applied count, counted credit}.
   *
   * @param s the problem
   * @param ch option index per credential, or -1
   * @return the lexicographic objective vector
   */
  public static long[] objective(Problem s, int[] ch) {
    long[] prog = new long[s.nL];
    long counted = 0;
    for (int c = 0; c < s.nC; c++) {
      if (ch[c] < 0) {
        continue;
      }
      for (int l : s.options[c][ch[c]]) {
        prog[l] += s.countLeaf[l] ? 1 : s.credit[c];
      }
      counted += s.credit[c];
    }
    long cr = 0;
    long cn = 0;
    for (int l = 0; l < s.nL; l++) {
      long a = Math.min(prog[l], s.demand[l]);
      if (s.countLeaf[l]) {
        cn += a;
      } else {
        cr += a;
      }
    }
    return new long[] {satisfied(s, ch) ? 1 : 0, cr, cn, counted};
  }

  static boolean satisfied(Problem s, int[] ch) {
    long[] prog = new long[s.nL];
    long counted = 0;
    long res = 0;
    for (int c = 0; c < s.nC; c++) {
      if (ch[c] < 0) {
        continue;
      }
      for (int l : s.options[c][ch[c]]) {
        prog[l] += s.countLeaf[l] ? 1 : s.credit[c];
      }
      counted += s.credit[c];
      res += s.resident[c] ? s.credit[c] : 0;
    }
    boolean[] leafSat = new boolean[s.nL];
    for (int l = 0; l < s.nL; l++) {
      leafSat[l] = prog[l] >= s.demand[l];
    }
    boolean[] nodeSat = new boolean[s.nN];
    s.evalTree(leafSat, nodeSat);
    return nodeSat[0] && counted >= s.totalMin && res >= s.resMin;
  }

  /** The sub-problem of one component: its credentials, leaves, units under a new all-of root, and caps. */
  private Problem sub(List<Integer> creds, List<Integer> leaves, List<Integer> unitRoots, long totalMin,
      long resMin) {
    Problem s = new Problem();
    int[] leafMap = new int[p.nL];
    Arrays.fill(leafMap, -1);
    s.nL = leaves.size();
    s.demand = new long[s.nL];
    s.countLeaf = new boolean[s.nL];
    for (int i = 0; i < s.nL; i++) {
      int l = leaves.get(i);
      leafMap[l] = i;
      s.demand[i] = p.demand[l];
      s.countLeaf[i] = p.countLeaf[l];
    }
    s.nC = creds.size();
    s.credit = new long[s.nC];
    s.resident = new boolean[s.nC];
    s.elig = new int[s.nC][];
    s.options = new int[s.nC][][];
    s.pairOk = new boolean[s.nC][][];
    int[] capMap = new int[p.nK];
    Arrays.fill(capMap, -1);
    List<Integer> caps = new ArrayList<>();
    for (int i = 0; i < s.nC; i++) {
      int c = creds.get(i);
      s.credit[i] = p.credit[c];
      s.resident[i] = p.resident[c];
      s.elig[i] = remap(p.elig[c], leafMap);
      s.options[i] = new int[p.options[c].length][];
      for (int o = 0; o < p.options[c].length; o++) {
        s.options[i][o] = remap(p.options[c][o], leafMap);
      }
      if (p.pairOk[c] != null) {
        boolean[][] m = new boolean[s.nL][s.nL];
        for (int a = 0; a < s.nL; a++) {
          for (int b = 0; b < s.nL; b++) {
            m[a][b] = p.pairOk[c][leaves.get(a)][leaves.get(b)];
          }
        }
        s.pairOk[i] = m;
      }
      for (int q : p.capsOf[c]) {
        if (capMap[q] < 0) {
          capMap[q] = caps.size();
          caps.add(q);
        }
      }
    }
    s.nK = caps.size();
    s.capMax = new long[s.nK];
    s.capCount = new boolean[s.nK];
    s.capFamily = new int[s.nK];
    for (int i = 0; i < s.nK; i++) {
      s.capMax[i] = p.capMax[caps.get(i)];
      s.capCount[i] = p.capCount[caps.get(i)];
      s.capFamily[i] = p.capFamily[caps.get(i)];
    }
    s.capsOf = new int[s.nC][];
    for (int i = 0; i < s.nC; i++) {
      s.capsOf[i] = remap(p.capsOf[creds.get(i)], capMap);
    }
    s.totalMin = totalMin;
    s.resMin = resMin;
    // tree: a new all-of root over copies of the unit subtrees
    List<int[]> kids = new ArrayList<>();
    List<Integer> need = new ArrayList<>();
    List<Integer> leafOf = new ArrayList<>();
    kids.add(null);
    need.add(unitRoots.size());
    leafOf.add(-1);
    int[] rootKids = new int[unitRoots.size()];
    for (int u = 0; u < unitRoots.size(); u++) {
      rootKids[u] = copy(unitRoots.get(u), kids, need, leafOf, leafMap);
    }
    kids.set(0, rootKids);
    s.nN = kids.size();
    s.kids = kids.toArray(new int[0][]);
    s.need = need.stream().mapToInt(Integer::intValue).toArray();
    s.leafOfNode = leafOf.stream().mapToInt(Integer::intValue).toArray();
    return s;
  }

  private int copy(int v, List<int[]> kids, List<Integer> need, List<Integer> leafOf, int[] leafMap) {
    int idx = kids.size();
    kids.add(null);
    need.add(p.need[v]);
    leafOf.add(p.leafOfNode[v] >= 0 ? leafMap[p.leafOfNode[v]] : -1);
    int[] k = new int[p.kids[v].length];
    for (int i = 0; i < k.length; i++) {
      k[i] = copy(p.kids[v][i], kids, need, leafOf, leafMap);
    }
    kids.set(idx, k);
    return idx;
  }

  private static int[] remap(int[] a, int[] map) {
    int[] out = new int[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = map[a[i]];
    }
    return out;
  }

  private void collectUnits(int v, List<Integer> out) {
    if (p.leafOfNode[v] >= 0 || p.need[v] < p.kids[v].length) {
      out.add(v);
      return;
    }
    for (int ch : p.kids[v]) {
      collectUnits(ch, out);
    }
  }

  private void markLeaves(int v, int u, int[] unitOfLeaf) {
    if (p.leafOfNode[v] >= 0) {
      unitOfLeaf[p.leafOfNode[v]] = u;
    }
    for (int ch : p.kids[v]) {
      markLeaves(ch, u, unitOfLeaf);
    }
  }

  private static int countMarked(int[] a) {
    int n = 0;
    for (int x : a) {
      if (x >= 0) {
        n++;
      }
    }
    return n;
  }

  private static int find(int[] uf, int x) {
    while (uf[x] != x) {
      uf[x] = uf[uf[x]];
      x = uf[x];
    }
    return x;
  }

  private static void union(int[] uf, int a, int b) {
    int ra = find(uf, a);
    int rb = find(uf, b);
    if (ra != rb) {
      uf[Math.max(ra, rb)] = Math.min(ra, rb);
    }
  }
}
