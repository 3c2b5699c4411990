package io.github.microcred.stacking.internal;

import io.github.microcred.stacking.AuditResult;
import io.github.microcred.stacking.Catalogue;
import io.github.microcred.stacking.CatalogueItem;
import io.github.microcred.stacking.Credential;
import io.github.microcred.stacking.Exclusion;
import io.github.microcred.stacking.Plan;
import io.github.microcred.stacking.Rules;
import io.github.microcred.stacking.StackingException;
import io.github.microcred.stacking.Transcript;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Pathway planner. Lower bounds, all valid for every complete plan: a combinatorial one (per requirement fractional
 * knapsack combined through the tree), the LP relaxation of covering the mandatory credit requirements solved as a
 * min-cost flow, and a Lagrangian bound that prices "a credential serves one requirement" and solves one exact
 * knapsack cover per requirement ({@link PlannerBound}). Plans: the covers the Lagrangian multipliers suggest,
 * completed greedily until the exact audit is satisfied, and a greedy from scratch (best useful credit per unit of
 * objective); then branch and bound over the useful items until the time budget runs out, unless the bound already
 * proves the best plan optimal (bound above best minus the smallest price step). Prerequisites are added with an
 * item and ordered topologically in the plan.
 */
public final class Planner {
  private static final double EPS = 1e-9;
  /** Time budget of one exact audit of a candidate plan, in nanoseconds. */
  private static final long AUDIT_BUDGET = 20_000_000L;
  /** The largest share of the budget reserved for the final steps, in nanoseconds. */
  static final long RESERVE_MAX = 500_000_000L;
  private final Rules rules;
  private final Transcript transcript;
  private final LocalDate asOf;
  private final CreditConverter conv;
  private final List<CatalogueItem> items = new ArrayList<>();
  private final double[] price;
  private final Compiled all;
  private final FlatTree tree;
  private final int base;
  /** When the search stops: the budget less the reserve for the final steps. */
  private final long deadline;
  /** The end of the budget: nothing runs after it. */
  private final long hard;
  /** The audit that accepted {@link #bestSet} (always SATISFIED). */
  private AuditResult bestAudit;
  /** The audit that made the last {@link #greedy} return its set. */
  private AuditResult lastSatisfied;
  private final Map<String, Integer> itemIndex = new HashMap<>();
  private final Set<String> held = new HashSet<>();
  /** Why each credential of the transcript that does not count on the date does not: its exclusion, by id. */
  private final Map<String, Exclusion> stale = new HashMap<>();
  private final int[][] leafItems;
  private final int[] useful;
  private final PlannerBound flowBound;
  private final Plan.Objective objective;
  /** See {@link #priceStep()}. */
  private final double unit;
  /**
   * Whether double arithmetic on the prices decides every comparison exactly: at most 9 decimals, and every sum of
   * prices within half a price step of its double value. Otherwise the plan is never called optimal.
   */
  private final boolean exactPrices;
  private int maxOpt = 1;
  private double best = Double.POSITIVE_INFINITY;
  private BitSet bestSet;
  private boolean cut;

