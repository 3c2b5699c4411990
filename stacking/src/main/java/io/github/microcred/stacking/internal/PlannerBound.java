package io.github.microcred.stacking.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The planner's LP lower bound: the linear relaxation of "cover every mandatory credit requirement", solved exactly as
 * a min-cost flow. A requirement is mandatory when every node above it needs all of its children ({@code allOf}, or
 * an {@code nOf} with n equal to its number of children). In the relaxation a catalogue item may be bought in part, at
 * its price per unit of credit, and its credit split over the requirements it is eligible for; held credentials are
 * free. Caps, prerequisites, count requirements, optional branches and the total and residence minimums are dropped,
 * which can only lower the optimum, so the value is a valid lower bound on the cost of every complete plan. An item
 * that may serve k requirements at once (double-counting whitelists) gets k times its credit at 1/k of its unit price,
 * which again only relaxes.
 *
 * <p>Arcs that no optimal flow needs are dropped before solving: when the items eligible for requirement l alone,
 * taken cheapest first, reach its demand at unit price θ, an optimal flow sends nothing dearer than θ into l (an
 * unused cheaper single-requirement unit could replace it). With a 10,000-item catalogue this leaves a few items per
 * requirement.
 */
final class PlannerBound {
  private static final double EPS = 1e-9;
  private final Problem p;
  private final int base;
  private final double[] price;
  private final int[] leaves;
  private final int[] leafPos;
  private final int[][] arcsOf;
  private final int[] mult;

  /**
   * Prepares the bound.
   *
   * @param p the problem over held credentials (indices below {@code base}) and catalogue items
   * @param base index of the first catalogue item
   * @param price price per catalogue item
   */
  PlannerBound(Problem p, int base, double[] price) {
    this.p = p;
    this.base = base;
    this.price = price;
    boolean[] mandatory = new boolean[p.nL];
    mark(0, mandatory);
    List<Integer> ls = new ArrayList<>();
    leafPos = new int[p.nL];
    Arrays.fill(leafPos, -1);
    for (int l = 0; l < p.nL; l++) {
      if (mandatory[l] && !p.countLeaf[l] && p.demand[l] > 0) {
        leafPos[l] = ls.size();
        ls.add(l);
      }
    }
    leaves = ls.stream().mapToInt(Integer::intValue).toArray();
    arcsOf = new int[p.nC][];
    mult = new int[p.nC];
    for (int c = 0; c < p.nC; c++) {
      BitSet s = new BitSet();
      int k = 0;
      for (int[] o : p.options[c]) {
        int inO = 0;
        for (int l : o) {
          if (leafPos[l] >= 0) {
            s.set(leafPos[l]);
            inO++;
          }
        }
        k = Math.max(k, inO);
      }
      arcsOf[c] = s.stream().toArray();
      mult[c] = Math.max(1, k);
    }
  }

  private void mark(int v, boolean[] mandatory) {
    if (p.leafOfNode[v] >= 0) {
      mandatory[p.leafOfNode[v]] = true;
      return;
    }
    if (p.need[v] < p.kids[v].length) {
      return;
    }
    for (int k : p.kids[v]) {
      mark(k, mandatory);
    }
  }

  /** Whether there is anything to bound. */
  boolean active() {
    return leaves.length > 0;
  }

  private double unitPrice(int c, BitSet chosen) {
    if (c < base || chosen.get(c - base)) {
      return 0;
    }
    return price[c - base] / ((double) p.credit[c] * mult[c]);
  }

