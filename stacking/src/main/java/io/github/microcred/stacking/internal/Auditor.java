package io.github.microcred.stacking.internal;

import io.github.microcred.core.Issue;
import io.github.microcred.stacking.Assignment;
import io.github.microcred.stacking.AuditResult;
import io.github.microcred.stacking.Credential;
import io.github.microcred.stacking.Exclusion;
import io.github.microcred.stacking.Requirement;
import io.github.microcred.stacking.RequirementStatus;
import io.github.microcred.stacking.Rules;
import io.github.microcred.stacking.StackingIssueCode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Runs the exact or divisible audit on a compiled problem and explains the outcome. */
public final class Auditor {
  private Auditor() {}

  /**
   * Exact audit.
   *
   * @param k compiled problem
   * @param asOf audit date
   * @param deadline {@link System#nanoTime()} by which to stop (Long.MAX_VALUE for none)
   * @return the result
   */
  public static AuditResult exact(Compiled k, LocalDate asOf, long deadline) {
    Problem p = k.p;
    long budgetNanos = deadline == Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(0, deadline - System.nanoTime());
    Decomposer s = new Decomposer(p, budgetNanos);
    int[] choice = s.solve();
    long[] prog = new long[p.nL];
    long[] capUse = new long[p.nK];
    long counted = 0;
    long res = 0;
    List<Assignment> as = new ArrayList<>();
    for (int c = 0; c < p.nC; c++) {
      if (choice[c] < 0) {
        continue;
      }
      for (int l : p.options[c][choice[c]]) {
        prog[l] += p.countLeaf[l] ? 1 : p.credit[c];
        as.add(new Assignment(k.creds.get(c).id(), k.tree.nodes.get(k.tree.leaves.get(l)).path,
            k.converted.get(c)));
      }
      for (int q : p.capsOf[c]) {
        capUse[q] += p.capCount[q] ? 1 : p.credit[c];
      }
      counted += p.credit[c];
      res += p.resident[c] ? p.credit[c] : 0;
    }
    List<Exclusion> ex = upfront(k);
    for (int c = 0; c < p.nC; c++) {
      if (choice[c] >= 0 || p.options[c].length == 0) {
        continue;
      }
      List<String> caps = new ArrayList<>();
      for (int q : p.capsOf[c]) {
        if (capUse[q] + (p.capCount[q] ? 1 : p.credit[c]) > p.capMax[q]) {
          caps.add(k.capNames.get(q));
        }
      }
      ex.add(new Exclusion(k.creds.get(c).id(), Exclusion.Reason.OVER_CAP, caps.isEmpty()
          ? "left out to respect the caps " + capNamesOf(k, c) : "would exceed " + String.join(", ", caps)));
    }
    return build(k, asOf, AuditResult.Mode.EXACT, !s.wasCut(), s.unsatisfiableProven(), s.creditBound(),
        s.countBound(), prog, counted, res, as, ex);
  }

  /**
   * The result when the budget ran out before the search could start (while compiling): UNDECIDED, nothing
   * assigned, every requirement missing in full; the bound is the total demand.
   *
   * @param tree the rules' tree
   * @param rules the rules
   * @param asOf the audit date
   * @param mode the mode
   * @param phase what was running
   * @param partial what was compiled before the deadline (for the up-front exclusions), or null
   * @return the result
   */
  public static AuditResult undecided(FlatTree tree, Rules rules, LocalDate asOf,
      AuditResult.Mode mode, String phase, Compiled partial) {
    List<RequirementStatus> st = new ArrayList<>();
    BigDecimal credit = BigDecimal.ZERO;
    long count = 0;
    for (int v = 0; v < tree.nodes.size(); v++) {
      FlatTree.Node node = tree.nodes.get(v);
      BigDecimal req = node.leaf >= 0 ? node.req.amount() : BigDecimal.valueOf(tree.threshold(v));
      if (node.leaf >= 0 && node.req.kind() == Requirement.Kind.CREDITS) {
        credit = credit.add(req);
      } else if (node.leaf >= 0) {
        count += req.setScale(0, RoundingMode.CEILING).longValueExact();
      }
      boolean met = req.signum() == 0;
      st.add(new RequirementStatus(node.path, node.req.kind(), met, req, BigDecimal.ZERO,
          met ? BigDecimal.ZERO : req, List.of()));
    }
    return new AuditResult(rules.id(), rules.unit(), asOf, mode, AuditResult.Status.UNDECIDED, false,
        new AuditResult.Bound(true, credit, count), 0, BigDecimal.ZERO, 0, BigDecimal.ZERO, List.of(), st,
        partial == null ? List.of() : upfront(partial),
        List.of(Issue.error("$", StackingIssueCode.BUDGET_EXHAUSTED, "the budget ran out while " + phase
            + "; nothing was assigned")));
  }