  /**
   * Prepares a planner.
   *
   * @param rules rules
   * @param transcript transcript
   * @param catalogue validated catalogue
   * @param objective objective
   * @param asOf date
   * @param budgetNanos time budget
   * @param conv conversions
   * @throws StackingException on invalid input
   */
  public Planner(Rules rules, Transcript transcript, Catalogue catalogue, Plan.Objective objective, LocalDate asOf,
      long budgetNanos, CreditConverter conv) throws StackingException {
    this.rules = rules;
    this.objective = objective;
    this.transcript = transcript;
    this.asOf = asOf;
    this.conv = conv;
    long now = System.nanoTime();
    // a tenth of the budget (at most half a second) is reserved for the final steps: the search stops before it
    this.hard = budgetNanos >= Long.MAX_VALUE / 2 ? Long.MAX_VALUE : now + budgetNanos;
    this.deadline = hard == Long.MAX_VALUE ? Long.MAX_VALUE : hard - Math.min(budgetNanos / 10, RESERVE_MAX);
    // held: what counts on asOf, by the audit's rule (a future-dated, expired or out-of-window credential is not held:
    // its catalogue item stays on offer and it meets no prerequisite; the plan's audit excludes it with its reason)
    // when the plan re-earns one, that is a renewal: the plan says so and its audit counts the new one in its place
    for (Credential c : transcript.credentials()) {
      Exclusion why = Compiled.notValid(c, asOf, rules.constraints());
      if (why == null) {
        held.add(c.id());
      } else {
        stale.put(c.id(), why);
      }
    }
    for (CatalogueItem it : catalogue.items()) {
      if (!held.contains(it.id())) {
        itemIndex.put(it.id(), items.size());
        items.add(it);
      }
    }
    price = new double[items.size()];
    for (int i = 0; i < items.size(); i++) {
      CatalogueItem it = items.get(i);
      price[i] = switch (objective) {
        case COST -> it.cost().doubleValue();
        case HOURS -> it.hours().doubleValue();
        case COUNT -> 1.0;
      };
    }
    List<Credential> creds = new ArrayList<>(transcript.credentials());
    for (CatalogueItem it : items) {
      creds.add(fresh(it.credential()));
    }
    tree = Compiled.tree(rules);
    all = Compiled.of(tree, rules, creds, asOf, conv);
    base = all.creds.size() - items.size();
    Problem p = all.p;
    List<List<Integer>> li = new ArrayList<>();
    for (int l = 0; l < p.nL; l++) {
      li.add(new ArrayList<>());
    }
    useful = new int[items.size()];
    for (int c = 0; c < p.nC; c++) {
      Integer ii = itemIndex.get(all.creds.get(c).id());
      for (int[] o : p.options[c]) {
        maxOpt = Math.max(maxOpt, o.length);
      }
      if (ii == null) {
        continue;
      }
      for (int l : p.elig[c]) {
        li.get(l).add(c);
        useful[ii]++;
      }
    }
    flowBound = new PlannerBound(p, base, price);
    unit = priceStep();
    exactPrices = pricesExact();
    leafItems = new int[p.nL][];
    for (int l = 0; l < p.nL; l++) {
      List<Integer> x = li.get(l);
      final int ll = l;
      x.sort((a, b) -> Double.compare(ratio(a, ll), ratio(b, ll)));
      leafItems[l] = x.stream().mapToInt(Integer::intValue).toArray();
    }
  }

  private Credential fresh(Credential c) {
    return new Credential(c.id(), c.credits(), c.level(), c.issuer(), c.provider(), c.origin(),
        c.kind(), c.subjects(), c.competencies(), c.tags(), asOf, Optional.empty(), c.creditBearing(),
        c.assessed());
  }

  private double priceOfCred(int c) {
    Integer ii = itemIndex.get(all.creds.get(c).id());
    return ii == null ? 0 : price[ii];
  }

  private double ratio(int c, int l) {
    double gain = all.p.countLeaf[l] ? 1 : all.p.credit[c];
    return gain <= 0 ? Double.POSITIVE_INFINITY : priceOfCred(c) / gain;
  }

  /**
   * The root lower bound alone (combinatorial, LP and Lagrangian), for tests that check it against brute force.
   *
   * @return a lower bound on the cost of every complete plan (+∞ when none exists)
   */
  public double rootLowerBound() {
    double lb = lowerBound(new BitSet(), new BitSet());
    return flowBound.active() && Double.isFinite(lb) ? withLagrangian(lb, deadline) : lb;
  }

  /**
   * The bound raised by the Lagrangian one, less a relative 1e-9 for floating-point rounding so that it stays a valid
   * lower bound.
   */
  private double withLagrangian(double lb, long until) {
    return Math.max(lb, flowBound.lagrangian(upperEstimate(), until) * (1 - 1e-9));
  }