  /**
   * The bound for a search node.
   *
   * @param chosen items already in the plan (free)
   * @param excluded items left out of the plan
   * @return the least further cost of covering the mandatory credit requirements; +∞ when they cannot be covered
   */
  double bound(BitSet chosen, BitSet excluded) {
    int nq = leaves.length;
    if (nq == 0) {
      return 0;
    }
    // thresholds from the single-requirement units
    List<List<double[]>> single = new ArrayList<>();
    for (int q = 0; q < nq; q++) {
      single.add(new ArrayList<>());
    }
    for (int c = 0; c < p.nC; c++) {
      if (arcsOf[c].length == 1 && usable(c, excluded)) {
        single.get(arcsOf[c][0]).add(new double[] {unitPrice(c, chosen), p.credit[c] * (double) mult[c]});
      }
    }
    double[] theta = new double[nq];
    for (int q = 0; q < nq; q++) {
      List<double[]> u = single.get(q);
      u.sort((a, b) -> Double.compare(a[0], b[0]));
      double cum = 0;
      theta[q] = Double.POSITIVE_INFINITY;
      for (double[] x : u) {
        cum += x[1];
        if (cum >= p.demand[leaves[q]]) {
          theta[q] = x[0];
          break;
        }
      }
    }
    // graph: 0 = source, 1..nq = requirements, nq + 1 = sink, then the credentials kept
    Graph g = new Graph(nq + 2);
    int sink = nq + 1;
    long demand = 0;
    for (int q = 0; q < nq; q++) {
      g.arc(1 + q, sink, p.demand[leaves[q]], 0);
      demand += p.demand[leaves[q]];
    }
    for (int c = 0; c < p.nC; c++) {
      if (arcsOf[c].length == 0 || !usable(c, excluded)) {
        continue;
      }
      double up = unitPrice(c, chosen);
      int node = -1;
      for (int q : arcsOf[c]) {
        if (up > theta[q] + EPS) {
          continue;
        }
        if (node < 0) {
          node = g.node();
          g.arc(0, node, p.credit[c] * mult[c], up);
        }
        g.arc(node, 1 + q, p.credit[c], 0);
      }
    }
    return g.minCost(0, sink, demand);
  }

  /** Plans built from the multipliers while {@link #lagrangian} ran (catalogue item indices), in no order. */
  final List<BitSet> primal = new ArrayList<>();