  private static List<String> capNamesOf(Compiled k, int c) {
    List<String> out = new ArrayList<>();
    for (int q : k.p.capsOf[c]) {
      out.add(k.capNames.get(q));
    }
    return out;
  }

  private static List<Exclusion> upfront(Compiled k) {
    List<Exclusion> ex = new ArrayList<>();
    for (var e : k.excluded.entrySet()) {
      ex.add(e.getValue());
    }
    for (var e : k.ineligible.entrySet()) {
      ex.add(new Exclusion(e.getKey(), Exclusion.Reason.NOT_ELIGIBLE, e.getValue()));
    }
    return ex;
  }

  /**
   * Divisible-credit relaxation: one max-flow per sharing group (leaves connected by non-shareable pairs), credits
   * split freely, requirements earlier in the rules filled first (a lexicographically maximal max-flow); credit caps applied as a source layer (a credential's first credit cap), count caps ignored.
   *
   * @param k compiled problem
   * @param asOf audit date
   * @return the result
   */
  public static AuditResult divisible(Compiled k, LocalDate asOf) {
    Problem p = k.p;
    // groups: components of the "may not share" graph on leaves
    int[] comp = new int[p.nL];
    Arrays.fill(comp, -1);
    boolean[][] ok = null;
    for (int c = 0; c < p.nC; c++) {
      if (p.pairOk[c] != null) {
        ok = p.pairOk[c];
        break;
      }
    }
    int groups = 0;
    for (int l = 0; l < p.nL; l++) {
      if (comp[l] >= 0) {
        continue;
      }
      ArrayDeque<Integer> st = new ArrayDeque<>();
      st.push(l);
      comp[l] = groups;
      while (!st.isEmpty()) {
        int u = st.pop();
        for (int v = 0; v < p.nL; v++) {
          if (comp[v] < 0 && (ok == null || !ok[u][v])) {
            comp[v] = groups;
            st.push(v);
          }
        }
      }
      groups++;
    }
    long[] prog = new long[p.nL];
    long[] usedMax = new long[p.nC];
    Map<Long, Long> flows = new HashMap<>();
    for (int g = 0; g < groups; g++) {
      int src = 0;
      int snk = 1;
      int capBase = 2;
      int credBase = capBase + p.nK;
      int leafBase = credBase + p.nC;
      MaxFlow f = new MaxFlow(leafBase + p.nL);
      int[] capArc = new int[p.nK];
      for (int q = 0; q < p.nK; q++) {
        capArc[q] = p.capCount[q] ? -1 : f.addArc(src, capBase + q, p.capMax[q]);
      }
      int[] credArc = new int[p.nC];
      List<int[]> edges = new ArrayList<>();
      for (int c = 0; c < p.nC; c++) {
        int from = src;
        for (int q : p.capsOf[c]) {
          if (!p.capCount[q]) {
            from = capBase + q;
            break;
          }
        }
        credArc[c] = f.addArc(from, credBase + c, p.credit[c]);
        for (int l : p.elig[c]) {
          if (comp[l] == g && !p.countLeaf[l]) {
            edges.add(new int[] {c, l, f.addArc(credBase + c, leafBase + l, Long.MAX_VALUE / 4)});
          }
        }
      }
      // priority max-flow: requirements earlier in the rules are filled first (lexicographically maximal)
      for (int l = 0; l < p.nL; l++) {
        if (comp[l] == g && !p.countLeaf[l]) {
          f.addArc(leafBase + l, snk, p.demand[l]);
          f.solve(src, snk);
        }
      }
      for (int c = 0; c < p.nC; c++) {
        usedMax[c] = Math.max(usedMax[c], f.flow(credArc[c]));
      }
      for (int[] e : edges) {
        long fl = f.flow(e[2]);
        if (fl > 0) {
          prog[e[1]] += fl;
          flows.merge(((long) e[0] << 32) | e[1], fl, Long::sum);
        }
      }
      // count leaves: matching of whole credentials, per group (b-matching by flow, unit capacities)
      MaxFlow cf = new MaxFlow(2 + p.nC + p.nL);
      List<int[]> cedges = new ArrayList<>();
      for (int c = 0; c < p.nC; c++) {
        boolean any = false;
        for (int l : p.elig[c]) {
          if (comp[l] == g && p.countLeaf[l]) {
            cedges.add(new int[] {c, l, cf.addArc(2 + c, 2 + p.nC + l, 1)});
            any = true;
          }
        }
        if (any) {
          cf.addArc(0, 2 + c, 1);
        }
      }
      for (int l = 0; l < p.nL; l++) {
        if (comp[l] == g && p.countLeaf[l]) {
          cf.addArc(2 + p.nC + l, 1, p.demand[l]);
          cf.solve(0, 1);
        }
      }
      for (int[] e : cedges) {
        if (cf.flow(e[2]) > 0) {
          prog[e[1]] += 1;
          usedMax[e[0]] = Math.max(usedMax[e[0]], p.credit[e[0]]);
          flows.merge(((long) e[0] << 32) | e[1], p.credit[e[0]], Long::sum);
        }
      }
    }
    long counted = 0;
    long res = 0;
    List<Exclusion> ex = upfront(k);
    for (int c = 0; c < p.nC; c++) {
      counted += usedMax[c];
      res += p.resident[c] ? usedMax[c] : 0;
      if (usedMax[c] == 0 && p.elig[c].length > 0) {
        ex.add(new Exclusion(k.creds.get(c).id(), Exclusion.Reason.NOT_NEEDED,
            "no flow through it in the divisible relaxation"));
      }
    }
    List<Assignment> as = new ArrayList<>();
    for (int c = 0; c < p.nC; c++) {
      for (int l = 0; l < p.nL; l++) {
        Long fl = flows.get(((long) c << 32) | l);
        if (fl != null) {
          as.add(new Assignment(k.creds.get(c).id(), k.tree.nodes.get(k.tree.leaves.get(l)).path, k.unscaled(fl)));
        }
      }
    }
    return build(k, asOf, AuditResult.Mode.DIVISIBLE_RELAXATION, false, true, -1, -1, prog, counted, res, as, ex);
  }