  /**
   * Runs the planner.
   *
   * @return the plan
   * @throws StackingException on an undefined conversion
   */
  public Plan run() throws StackingException {
    BitSet none = new BitSet();
    double rootLb = lowerBound(new BitSet(), none);
    AuditResult a0 = audit(new BitSet(), hard);
    if (a0 == null) {
      a0 = Auditor.undecided(tree, rules, asOf, AuditResult.Mode.EXACT, "planning", null);
    }
    if (a0.satisfied()) {
      return new Plan(true, List.of(), List.of(), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, true, a0);
    }
    if (flowBound.active()) {
      // Lagrangian bound and the plans its multipliers suggest (a quarter of the budget at most)
      long until = System.nanoTime() + Math.max(0, (deadline - System.nanoTime()) / 4);
      rootLb = withLagrangian(rootLb, Math.min(deadline, until));
      List<BitSet> cands = new ArrayList<>(flowBound.primal);
      cands.sort((x, y) -> Double.compare(cost(x), cost(y)));
      BitSet prev = null;
      for (BitSet c : cands) {
        if (c.equals(prev) || cost(c) >= best - EPS) {
          continue;
        }
        prev = c;
        // a candidate covers every mandatory requirement by construction: give its audit more time to find that
        auditBudget = 5 * AUDIT_BUDGET;
        BitSet start = withPrerequisites(c);
        // completed greedily when the exact audit is not yet satisfied
        BitSet done = start == null ? null : greedy(start);
        auditBudget = AUDIT_BUDGET;
        if (done != null && cost(done) < best - EPS) {
          best = cost(done);
          bestSet = done;
          bestAudit = lastSatisfied;
        }
        if (System.nanoTime() > deadline) {
          break;
        }
      }
    }
    if (bestSet == null || best > rootLb + unit - EPS) {
      BitSet greedy = greedy(new BitSet());
      if (greedy != null && cost(greedy) < best - EPS) {
        best = cost(greedy);
        bestSet = greedy;
        bestAudit = lastSatisfied;
      }
    }
    if (bestSet != null) {
      dropRedundant();
    }
    boolean proven = bestSet != null && rootLb > best - unit + EPS * Math.max(1, best);
    // branch and bound over the useful items, cheapest ratio first
    Integer[] cand = new Integer[items.size()];
    int n = 0;
    for (int i = 0; i < items.size(); i++) {
      if (useful[i] > 0) {
        cand[n++] = i;
      }
    }
    Integer[] cs = Arrays.copyOf(cand, n);
    double[] key = new double[items.size()];
    for (int i = 0; i < items.size(); i++) {
      key[i] = price[i] / Math.max(1e-12, all.p.credit[base + i] + 1e-12);
    }
    Arrays.sort(cs, (x, y) -> {
      int c = Double.compare(key[x], key[y]);
      return c != 0 ? c : Integer.compare(x, y);
    });
    int[] order = Arrays.stream(cs).mapToInt(Integer::intValue).toArray();
    if (Double.isFinite(rootLb) && !proven) {
      search(order, 0, new BitSet(), new BitSet(), 0.0);
    }
    boolean complete = bestSet != null;
    boolean optimal = exactPrices && (proven || !cut);
    BitSet chosen = complete ? bestSet : new BitSet();
    // the plan's audit is the one that accepted it (SATISFIED, its witness checked), so complete holds exactly when
    // the audit is SATISFIED and no audit runs after the search
    AuditResult fin = complete ? bestAudit : a0;
    BigDecimal value = exactCost(chosen);
    BigDecimal lb;
    if (!complete) {
      lb = BigDecimal.ZERO;
    } else if (optimal) {
      lb = value;
    } else {
      // less a relative 1e-9: a double bound stays below the exact optimum when the prices are not exact in doubles
      lb = BigDecimal.valueOf(Math.min(rootLb, best) * (exactPrices ? 1 : 1 - 1e-9)).setScale(6,
          RoundingMode.FLOOR);
    }
    BigDecimal gap = !complete || value.signum() == 0 ? BigDecimal.ZERO
        : value.subtract(lb).divide(value, 6, RoundingMode.CEILING).max(BigDecimal.ZERO);
    List<String> ordered = order(chosen);
    List<Exclusion> renewals = new ArrayList<>();
    for (String id : ordered) {
      if (stale.containsKey(id)) {
        renewals.add(stale.get(id));
      }
    }
    return new Plan(complete, ordered, renewals, value, lb, gap, optimal || !complete && !cut, fin);
  }