  /**
   * The Lagrangian bound at the root: the constraint "a credential serves at most k requirements" is priced with a
   * multiplier per credential, which splits the covering problem into one exact min-cost knapsack cover per
   * requirement (a small dynamic programme over the credit covered); every multiplier vector gives a valid lower
   * bound, L(λ) = Σ_c min(0, π_c − k_c·λ_c) + Σ_q cover_q(λ), and subgradient steps (Polyak's rule towards the best
   * plan's cost) raise it. Unlike the LP, it pays for whole items: covering 3 missing credits with a 10-credit item
   * costs the whole item.
   *
   * @param upper the cost of the best plan known (the Polyak target)
   * @param deadline {@link System#nanoTime()} after which to stop
   * @return the best bound found; +∞ when the mandatory requirements cannot be covered; 0 when there is nothing to
   *     bound or the requirements are too large for the dynamic programme
   */
  double lagrangian(double upper, long deadline) {
    int nq = leaves.length;
    if (nq == 0) {
      return 0;
    }
    // candidates per requirement: every credential eligible for several, and the cheapest ceil(d / w) of each credit
    // size w among those eligible for this one alone (a minimal cover never holds more of one size)
    List<List<Integer>> cand = new ArrayList<>();
    long work = 0;
    boolean[] multi = new boolean[p.nC];
    for (int q = 0; q < nq; q++) {
      long d = p.demand[leaves[q]];
      Map<Long, List<Integer>> bySize = new HashMap<>();
      List<Integer> c2 = new ArrayList<>();
      for (int c = 0; c < p.nC; c++) {
        if (p.credit[c] <= 0 || Arrays.binarySearch(arcsOf[c], q) < 0) {
          continue;
        }
        if (arcsOf[c].length > 1) {
          multi[c] = true;
          c2.add(c);
        } else {
          bySize.computeIfAbsent(p.credit[c], w -> new ArrayList<>()).add(c);
        }
      }
      for (var e : bySize.entrySet()) {
        List<Integer> xs = e.getValue();
        xs.sort((a, b) -> Double.compare(pi(a), pi(b)));
        long keep = (d + e.getKey() - 1) / e.getKey();
        c2.addAll(xs.subList(0, (int) Math.min(keep, xs.size())));
      }
      cand.add(c2);
      work += (long) c2.size() * (d + 1);
    }
    if (work > 4_000_000L) {
      return 0;
    }
    double[] lambda = new double[p.nC];
    for (int c = 0; c < p.nC; c++) {
      lambda[c] = pi(c) / mult[c];
    }
    int[] used = new int[p.nC];
    double best = 0;
    double alpha = 2;
    int stale = 0;
    for (int it = 0; it < 400 && System.nanoTime() < deadline; it++) {
      Arrays.fill(used, 0);
      double l = 0;
      for (int c = 0; c < p.nC; c++) {
        if (multi[c]) {
          l += Math.min(0, pi(c) - mult[c] * lambda[c]);
        }
      }
      for (int q = 0; q < nq && l < Double.POSITIVE_INFINITY; q++) {
        l += cover(cand.get(q), p.demand[leaves[q]], lambda, used);
      }
      if (l == Double.POSITIVE_INFINITY) {
        return l;
      }
      if (it % 10 == 0) {
        upper = Math.min(upper, repair(cand, lambda, false));
        upper = Math.min(upper, repair(cand, lambda, true));
      }
      if (l > best + 1e-9) {
        best = l;
        stale = 0;
      } else if (++stale >= 15) {
        alpha /= 2;
        stale = 0;
      }
      if (best >= upper - 1e-9 || alpha < 1e-4) {
        break;
      }
      double norm = 0;
      double[] g = new double[p.nC];
      for (int c = 0; c < p.nC; c++) {
        if (multi[c]) {
          int x = pi(c) - mult[c] * lambda[c] <= 0 ? 1 : 0;
          g[c] = used[c] - mult[c] * x;
          norm += g[c] * g[c];
        }
      }
      if (norm == 0) {
        break; // the relaxed solution is feasible for the coupling constraints: the bound cannot rise further
      }
      double step = alpha * (Math.max(upper, best * 1.01 + 1) - l) / norm;
      for (int c = 0; c < p.nC; c++) {
        if (multi[c]) {
          lambda[c] = Math.max(0, lambda[c] + step * g[c]);
        }
      }
    }
    repair(cand, lambda, false);
    repair(cand, lambda, true);
    return best;
  }

  /**
   * A plan from the multipliers: requirement by requirement, the min-cost cover at the multiplier prices among the
   * credentials no earlier requirement took; held credentials are priced at their multiplier (what they are worth
   * elsewhere), catalogue items at their price. Kept in {@link #primal} when every requirement is covered.
   */
  private double repair(List<List<Integer>> cand, double[] lambda, boolean reverse) {
    int nq = leaves.length;
    boolean[] taken = new boolean[p.nC];
    BitSet items = new BitSet();
    double[] pr = new double[p.nC];
    for (int k = 0; k < nq; k++) {
      int q = reverse ? nq - 1 - k : k;
      List<Integer> free = new ArrayList<>();
      for (int c : cand.get(q)) {
        if (!taken[c]) {
          free.add(c);
        }
      }
      for (int c : free) {
        pr[c] = c < base ? lambda[c] : Math.max(lambda[c], pi(c));
      }
      List<Integer> chosen = new ArrayList<>();
      if (coverSet(free, p.demand[leaves[q]], pr, chosen) == Double.POSITIVE_INFINITY) {
        return Double.POSITIVE_INFINITY;
      }
      for (int c : chosen) {
        taken[c] = true;
        if (c >= base) {
          items.set(c - base);
        }
      }
    }
    primal.add(items);
    double cost = 0;
    for (int i = items.nextSetBit(0); i >= 0; i = items.nextSetBit(i + 1)) {
      cost += price[i];
    }
    return cost;
  }