  /**
   * The result. Status: SATISFIED only when the assignment satisfies the rules and (exact mode) the independent
   * {@link WitnessCheck} agrees; NOT_SATISFIED only when {@code unsatProven}; otherwise UNDECIDED. The bound is the
   * solver's (at least what was achieved); {@code creditUb} -1 means the achieved values.
   */
  private static AuditResult build(Compiled k, LocalDate asOf, AuditResult.Mode mode, boolean proved,
      boolean unsatProven, long creditUb, long countUb, long[] prog,
      long counted, long res, List<Assignment> as, List<Exclusion> ex) {
    Problem p = k.p;
    boolean[] leafSat = new boolean[p.nL];
    for (int l = 0; l < p.nL; l++) {
      leafSat[l] = prog[l] >= p.demand[l];
    }
    boolean[] nodeSat = new boolean[p.nN];
    int nsat = p.evalTree(leafSat, nodeSat);
    List<Issue> shortfalls = new ArrayList<>();
    String unit = k.rules.unit().name();
    if (counted < p.totalMin) {
      shortfalls.add(Issue.error("$.constraints.totalCredits", StackingIssueCode.TOTAL_CREDITS_SHORT,
          "total credits: " + k.unscaled(counted).toPlainString() + " of " + k.unscaled(p.totalMin).toPlainString()
          + " " + unit + " (" + k.unscaled(p.totalMin - counted).toPlainString() + " missing)"));
    }
    if (res < p.resMin) {
      shortfalls.add(Issue.error("$.constraints.minResidence", StackingIssueCode.RESIDENCE_SHORT,
          "credits in residence: " + k.unscaled(res).toPlainString() + " of " + k.unscaled(p.resMin).toPlainString()
          + " " + unit + " (" + k.unscaled(p.resMin - res).toPlainString() + " missing)"));
    }
    List<RequirementStatus> st = new ArrayList<>();
    Held held = null; // built on the first unmet leaf: satisfied audits (most of a bulk run) pay nothing
    for (int v = 0; v < p.nN; v++) {
      FlatTree.Node node = k.tree.nodes.get(v);
      Requirement r = node.req;
      int l = node.leaf;
      if (l >= 0) {
        boolean cnt = p.countLeaf[l];
        BigDecimal req = cnt ? BigDecimal.valueOf(p.demand[l]) : k.unscaled(p.demand[l]);
        BigDecimal app = cnt ? BigDecimal.valueOf(prog[l]) : k.unscaled(prog[l]);
        BigDecimal miss = leafSat[l] ? BigDecimal.ZERO : req.subtract(app);
        List<String> close = new ArrayList<>();
        if (!leafSat[l]) {
          String what = cnt ? (r.kind() == Requirement.Kind.COUNT ? " more credential(s) matching the filter"
              : " of " + new TreeSet<>(r.filter().credentials()))
              : " more " + unit + " from credentials matching the filter";
          close.add(miss.toPlainString() + what);
        }
        if (!leafSat[l] && held == null) {
          held = new Held(k, prog, as, ex, asOf);
        }
        List<RequirementStatus.Held> hl = leafSat[l] ? List.of() : held.of(l);
        int limit = RequirementStatus.HELD_LIMIT;
        st.add(new RequirementStatus(node.path, r.kind(), leafSat[l], req, app, miss, close,
            hl.size() > limit ? hl.subList(0, limit) : hl, Math.max(0, hl.size() - limit)));
      } else {
        int have = 0;
        List<String> unmet = new ArrayList<>();
        for (int ch : node.children) {
          if (nodeSat[ch]) {
            have++;
          } else {
            unmet.add(k.tree.nodes.get(ch).path);
          }
        }
        int need = p.need[v];
        BigDecimal miss = nodeSat[v] ? BigDecimal.ZERO : BigDecimal.valueOf(need - have);
        st.add(new RequirementStatus(node.path, r.kind(), nodeSat[v], BigDecimal.valueOf(need),
            BigDecimal.valueOf(have), miss, nodeSat[v] ? List.of() : unmet));
      }
    }
    boolean sat = nodeSat[0] && shortfalls.isEmpty();
    if (sat && mode == AuditResult.Mode.EXACT) {
      Optional<String> wrong = WitnessCheck.check(k, asOf, as);
      if (wrong.isPresent()) {
        // never reached unless the solver is wrong: then its answer is not given as SATISFIED
        sat = false;
        proved = false;
        unsatProven = false;
        shortfalls.add(Issue.error("$", StackingIssueCode.WITNESS_REJECTED,
            "the assignment found failed the independent check: " + wrong.get()));
      }
    }
    AuditResult.Status status = sat ? AuditResult.Status.SATISFIED
        : unsatProven ? AuditResult.Status.NOT_SATISFIED : AuditResult.Status.UNDECIDED;
    long cr = 0;
    long cn = 0;
    for (int l = 0; l < p.nL; l++) {
      if (p.countLeaf[l]) {
        cn += Math.min(prog[l], p.demand[l]);
      } else {
        cr += Math.min(prog[l], p.demand[l]);
      }
    }
    AuditResult.Bound bound = new AuditResult.Bound(status != AuditResult.Status.NOT_SATISFIED,
        k.unscaled(Math.max(cr, creditUb)), Math.max(cn, countUb));
    return new AuditResult(k.rules.id(), k.rules.unit(), asOf, mode, status, proved, bound, nsat, k.unscaled(cr), cn,
        k.unscaled(counted), as, st, ex, shortfalls);
  }