  private void search(int[] order, int idx, BitSet chosen, BitSet excluded, double cost) throws StackingException {
    if (cut) {
      return;
    }
    if (System.nanoTime() > deadline) {
      cut = true;
      return;
    }
    double lb = lowerBound(chosen, excluded);
    if (cost + lb >= best - EPS) {
      return;
    }
    AuditResult a = lb <= EPS ? audit(chosen) : null;
    if (a != null && a.satisfied()) {
      best = cost;
      bestSet = (BitSet) chosen.clone();
      bestAudit = a;
      return;
    }
    if (idx == order.length) {
      return;
    }
    int i = order[idx];
    if (chosen.get(i) || excluded.get(i)) {
      search(order, idx + 1, chosen, excluded, cost);
      return;
    }
    BitSet closure = missing(single(i), chosen);
    if (closure != null && !closure.intersects(excluded)) {
      BitSet c2 = (BitSet) chosen.clone();
      c2.or(closure);
      search(order, idx + 1, c2, excluded, cost + cost(closure));
    }
    excluded.set(i);
    search(order, idx + 1, chosen, excluded, cost);
    excluded.clear(i);
  }

  /**
   * What must be added for the seeds to be in the plan with all their prerequisites: the seeds not in {@code have},
   * and every prerequisite, transitively, neither held nor in {@code have} (an item in {@code have} is taken as
   * complete already).
   *
   * @return the items to add, or null when a prerequisite is not in the catalogue
   */
  private BitSet missing(BitSet seeds, BitSet have) {
    BitSet add = new BitSet();
    ArrayDeque<Integer> work = new ArrayDeque<>();
    for (int i = seeds.nextSetBit(0); i >= 0; i = seeds.nextSetBit(i + 1)) {
      if (!have.get(i)) {
        add.set(i);
      }
      work.push(i);
    }
    while (!work.isEmpty()) {
      for (String pre : items.get(work.pop()).prerequisites()) {
        if (held.contains(pre)) {
          continue;
        }
        Integer j = itemIndex.get(pre);
        if (j == null) {
          return null;
        }
        if (!have.get(j) && !add.get(j)) {
          add.set(j);
          work.push(j);
        }
      }
    }
    return add;
  }

  private static BitSet single(int i) {
    BitSet b = new BitSet();
    b.set(i);
    return b;
  }

  /**
   * The smallest difference between two plan costs: 10^-s for prices with at most s decimals. A lower bound above
   * {@code best - unit} proves {@code best} optimal.
   */
  private double priceStep() {
    return Math.pow(10, -Math.min(decimals(), 9));
  }

  private int decimals() {
    int s = 0;
    for (int i = 0; i < items.size(); i++) {
      s = Math.max(s, exactPrice(i).stripTrailingZeros().scale());
    }
    return s;
  }

  /** The objective's exact value of item {@code i}. */
  private BigDecimal exactPrice(int i) {
    CatalogueItem it = items.get(i);
    return switch (objective) {
      case COST -> it.cost();
      case HOURS -> it.hours();
      case COUNT -> BigDecimal.ONE;
    };
  }