  private double pi(int c) {
    return c < base ? 0 : price[c - base];
  }

  private final KnapsackCover knapsack = new KnapsackCover();

  /** Min-cost cover of demand d from the candidates at prices λ; counts the multi-requirement credentials used. */
  private double cover(List<Integer> cand, long d, double[] lambda, int[] used) {
    List<Integer> chosen = new ArrayList<>();
    double v = coverSet(cand, d, lambda, chosen);
    for (int c : chosen) {
      if (arcsOf[c].length > 1) {
        used[c]++;
      }
    }
    return v;
  }

  private double coverSet(List<Integer> cand, long d, double[] lambda, List<Integer> chosen) {
    knapsack.fill(cand, p.credit, lambda, (int) d);
    double total = knapsack.cost((int) d);
    if (total != Double.POSITIVE_INFINITY) {
      knapsack.walkBack(cand, p.credit, lambda, (int) d, chosen);
    }
    return total;
  }

  private boolean usable(int c, BitSet excluded) {
    return p.credit[c] > 0 && (c < base || !excluded.get(c - base));
  }

  /** A small residual graph with successive shortest paths (Bellman-Ford queue; costs are non-negative). */
  static final class Graph {
    int n;
    int[] head;
    int[] next = new int[64];
    int[] to = new int[64];
    long[] cap = new long[64];
    double[] cost = new double[64];
    int m;

    Graph(int n) {
      this.n = n;
      head = new int[Math.max(16, n * 2)];
      Arrays.fill(head, -1);
    }

    int node() {
      if (n == head.length) {
        int old = head.length;
        head = Arrays.copyOf(head, old * 2);
        Arrays.fill(head, old, head.length, -1);
      }
      return n++;
    }

    void arc(int u, int v, long c, double w) {
      add(u, v, c, w);
      add(v, u, 0, -w);
    }

    private void add(int u, int v, long c, double w) {
      if (m == to.length) {
        int k = m * 2;
        next = Arrays.copyOf(next, k);
        to = Arrays.copyOf(to, k);
        cap = Arrays.copyOf(cap, k);
        cost = Arrays.copyOf(cost, k);
      }
      to[m] = v;
      cap[m] = c;
      cost[m] = w;
      next[m] = head[u];
      head[u] = m++;
    }

    /** Least cost of sending {@code need} units from s to t; +∞ when the graph cannot carry them. */
    double minCost(int s, int t, long need) {
      double total = 0;
      double[] dist = new double[n];
      int[] via = new int[n];
      boolean[] inQ = new boolean[n];
      int[] queue = new int[n + 1];
      while (need > 0) {
        Arrays.fill(dist, Double.POSITIVE_INFINITY);
        Arrays.fill(via, -1);
        dist[s] = 0;
        int qh = 0;
        int qt = 0;
        queue[qt++] = s;
        inQ[s] = true;
        while (qh != qt) {
          int u = queue[qh];
          qh = qh + 1 == queue.length ? 0 : qh + 1;
          inQ[u] = false;
          for (int e = head[u]; e >= 0; e = next[e]) {
            if (cap[e] > 0 && dist[u] + cost[e] < dist[to[e]] - EPS) {
              dist[to[e]] = dist[u] + cost[e];
              via[to[e]] = e;
              if (!inQ[to[e]]) {
                inQ[to[e]] = true;
                queue[qt] = to[e];
                qt = qt + 1 == queue.length ? 0 : qt + 1;
              }
            }
          }
        }
        if (via[t] < 0) {
          return Double.POSITIVE_INFINITY;
        }
        long f = need;
        for (int v = t; v != s; v = to[via[v] ^ 1]) {
          f = Math.min(f, cap[via[v]]);
        }
        for (int v = t; v != s; v = to[via[v] ^ 1]) {
          cap[via[v]] -= f;
          cap[via[v] ^ 1] += f;
        }
        total += f * dist[t];
        need -= f;
      }
      return total;
    }
  }
}