  /**
   * Where the credentials an unmet leaf accepts went instead, derived from the assignment: the leaves each one counts
   * toward and how short those would be without it, or why it counts nowhere.
   */
  private static final class Held {
    private final Compiled k;
    private final long[] prog;
    private final LocalDate asOf;
    /** The assignments of each credential of the problem, by its index. */
    private final List<List<Assignment>> byCred;
    private final List<Exclusion> ex;
    /** The first exclusion of each credential id, built on first use. */
    private Map<String, Exclusion> excluded;
    /** The credentials eligible for each leaf, in transcript order. */
    private final int[][] eligibleFor;

    Held(Compiled k, long[] prog, List<Assignment> as, List<Exclusion> ex, LocalDate asOf) {
      this.k = k;
      this.prog = prog;
      this.asOf = asOf;
      this.ex = ex;
      Problem p = k.p;
      byCred = new ArrayList<>(p.nC);
      for (int c = 0; c < p.nC; c++) {
        byCred.add(List.of());
      }
      // the assignments come grouped by credential, in the problem's order: matched by walking both lists once
      int c = 0;
      for (Assignment a : as) {
        while (c < p.nC && !k.creds.get(c).id().equals(a.credentialId())) {
          c++;
        }
        if (c == p.nC) {
          c = indexOf(k, a.credentialId());
        }
        if (byCred.get(c).isEmpty()) {
          byCred.set(c, new ArrayList<>(2));
        }
        byCred.get(c).add(a);
      }
      int[] n = new int[p.nL];
      for (int x = 0; x < p.nC; x++) {
        for (int l : p.elig[x]) {
          n[l]++;
        }
      }
      eligibleFor = new int[p.nL][];
      for (int l = 0; l < p.nL; l++) {
        eligibleFor[l] = new int[n[l]];
        n[l] = 0;
      }
      for (int x = 0; x < p.nC; x++) {
        for (int l : p.elig[x]) {
          eligibleFor[l][n[l]++] = x;
        }
      }
    }