  /**
   * At most 9 decimals and (n + 1) × Σ price × 10^s below 2^51: each of the n roundings in a double sum errs by at
   * most 2^-53 of the total, so every sum is within half a step 10^-s of its exact value and the search's comparisons
   * (EPS 1e-9 at most one step) decide as exact arithmetic would.
   */
  private boolean pricesExact() {
    int s = decimals();
    if (s > 9) {
      return false;
    }
    BigDecimal total = BigDecimal.ZERO;
    for (int i = 0; i < items.size(); i++) {
      total = total.add(exactPrice(i));
    }
    return total.movePointRight(s).multiply(BigDecimal.valueOf(items.size() + 1L))
        .compareTo(BigDecimal.valueOf(1L << 51)) < 0;
  }

  /**
   * An upper estimate of the optimum for the Lagrangian's step rule: the best plan's cost, else every useful item's
   * price; at least 1.
   */
  private double upperEstimate() {
    double s = 0;
    for (int i = 0; i < items.size(); i++) {
      if (useful[i] > 0) {
        s += price[i];
      }
    }
    return Math.max(1, Math.min(s, Double.isFinite(best) ? best : s));
  }

  /**
   * Removes from the best plan, dearest first, every item whose removal leaves the exact audit satisfied (and that no
   * other item of the plan needs as a prerequisite); covers assembled requirement by requirement often carry one.
   */
  private void dropRedundant() throws StackingException {
    Integer[] in = bestSet.stream().boxed().toArray(Integer[]::new);
    Arrays.sort(in, (x, y) -> Double.compare(price[y], price[x]));
    for (int i : in) {
      if (System.nanoTime() > deadline) {
        return;
      }
      if (price[i] <= 0 || neededAsPrerequisite(i)) {
        continue;
      }
      bestSet.clear(i);
      AuditResult a = audit(bestSet);
      if (a != null && a.satisfied()) {
        best -= price[i];
        bestAudit = a;
      } else {
        bestSet.set(i);
      }
    }
  }

  private boolean neededAsPrerequisite(int i) {
    String id = items.get(i).id();
    for (int j = bestSet.nextSetBit(0); j >= 0; j = bestSet.nextSetBit(j + 1)) {
      if (j != i && items.get(j).prerequisites().contains(id)) {
        return true;
      }
    }
    return false;
  }

  /** The set with every missing prerequisite of its items added, or null when one is unavailable. */
  private BitSet withPrerequisites(BitSet s) {
    BitSet add = missing(s, s);
    if (add == null) {
      return null;
    }
    add.or(s);
    return add;
  }

  private BitSet greedy(BitSet start) throws StackingException {
    BitSet chosen = (BitSet) start.clone();
    Problem p = all.p;
    for (int round = 0; round <= items.size(); round++) {
      if (System.nanoTime() > deadline) {
        cut = true;
        return null;
      }
      AuditResult a = audit(chosen);
      if (a == null) {
        return null;
      }
      if (a.satisfied()) {
        lastSatisfied = a;
        return chosen;
      }
      long[] missing = new long[p.nL];
      for (int l = 0; l < p.nL; l++) {
        String path = all.tree.nodes.get(all.tree.leaves.get(l)).path;
        var st = a.requirement(path).orElseThrow();
        missing[l] = p.countLeaf[l] ? st.missing().longValue() : all.scaled(st.missing(), RoundingMode.CEILING);
      }
      long totalMissing = Math.max(0, p.totalMin - all.scaled(a.countedCredits(), RoundingMode.FLOOR));
      int bestI = -1;
      double bestScore = 0;
      BitSet bestClosure = null;
      for (int i = 0; i < items.size(); i++) {
        if (chosen.get(i) || useful[i] == 0) {
          continue;
        }
        int c = base + i;
        double gain = 0;
        for (int l : p.elig[c]) {
          if (missing[l] > 0) {
            gain += p.countLeaf[l] ? Math.max(1, p.credit[c]) : Math.min(p.credit[c], missing[l]);
          }
        }
        gain += Math.min(p.credit[c], totalMissing);
        if (gain <= 0) {
          continue;
        }
        BitSet cl = missing(single(i), chosen);
        if (cl == null) {
          continue;
        }
        double score = gain / (cost(cl) + 1e-9);
        if (score > bestScore) {
          bestScore = score;
          bestI = i;
          bestClosure = cl;
        }
      }
      if (bestI < 0) {
        return null;
      }
      chosen.or(bestClosure);
    }
    return null;
  }

