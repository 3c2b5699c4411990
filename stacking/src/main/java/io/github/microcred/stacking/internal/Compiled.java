package io.github.microcred.stacking.internal;

import io.github.microcred.stacking.Cap;
import io.github.microcred.stacking.Constraints;
import io.github.microcred.stacking.Credential;
import io.github.microcred.stacking.DoubleCount;
import io.github.microcred.stacking.Exclusion;
import io.github.microcred.stacking.Fraction;
import io.github.microcred.stacking.Origin;
import io.github.microcred.stacking.Requirement;
import io.github.microcred.stacking.Rules;
import io.github.microcred.stacking.StackingErrorCode;
import io.github.microcred.stacking.StackingException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Rules and a transcript compiled into a {@link Problem}, with what is needed to explain the result. */
public final class Compiled {
  /** The rules. */
  public final Rules rules;
  /** The expanded tree. */
  public final FlatTree tree;
  /** The integer problem (only credentials that are not excluded up front). */
  public final Problem p = new Problem();
  /** Credentials of the problem. */
  public final List<Credential> creds = new ArrayList<>();
  /** Converted credits of the problem's credentials, in the rules' unit. */
  public final List<BigDecimal> converted = new ArrayList<>();
  /** Credentials excluded up front, by credential id. */
  public final Map<String, Exclusion> excluded = new LinkedHashMap<>();
  /** Why a credential is not eligible for a leaf, for credentials eligible for no leaf: id to detail. */
  public final Map<String, String> ineligible = new LinkedHashMap<>();
  /** Cap names, per problem cap. */
  public final List<String> capNames = new ArrayList<>();
  /** Decimal scale of the integer credits. */
  public int scale;
  /** Whether any rounding happened while scaling (only for credit amounts with more than MAX_SCALE decimals). */
  public boolean rounded;
  /** The most decimal places of the integer problem (core's conversions give at most 6). */
  public static final int MAX_SCALE = 6;
  /** Largest non-decimal multiplier of the integer unit (e.g. 3 for thirds, 45 for hours to semester hours). */
  public static final int MAX_MULT = 10_000;
  /** The integer unit is 1 / (10^scale × mult). */
  public long mult = 1;
  /** Exact credits of the problem's credentials, in the rules' unit. */
  public final List<Fraction> exact = new ArrayList<>();

  private Compiled(Rules rules, FlatTree tree) {
    this.rules = rules;
    this.tree = tree;
  }

  /**
   * Expands the rules' tree (what an auditor compiles once and reuses for every transcript).
   *
   * @param rules validated rules
   * @return the expanded tree
   */
  public static FlatTree tree(Rules rules) {
    return FlatTree.of(rules);
  }

  /**
   * Compiles.
   *
   * @param rules validated rules
   * @param credentials the transcript's credentials
   * @param asOf audit date
   * @param conv credit conversion policy
   * @return the compiled problem
   * @throws StackingException on invalid rules or an undefined conversion
   */
  public static Compiled of(Rules rules, List<Credential> credentials, LocalDate asOf, CreditConverter conv)
      throws StackingException {
    return of(tree(rules), rules, credentials, asOf, conv);
  }

  /**
   * Compiles with an already expanded tree.
   *
   * @param tree the rules' tree, from {@link #tree(Rules)}
   * @param rules validated rules
   * @param credentials the transcript's credentials
   * @param asOf audit date
   * @param conv credit conversion policy
   * @return the compiled problem
   * @throws StackingException on invalid rules or an undefined conversion
   */
  public static Compiled of(FlatTree tree, Rules rules, List<Credential> credentials, LocalDate asOf,
      CreditConverter conv) throws StackingException {
    return of(tree, rules, credentials, asOf, conv, Long.MAX_VALUE);
  }