    private static int indexOf(Compiled k, String id) {
      for (int c = 0; c < k.p.nC; c++) {
        if (k.creds.get(c).id().equals(id)) {
          return c;
        }
      }
      throw new IllegalStateException("assignment of a credential outside the problem: " + id);
    }

    private Exclusion exclusionOf(String id) {
      if (excluded == null) {
        excluded = new HashMap<>();
        for (Exclusion e : ex) {
          excluded.putIfAbsent(e.credentialId(), e);
        }
      }
      return excluded.get(id);
    }

    List<RequirementStatus.Held> of(int l) {
      Problem p = k.p;
      String here = k.tree.nodes.get(k.tree.leaves.get(l)).path;
      Requirement r = k.tree.leafReq[l];
      Set<String> named = r.filter().credentials();
      List<RequirementStatus.Held> out = new ArrayList<>();
      // without named credentials only those eligible here can be listed: visit just them, in the same order
      int[] visit = named.isEmpty() ? eligibleFor[l] : null;
      int visits = visit == null ? p.nC : visit.length;
      for (int x = 0; x < visits; x++) {
        int c = visit == null ? x : visit[x];
        Credential cr = k.creds.get(c);
        List<Assignment> mine = byCred.get(c);
        List<String> toward = new ArrayList<>();
        for (Assignment a : mine) {
          toward.add(a.requirement());
        }
        if (!accepts(p.elig[c], l)) {
          if (named.contains(cr.id())) {
            out.add(new RequirementStatus.Held(cr.id(), toward, cr.id() + " is held but not accepted here: "
                + r.filter().reason(cr, asOf).orElse("not eligible")));
          }
          continue;
        }
        if (toward.contains(here)) {
          continue;
        }
        if (mine.isEmpty()) {
          Exclusion e = exclusionOf(cr.id());
          out.add(new RequirementStatus.Held(cr.id(), List.of(), cr.id() + " could count here but counts toward no "
              + "requirement" + (e == null ? "" : " (" + e.reason() + ": " + e.detail() + ")")));
          continue;
        }
        List<String> shorts = new ArrayList<>();
        for (Assignment a : mine) {
          int m = k.tree.leafByPath.get(a.requirement());
          long contrib = p.countLeaf[m] ? 1 : k.scaled(a.credits(), RoundingMode.HALF_EVEN);
          long gap = p.demand[m] - (prog[m] - contrib);
          if (gap > 0) {
            shorts.add(a.requirement() + " would be short by " + (p.countLeaf[m]
                ? gap + (gap == 1 ? " credential" : " credentials")
                : k.unscaled(gap).toPlainString() + " " + k.rules.unit().name()));
          }
        }
        String where = String.join(" and ", toward);
        out.add(new RequirementStatus.Held(cr.id(), toward, cr.id() + " counts toward " + where
            + "; it could count here if " + where + " were met by other credentials"
            + (shorts.isEmpty() ? " (" + where + " would still be met without it)"
                : " (without it " + String.join(", ", shorts) + ")")));
      }
      for (String id : new TreeSet<>(named)) {
        Exclusion x = k.excluded.get(id);
        if (x != null) {
          out.add(new RequirementStatus.Held(id, List.of(), id + " is held but does not count (" + x.reason() + ": "
              + x.detail() + ")"));
        }
      }
      return out;
    }

    private static boolean accepts(int[] elig, int l) {
      for (int x : elig) {
        if (x == l) {
          return true;
        }
      }
      return false;
    }
  }
}