  private double lowerBound(BitSet chosen, BitSet excluded) {
    Problem p = all.p;
    double[] leafLb = new double[p.nL];
    long[] haveArr = new long[p.nL];
    for (int c = 0; c < base; c++) {
      for (int l : p.elig[c]) {
        haveArr[l] += p.countLeaf[l] ? 1 : p.credit[c];
      }
    }
    for (int i = chosen.nextSetBit(0); i >= 0; i = chosen.nextSetBit(i + 1)) {
      for (int l : p.elig[base + i]) {
        haveArr[l] += p.countLeaf[l] ? 1 : p.credit[base + i];
      }
    }
    for (int l = 0; l < p.nL; l++) {
      long need = p.demand[l] - haveArr[l];
      double lb = 0;
      if (need > 0) {
        for (int c : leafItems[l]) {
          int i = c - base;
          if (chosen.get(i) || excluded.get(i)) {
            continue;
          }
          long g = p.countLeaf[l] ? 1 : p.credit[c];
          if (g <= 0) {
            continue;
          }
          if (g >= need) {
            lb += price[i] * need / g;
            need = 0;
            break;
          }
          lb += price[i];
          need -= g;
        }
        if (need > 0) {
          lb = Double.POSITIVE_INFINITY;
        }
      }
      leafLb[l] = lb;
    }
    double tree = node(0, leafLb) / maxOpt;
    double total = creditMinimum(p.totalMin, chosen, excluded, false);
    double res = creditMinimum(p.resMin, chosen, excluded, true);
    double lb = Math.max(tree, Math.max(total, res));
    if (flowBound.active()) {
      // the LP bound, less a relative 1e-9 for floating-point rounding so that it stays a valid lower bound
      lb = Math.max(lb, flowBound.bound(chosen, excluded) * (1 - 1e-9));
    }
    return lb;
  }

  private double creditMinimum(long min, BitSet chosen, BitSet excluded, boolean residentOnly) {
    Problem p = all.p;
    if (min <= 0) {
      return 0;
    }
    long have = 0;
    List<Integer> pool = new ArrayList<>();
    for (int c = 0; c < p.nC; c++) {
      if (p.options[c].length == 0 || residentOnly && !p.resident[c]) {
        continue;
      }
      if (isFree(c, chosen)) {
        have += p.credit[c];
      } else if (!excluded.get(c - base)) {
        pool.add(c);
      }
    }
    long need = min - have;
    if (need <= 0) {
      return 0;
    }
    pool.sort((a, b) -> Double.compare(price[a - base] / Math.max(1, p.credit[a]),
        price[b - base] / Math.max(1, p.credit[b])));
    double lb = 0;
    for (int c : pool) {
      long g = p.credit[c];
      if (g <= 0) {
        continue;
      }
      if (g >= need) {
        return lb + price[c - base] * need / g;
      }
      lb += price[c - base];
      need -= g;
    }
    return Double.POSITIVE_INFINITY;
  }

  private boolean isFree(int c, BitSet chosen) {
    return c < base || chosen.get(c - base);
  }