  /**
   * Compiles with an already expanded tree, by a deadline.
   *
   * @param tree the rules' tree, from {@link #tree(Rules)}
   * @param rules validated rules
   * @param credentials the transcript's credentials
   * @param asOf audit date
   * @param conv credit conversion policy
   * @param deadline {@link System#nanoTime()} by which to stop (Long.MAX_VALUE for none)
   * @return the compiled problem
   * @throws StackingException on invalid rules or an undefined conversion
   * @throws BudgetExceeded when the deadline passes first
   */
  public static Compiled of(FlatTree tree, Rules rules, List<Credential> credentials, LocalDate asOf,
      CreditConverter conv, long deadline) throws StackingException {
    Compiled k = new Compiled(rules, tree);
    if (!k.tree.problems.isEmpty()) {
      throw new StackingException(StackingErrorCode.RULES_INVALID, RulesValidator.describe(k.tree.problems));
    }
    var cons = rules.constraints();
    for (int i = 0; i < credentials.size(); i++) {
      Credential c = credentials.get(i);
      BigDecimal v;
      Fraction x;
      try {
        CreditConverter.Converted cv = conv.convertExactly(c.credits(), rules.unit());
        v = cv.decimal;
        x = cv.exact != null ? cv.exact : Fraction.of(v);
      } catch (StackingException e) {
        throw new StackingException(StackingErrorCode.CONVERSION_UNDEFINED,
            "credentials[" + i + "] (" + c.id() + ").credits: " + e.getMessage(), e);
      }
      Exclusion why = notValid(c, asOf, cons);
      if (why != null) {
        k.excluded.put(c.id(), why);
        continue;
      }
      k.creds.add(c);
      k.converted.add(v);
      k.exact.add(x);
    }
    // scale: the integers are multiples of 10^-scale. Every credit amount (and every demand and limit with a finite
    // decimal value) is a whole multiple at this scale, so the integer problem is exact: a demand D is met by
    // integer credit x exactly when x >= ceil(D), and a limit C (1/3 of 31, say) admits x exactly when
    // x <= floor(C). Only credit amounts with more than MAX_SCALE decimals are rounded (half-even; see rounded).
    List<BigDecimal> all = new ArrayList<>(); // credits: from their exact values, below
    all.add(cons.totalCredits());
    all.add(cons.minResidence());
    for (int l : k.tree.leaves) {
      all.add(k.tree.nodes.get(l).req.amount());
    }
    List<Fraction> capLimits = new ArrayList<>();
    for (Cap cap : cons.caps()) {
      Fraction m = cap.limit(cons.totalCredits());
      capLimits.add(m);
      m.exactDecimal().ifPresent(all::add);
    }
    int s = 0;
    for (BigDecimal b : all) {
      s = Math.max(s, b.stripTrailingZeros().scale());
    }
    // a converted credit without a finite decimal form (4 quarter hours = 8/3 semester hours) is exact in units of
    // 1/(10^scale * mult): mult is the least common multiple of the denominators' factors other than 2 and 5
    BigInteger mult = BigInteger.ONE;
    for (Fraction f : k.exact) {
      BigInteger d = f.denominator();
      if (d.equals(BigInteger.ONE)) {
        continue; // a whole amount: no decimals, no other factor
      }
      int twos = d.getLowestSetBit();
      d = d.shiftRight(twos);
      int fives = 0;
      BigInteger five = BigInteger.valueOf(5);
      while (d.mod(five).signum() == 0) {
        d = d.divide(five);
        fives++;
      }
      s = Math.max(s, Math.max(twos, fives));
      mult = mult.divide(mult.gcd(d)).multiply(d);
    }
    k.mult = mult.compareTo(BigInteger.valueOf(MAX_MULT)) <= 0 ? mult.longValueExact() : 1;
    Problem p = k.p;
    int n = k.creds.size();
    p.nC = n;
    p.credit = new long[n];
    p.resident = new boolean[n];
    FlatTree t = k.tree;
    p.nL = t.leaves.size();
    p.demand = new long[p.nL];
    p.countLeaf = new boolean[p.nL];
    // the solver packs its lexicographic objective into one long: at the exact scale that can overflow (many
    // credentials with 6-decimal amounts), and then the most decimals that fit are used, credits rounded half-even
    boolean fits = false;
    for (k.scale = Math.min(s, MAX_SCALE); !fits && k.scale >= 0; k.scale--) {
      fits = k.scaleProblem(cons);
    }
    k.scale++;
    if (!fits && k.mult > 1) {
      k.mult = 1;
      for (k.scale = Math.min(s, MAX_SCALE); !fits && k.scale >= 0; k.scale--) {
        fits = k.scaleProblem(cons);
      }
      k.scale++;
    }
    if (!fits) {
      throw new StackingException(StackingErrorCode.INVALID_ARGUMENT, "credit amounts too large to audit: "
          + "the credits and requirements sum beyond the solver's 64-bit range even in whole credits");
    }
    for (int i = 0; i < n; i++) {
      p.resident[i] = k.creds.get(i).origin() == Origin.RESIDENT;
    }
    p.nN = t.nodes.size();
    p.kids = t.kids;
    p.need = t.need;
    p.leafOfNode = t.leafOfNode;
    // eligibility
    p.elig = new int[n][];
    Requirement[] leafReq = t.leafReq;
    int[] buf = new int[p.nL];
    int[] cand = new int[p.nL];
    int[] mark = new int[p.nL];
    for (int i = 0; i < n; i++) {
      BudgetExceeded.check(deadline, k);
      Credential c = k.creds.get(i);
      int ne = 0;
      int nc = t.candidates(c, mark, i + 1, cand);
      for (int x = 0; x < nc; x++) {
        int l = cand[x];
        if (leafReq[l].filter().test(c, asOf)) {
          buf[ne++] = l;
        }
      }
      p.elig[i] = Arrays.copyOf(buf, ne);
      if (ne == 0) {
        Map<String, String> why = new TreeMap<>();
        for (int l = 0; l < p.nL; l++) {
          why.put(t.nodes.get(t.leaves.get(l)).path, leafReq[l].filter().reason(c, asOf).orElse(""));
        }
        StringBuilder sb = new StringBuilder("eligible for no requirement");
        int shown = 0;
        for (var w : why.entrySet()) {
          if (shown++ == 6) {
            sb.append("; ...");
            break;
          }
          sb.append(shown == 1 ? ": " : "; ").append(w.getKey()).append(": ").append(w.getValue());
        }
        k.ineligible.put(c.id(), sb.toString());
      }
    }
    // double counting
    boolean[][] global = null;
    Map<Integer, boolean[][]> specific = new HashMap<>();
    Map<String, Integer> idIndex = new HashMap<>();
    for (int i = 0; i < n && !rules.doubleCounting().isEmpty(); i++) {
      idIndex.put(k.creds.get(i).id(), i);
    }
    for (DoubleCount d : rules.doubleCounting()) {
      List<List<Integer>> groups = new ArrayList<>();
      for (String name : d.requirements()) {
        List<Integer> ls = new ArrayList<>();
        for (int node : t.byName.getOrDefault(name, List.of())) {
          ls.addAll(t.leavesUnder(node));
        }
        groups.add(ls);
      }
      List<boolean[][]> targets = new ArrayList<>();
      if (d.credentials().isEmpty()) {
        if (global == null) {
          global = new boolean[p.nL][p.nL];
        }
        targets.add(global);
      } else {
        for (String id : d.credentials()) {
          Integer ci = idIndex.get(id);
          if (ci != null) {
            targets.add(specific.computeIfAbsent(ci, x -> new boolean[p.nL][p.nL]));
          }
        }
      }
      for (boolean[][] m : targets) {
        for (int a = 0; a < groups.size(); a++) {
          for (int b = a + 1; b < groups.size(); b++) {
            for (int la : groups.get(a)) {
              for (int lb : groups.get(b)) {
                if (la != lb) {
                  m[la][lb] = true;
                  m[lb][la] = true;
                }
              }
            }
          }
        }
      }
    }
    p.pairOk = new boolean[n][][];
    p.options = new int[n][][];
    for (int i = 0; i < n; i++) {
      boolean[][] m = global;
      boolean[][] sp = specific.get(i);
      if (sp != null) {
        if (global != null) {
          for (int a = 0; a < p.nL; a++) {
            for (int b = 0; b < p.nL; b++) {
              sp[a][b] |= global[a][b];
            }
          }
        }
        m = sp;
      }
      p.pairOk[i] = m;
      BudgetExceeded.check(deadline, k);
      try {
        p.options[i] = maximalCliques(p.elig[i], m, deadline);
      } catch (BudgetExceeded e) {
        throw e.with(k);
      }
    }
    // caps
    List<long[]> capMax = new ArrayList<>();
    List<Boolean> capCount = new ArrayList<>();
    List<List<Integer>> members = new ArrayList<>();
    List<Integer> family = new ArrayList<>();
    for (int ci = 0; ci < cons.caps().size(); ci++) {
      Cap cap = cons.caps().get(ci);
      long max = fit(cap.measure() == Cap.Measure.COUNT ? capLimits.get(ci).scaled(0, RoundingMode.FLOOR)
          : capLimits.get(ci).multiply(Fraction.of(k.mult, 1)).scaled(k.scale,
              RoundingMode.FLOOR));
      Map<String, List<Integer>> byKey = new TreeMap<>();
      for (int i = 0; i < n; i++) {
        Credential c = k.creds.get(i);
        if (cap.filter().test(c, asOf)) {
          byKey.computeIfAbsent(cap.perProvider() ? c.provider() : "", x -> new ArrayList<>()).add(i);
        }
      }
      for (var e : byKey.entrySet()) {
        k.capNames.add(cap.perProvider() ? cap.name() + " (" + e.getKey() + ")" : cap.name());
        capMax.add(new long[] {max});
        capCount.add(cap.measure() == Cap.Measure.COUNT);
        members.add(e.getValue());
        family.add(ci);
      }
    }
    p.nK = capMax.size();
    p.capMax = new long[p.nK];
    p.capCount = new boolean[p.nK];
    p.capFamily = family.stream().mapToInt(Integer::intValue).toArray();
    List<List<Integer>> capsOf = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      capsOf.add(new ArrayList<>());
    }
    for (int q = 0; q < p.nK; q++) {
      p.capMax[q] = capMax.get(q)[0];
      p.capCount[q] = capCount.get(q);
      for (int i : members.get(q)) {
        capsOf.get(i).add(q);
      }
    }
    p.capsOf = new int[n][];
    for (int i = 0; i < n; i++) {
      List<Integer> qs = capsOf.get(i);
      int[] a = new int[qs.size()];
      for (int j = 0; j < a.length; j++) {
        a[j] = qs.get(j);
      }
      p.capsOf[i] = a;
    }
    return k;
  }

  /**
   * Why a credential does not count on the audit date, or null when it may: one rule for the audit and the planner's
   * held credentials. A credential counts on asOf when issued &lt;= asOf &lt;= expires (both inclusive) and, under a
   * validity window, issued within it.
   *
   * @param c the credential
   * @param asOf the audit date
   * @param cons the rules' constraints
   * @return the exclusion with its reason and detail, or null
   */
  public static Exclusion notValid(Credential c, LocalDate asOf, Constraints cons) {
    if (c.issued().isAfter(asOf)) {
      return new Exclusion(c.id(), Exclusion.Reason.NOT_YET_ISSUED, "issued " + c.issued() + ", after the audit date "
          + asOf);
    }
    if (c.expires().isPresent() && c.expires().get().isBefore(asOf)) {
      return new Exclusion(c.id(), Exclusion.Reason.EXPIRED, "expired on " + c.expires().get());
    }
    if (cons.validityYears() > 0 && c.issued().isBefore(asOf.minusYears(cons.validityYears()))) {
      return new Exclusion(c.id(), Exclusion.Reason.OUTSIDE_VALIDITY_WINDOW, "issued " + c.issued() + ", more than "
          + cons.validityYears() + " years before " + asOf);
    }
    return null;
  }

  /**
   * Scales a decimal to the problem's integers.
   *
   * @param v value
   * @param mode rounding when the value has more decimals than the scale
   * @return scaled value
   */
  public long scaled(BigDecimal v, RoundingMode mode) {
    if (scale == 0 && mult == 1 && v.scale() <= 0) {
      return v.longValueExact();
    }
    BigDecimal s = v.movePointRight(scale).multiply(BigDecimal.valueOf(mult));
    BigDecimal r = s.setScale(0, mode);
    if (r.compareTo(s) != 0 && mode == RoundingMode.HALF_EVEN) {
      rounded = true; // a credit amount; demands are rounded up and limits down, which is exact at this scale
    }
    return r.longValueExact();
  }

  /** Scales credits, totals and demands at {@link #scale}; whether the result fits the solver's objective. */
  private boolean scaleProblem(Constraints cons) {
    Problem p = this.p;
    try {
      long unit = unitMultiplier();
      for (int i = 0; i < p.nC; i++) {
        Fraction e = exact.get(i);
        long fast = unit > 0 ? exactly(e, unit) : -1;
        if (fast >= 0) {
          p.credit[i] = fast; // e × unit is a whole number: no rounding
          continue;
        }
        Fraction x = e.multiply(Fraction.of(mult, 1));
        BigInteger v = x.scaled(scale, RoundingMode.HALF_EVEN);
        if (x.compareTo(new Fraction(v, BigInteger.TEN.pow(scale))) != 0) {
          rounded = true;
        }
        p.credit[i] = v.longValueExact();
      }
      p.totalMin = scaled(cons.totalCredits(), RoundingMode.CEILING);
      p.resMin = scaled(cons.minResidence(), RoundingMode.CEILING);
      for (int l = 0; l < p.nL; l++) {
        Requirement r = tree.leafReq[l];
        p.countLeaf[l] = r.kind() != Requirement.Kind.CREDITS;
        p.demand[l] = p.countLeaf[l] ? r.amount().setScale(0, RoundingMode.CEILING).longValueExact()
            : scaled(r.amount(), RoundingMode.CEILING);
      }
    } catch (ArithmeticException overflow) {
      return false;
    }
    return fits();
  }

  /** mult × 10^scale, the number of integer units per credit, or -1 when it does not fit a long. */
  private long unitMultiplier() {
    long u = mult;
    try {
      for (int i = 0; i < scale; i++) {
        u = Math.multiplyExact(u, 10);
      }
    } catch (ArithmeticException e) {
      return -1;
    }
    return u;
  }

  /**
   * A non-negative fraction times {@code unit} in long arithmetic, when the denominator divides {@code unit} and
   * nothing overflows; else -1 (the caller then takes the exact BigInteger path, which also detects rounding).
   */
  private static long exactly(Fraction f, long unit) {
    if (f.signum() < 0 || f.numerator().bitLength() >= 63 || f.denominator().bitLength() >= 63) {
      return -1;
    }
    long d = f.denominator().longValue();
    if (unit % d != 0) {
      return -1;
    }
    try {
      return Math.multiplyExact(f.numerator().longValue(), unit / d);
    } catch (ArithmeticException e) {
      return -1;
    }
  }

  /**
   * Whether (total credit + 1) × (count demand + 1) × (credit demand + 1), the solver's objective range, and the
   * totals and limits stay well inside a long.
   */
  private boolean fits() {
    long lim = Long.MAX_VALUE / 8;
    try {
      long total = 1;
      for (long c : p.credit) {
        total = Math.addExact(total, c);
      }
      long count = 1;
      long credit = 1;
      for (int l = 0; l < p.nL; l++) {
        if (p.countLeaf[l]) {
          count = Math.addExact(count, p.demand[l]);
        } else {
          credit = Math.addExact(credit, p.demand[l]);
        }
      }
      if (total >= 0 && count >= 0 && credit >= 0) {
        return Math.multiplyExact(Math.multiplyExact(total, count), credit) <= lim
            && Math.addExact(p.totalMin, p.resMin) <= lim;
      }
    } catch (ArithmeticException overflow) {
      // beyond a long: decided exactly below
    }
    return fitsExactly();
  }

  private boolean fitsExactly() {
    BigInteger total = BigInteger.ONE;
    for (long c : p.credit) {
      total = total.add(BigInteger.valueOf(c));
    }
    BigInteger count = BigInteger.ONE;
    BigInteger credit = BigInteger.ONE;
    for (int l = 0; l < p.nL; l++) {
      if (p.countLeaf[l]) {
        count = count.add(BigInteger.valueOf(p.demand[l]));
      } else {
        credit = credit.add(BigInteger.valueOf(p.demand[l]));
      }
    }
    BigInteger lim = BigInteger.valueOf(Long.MAX_VALUE / 8);
    return total.multiply(count).multiply(credit).compareTo(lim) <= 0
        && BigInteger.valueOf(p.totalMin).add(BigInteger.valueOf(p.resMin)).compareTo(lim) <= 0;
  }

  /** A limit as a long: clamped to a value above every reachable sum (a limit no sum reaches). */
  private static long fit(BigInteger v) {
    BigInteger hi = BigInteger.valueOf(Long.MAX_VALUE / 4);
    return v.compareTo(hi) > 0 ? hi.longValueExact() : v.max(BigInteger.ZERO).longValueExact();
  }

  /**
   * Converts a scaled integer back to a decimal.
   *
   * @param v scaled value
   * @return decimal
   */
  public BigDecimal unscaled(long v) {
    if (mult != 1) {
      // thirds and the like have no decimal form: shown rounded half-even to MAX_SCALE places
      return Amounts.norm(BigDecimal.valueOf(v, scale).divide(BigDecimal.valueOf(mult), MAX_SCALE,
          RoundingMode.HALF_EVEN));
    }
    if (scale == 0) {
      return BigDecimal.valueOf(v);
    }
    return BigDecimal.valueOf(v, scale).stripTrailingZeros().setScale(Math.max(0,
        BigDecimal.valueOf(v, scale).stripTrailingZeros().scale()));
  }

  /**
   * Maximal sets of pairwise-allowed leaves among the eligible ones (Bron-Kerbosch), in a deterministic order.
   * Without any allowed pair these are the single leaves.
   */
  static int[][] maximalCliques(int[] elig, boolean[][] ok, long deadline) {
    if (ok == null || elig.length <= 1) {
      int[][] out = new int[elig.length][];
      for (int i = 0; i < elig.length; i++) {
        out[i] = new int[] {elig[i]};
      }
      return out;
    }
    List<int[]> out = new ArrayList<>();
    bk(new ArrayList<>(), toList(elig), new ArrayList<>(), ok, out, deadline);
    out.sort((a, b) -> {
      for (int i = 0; i < Math.min(a.length, b.length); i++) {
        if (a[i] != b[i]) {
          return Integer.compare(a[i], b[i]);
        }
      }
      return Integer.compare(a.length, b.length);
    });
    return out.toArray(new int[0][]);
  }

  private static List<Integer> toList(int[] a) {
    List<Integer> l = new ArrayList<>();
    for (int x : a) {
      l.add(x);
    }
    return l;
  }

  private static void bk(List<Integer> r, List<Integer> pp, List<Integer> x, boolean[][] ok, List<int[]> out,
      long deadline) {
    BudgetExceeded.check(deadline, null);
    if (pp.isEmpty() && x.isEmpty()) {
      int[] c = r.stream().mapToInt(Integer::intValue).toArray();
      Arrays.sort(c);
      out.add(c);
      return;
    }
    for (Integer v : new ArrayList<>(pp)) {
      List<Integer> r2 = new ArrayList<>(r);
      r2.add(v);
      List<Integer> p2 = new ArrayList<>();
      for (int u : pp) {
        if (u != v && ok[v][u]) {
          p2.add(u);
        }
      }
      List<Integer> x2 = new ArrayList<>();
      for (int u : x) {
        if (ok[v][u]) {
          x2.add(u);
        }
      }
      bk(r2, p2, x2, ok, out, deadline);
      pp.remove(v);
      x.add(v);
    }
  }
}
