package io.github.microcred.stacking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.microcred.core.CreditConversions;
import io.github.microcred.stacking.internal.Compiled;
import io.github.microcred.stacking.internal.CreditConverter;
import io.github.microcred.stacking.internal.Decomposer;
import io.github.microcred.stacking.internal.ExactSolver;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Oracle for the decomposition: on instances larger than brute force can handle, the component-wise solver reaches
 * the same lexicographic objective value as the undecomposed branch and bound on the whole problem.
 */
class DecompositionOracleTest {
  static final CreditConverter CONV = new CreditConverter(CreditConversions.defaults());
  static final String[] MANY = {"s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7"};

  /** Compares; returns the number of components, or -1 when the undecomposed search hit its budget. */
  static int compare(RandomInstances.Instance in, LocalDate asOf, String msg) throws StackingException {
    Compiled k = Compiled.of(in.rules(), in.transcript().credentials(), asOf, CONV);
    ExactSolver whole = new ExactSolver(k.p, 1_000_000_000L);
    int[] a = whole.solve();
    if (whole.wasCut()) {
      return -1;
    }
    Decomposer d = new Decomposer(k.p, Long.MAX_VALUE);
    int[] b = d.solve();
    assertFalse(d.wasCut(), msg);
    assertEquals(Arrays.toString(Decomposer.objective(k.p, a)), Arrays.toString(Decomposer.objective(k.p, b)),
        msg + "\ncomponents " + d.components() + "\n" + in.rules().toJson());
    AuditResult r = Stacking.audit(in.rules(), in.transcript(), asOf);
    Invariants.check(in.rules(), in.transcript(), asOf, r, msg);
    return d.components();
  }

  @Test
  void decomposedEqualsUndecomposedOnRandomRules() throws Exception {
    SplittableRandom master = new SplittableRandom(60601L);
    int multi = 0;
    int cut = 0;
    for (int i = 0; i < 400; i++) {
      long seed = master.nextLong();
      RandomInstances.Instance in = RandomInstances.generate(new SplittableRandom(seed), 26, 12, MANY);
      int comps = compare(in, RandomInstances.AS_OF, "case " + i + " seed " + seed);
      cut += comps < 0 ? 1 : 0;
      multi += comps > 1 ? 1 : 0;
    }
    assertTrue(cut < 20, "undecomposed search cut " + cut + " times");
    assertTrue(multi > 100, "instances with several components: " + multi);
  }

  /** Independent blocks of tight credit requirements (tags only within a block), with optional caps and totals. */
  static RandomInstances.Instance blocks(SplittableRandom r) throws StackingException {
    int nb = 2 + r.nextInt(4);
    int[] cr = {2, 3, 4, 5, 6, 10};
    List<Credential> creds = new ArrayList<>();
    List<Requirement> reqs = new ArrayList<>();
    long supply = 0;
    for (int b = 0; b < nb; b++) {
      int nr = 1 + r.nextInt(4);
      int nc = 2 + r.nextInt(8);
      long blockSupply = 0;
      for (int i = 0; i < nc; i++) {
        int k = 1 + r.nextInt(Math.min(3, nr));
        String[] tags = new String[k];
        for (int t = 0; t < k; t++) {
          tags[t] = "b" + b + "r" + r.nextInt(nr);
        }
        int c = cr[r.nextInt(cr.length)];
        blockSupply += c;
        creds.add(Credential.builder("B" + b + "C" + i).credits(c, "ECTS").tags(tags).issuer("P" + r.nextInt(3))
            .origin(r.nextInt(4) == 0 ? Origin.EXTERNAL : Origin.RESIDENT).kind(r.nextInt(3) == 0 ? "badge" : "course")
            .issued(LocalDate.of(2025, 1, 1)).build());
      }
      supply += blockSupply;
      List<Requirement> leaves = new ArrayList<>();
      for (int q = 0; q < nr; q++) {
        Filter f = Filter.builder().tags("b" + b + "r" + q).build();
        leaves.add(r.nextInt(4) == 0 ? Requirement.count("b" + b + "r" + q, 1 + r.nextInt(3), f)
            : Requirement.credits("b" + b + "r" + q, Math.max(1, blockSupply / nr - 2 + r.nextInt(5)), f));
      }
      if (nr > 1 && r.nextInt(3) == 0) {
        reqs.add(Requirement.nOf("b" + b, 1 + r.nextInt(nr - 1), leaves.toArray(new Requirement[0])));
      } else {
        reqs.addAll(leaves);
      }
    }
    Rules.Builder rb = Rules.builder("blocks").unit("ECTS").requirement(Requirement.allOf("root",
        reqs.toArray(new Requirement[0])));
    boolean total = r.nextInt(3) > 0;
    if (total) {
      rb.totalCredits(supply * (60 + r.nextInt(40)) / 100.0);
    }
    if (r.nextInt(4) == 0) {
      rb.minResidence(supply * r.nextInt(60) / 100.0);
    }
    if (total && r.nextInt(2) == 0) {
      rb.cap(Cap.maxShare("external", Filter.builder().origins(Origin.EXTERNAL).build(), new BigDecimal("0.25")));
    }
    if (r.nextInt(3) == 0) {
      rb.cap(Cap.maxPerProvider("provider", BigDecimal.valueOf(supply / 3)));
    }
    if (r.nextInt(4) == 0) {
      rb.cap(Cap.maxCount("badges", Filter.builder().kinds("badge").build(), r.nextInt(4)));
    }
    return new RandomInstances.Instance(rb.build(), new Transcript(creds));
  }

  @Test
  void decomposedEqualsUndecomposedOnIndependentBlocks() throws Exception {
    SplittableRandom master = new SplittableRandom(991L);
    int multi = 0;
    int cut = 0;
    for (int i = 0; i < 400; i++) {
      long seed = master.nextLong();
      int comps = compare(blocks(new SplittableRandom(seed)), RandomInstances.AS_OF, "block case " + i + " seed " + seed);
      cut += comps < 0 ? 1 : 0;
      multi += comps > 1 ? 1 : 0;
    }
    assertTrue(cut < 20, "undecomposed search cut " + cut + " times");
    assertTrue(multi > 200, "instances with several components: " + multi);
  }
}