  private double node(int v, double[] leafLb) {
    Problem p = all.p;
    if (p.leafOfNode[v] >= 0) {
      return leafLb[p.leafOfNode[v]];
    }
    int k = p.kids[v].length;
    double[] ch = new double[k];
    for (int i = 0; i < k; i++) {
      ch[i] = node(p.kids[v][i], leafLb);
    }
    Arrays.sort(ch);
    double s = 0;
    for (int i = 0; i < p.need[v]; i++) {
      s += ch[i];
    }
    return s;
  }

  private double cost(BitSet s) {
    double c = 0;
    for (int i = s.nextSetBit(0); i >= 0; i = s.nextSetBit(i + 1)) {
      c += price[i];
    }
    return c;
  }

  private BigDecimal exactCost(BitSet s) {
    BigDecimal c = BigDecimal.ZERO;
    for (int i = s.nextSetBit(0); i >= 0; i = s.nextSetBit(i + 1)) {
      c = c.add(exactPrice(i));
    }
    return Amounts.norm(c);
  }

  private long auditBudget = AUDIT_BUDGET;

  /** An audit of the transcript plus the items, by the search deadline; null when no time is left. */
  private AuditResult audit(BitSet chosen) throws StackingException {
    return audit(chosen, deadline);
  }

  /**
   * An audit of the transcript plus the items, within {@code auditBudget} and by {@code until}; null when no time is
   * left. An audit that is not decided marks the search as cut: a plan it might have accepted was not.
   */
  private AuditResult audit(BitSet chosen, long until) throws StackingException {
    long now = System.nanoTime();
    if (until != Long.MAX_VALUE && now - until >= 0) {
      cut = true;
      return null;
    }
    // a renewed credential replaces the held copy that does not count: one credential per id, as in a transcript
    Set<String> renewed = new HashSet<>();
    for (int i = chosen.nextSetBit(0); i >= 0; i = chosen.nextSetBit(i + 1)) {
      if (stale.containsKey(items.get(i).id())) {
        renewed.add(items.get(i).id());
      }
    }
    List<Credential> creds = new ArrayList<>();
    for (Credential c : transcript.credentials()) {
      if (!renewed.contains(c.id())) {
        creds.add(c);
      }
    }
    for (int i = chosen.nextSetBit(0); i >= 0; i = chosen.nextSetBit(i + 1)) {
      creds.add(fresh(items.get(i).credential()));
    }
    // a plan is only accepted when an assignment satisfying it is found, so a short budget per audit can cost plan
    // quality but never correctness: the planner's time goes to bounds and search, not to proving infeasibility
    // each audit gets its share: at least auditBudget, more when much time is left (an undecided audit costs the
    // plan its optimality proof)
    long end = until == Long.MAX_VALUE ? Long.MAX_VALUE
        : Math.min(until, now + Math.max(auditBudget, (until - now) / 20));
    AuditResult r;
    try {
      r = Auditor.exact(Compiled.of(tree, rules, creds, asOf, conv, end), asOf, end);
    } catch (BudgetExceeded e) {
      cut = true;
      return null;
    }
    if (r.status() == AuditResult.Status.UNDECIDED) {
      cut = true;
    }
    return r;
  }

  private List<String> order(BitSet chosen) {
    // Kahn's algorithm with the smallest id first among the ready items
    Set<String> ids = new HashSet<>();
    for (int i = chosen.nextSetBit(0); i >= 0; i = chosen.nextSetBit(i + 1)) {
      ids.add(items.get(i).id());
    }
    List<String> out = new ArrayList<>();
    TreeSet<String> remaining = new TreeSet<>(ids);
    while (!remaining.isEmpty()) {
      String next = null;
      for (String id : remaining) {
        boolean ready = true;
        for (String pre : items.get(itemIndex.get(id)).prerequisites()) {
          if (remaining.contains(pre)) {
            ready = false;
            break;
          }
        }
        if (ready) {
          next = id;
          break;
        }
      }
      if (next == null) {
        next = remaining.first();
      }
      out.add(next);
      remaining.remove(next);
    }
    return out;
  }
}
