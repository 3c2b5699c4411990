package io.github.microcred.stacking;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.microcred.core.CreditConversions;
import io.github.microcred.stacking.internal.Compiled;
import io.github.microcred.stacking.internal.CreditConverter;
import io.github.microcred.stacking.internal.WitnessCheck;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The independent witness check accepts every SATISFIED assignment and rejects broken ones: an unknown credential or
 * requirement, altered credits, a credential assigned twice to one requirement or to one it does not match, and an
 * assignment with a needed credential removed.
 */
class WitnessCheckTest {
  static final CreditConverter CONV = new CreditConverter(CreditConversions.defaults());

  @Test
  void acceptsWitnessesAndRejectsMutations() throws Exception {
    SplittableRandom master = new SplittableRandom(777L);
    int checked = 0;
    int removalsCaught = 0;
    for (int i = 0; i < 3000; i++) {
      long seed = master.nextLong();
      RandomInstances.Instance in = RandomInstances.generate(new SplittableRandom(seed), 12, 6);
      AuditResult r = Stacking.audit(in.rules(), in.transcript(), RandomInstances.AS_OF);
      if (!r.satisfied() || r.assignments().isEmpty()) {
        continue;
      }
      checked++;
      String msg = "seed " + seed + "\n" + r.summary();
      Compiled k = Compiled.of(in.rules(), in.transcript().credentials(), RandomInstances.AS_OF, CONV);
      List<Assignment> w = r.assignments();
      assertTrue(WitnessCheck.check(k, RandomInstances.AS_OF, w).isEmpty(), msg);
      Assignment a = w.get(0);
      assertTrue(WitnessCheck.check(k, RandomInstances.AS_OF, with(w, 0,
          new Assignment("nobody", a.requirement(), a.credits()))).isPresent(), msg);
      assertTrue(WitnessCheck.check(k, RandomInstances.AS_OF, with(w, 0,
          new Assignment(a.credentialId(), "$/nowhere", a.credits()))).isPresent(), msg);
      assertTrue(WitnessCheck.check(k, RandomInstances.AS_OF, with(w, 0,
          new Assignment(a.credentialId(), a.requirement(), a.credits().add(BigDecimal.ONE)))).isPresent(), msg);
      List<Assignment> twice = new ArrayList<>(w);
      twice.add(a);
      assertTrue(WitnessCheck.check(k, RandomInstances.AS_OF, twice).isPresent(), msg);
      // moved to a requirement leaf it does not match
      for (RequirementStatus s : r.requirements()) {
        if (k.tree.nodes.stream().anyMatch(n -> n.path.equals(s.path()) && n.leaf >= 0)
            && !s.path().equals(a.requirement())) {
          Credential c = in.transcript().credentials().stream().filter(x -> x.id().equals(a.credentialId()))
              .findFirst().orElseThrow();
          boolean matches = k.tree.nodes.stream().filter(n -> n.path.equals(s.path())).findFirst().orElseThrow()
              .req.filter().test(c, RandomInstances.AS_OF);
          if (!matches) {
            assertTrue(WitnessCheck.check(k, RandomInstances.AS_OF, with(w, 0,
                new Assignment(a.credentialId(), s.path(), a.credits()))).isPresent(), msg + "\nmoved to " + s.path());
          }
        }
      }
      // removing a credential the audit needed: caught unless the rest still satisfies the rules (then the solver's
      // brute-force-checked optimum says so too, and the check must accept)
      List<Assignment> less = new ArrayList<>(w);
      less.removeIf(x -> x.credentialId().equals(a.credentialId()));
      List<Credential> rest = new ArrayList<>(in.transcript().credentials());
      rest.removeIf(x -> x.id().equals(a.credentialId()));
      boolean stillOk = WitnessCheck.check(k, RandomInstances.AS_OF, less).isEmpty();
      if (stillOk) {
        assertTrue(Stacking.audit(in.rules(), new Transcript(rest), RandomInstances.AS_OF).satisfied(), msg);
      } else {
        removalsCaught++;
      }
    }
    assertTrue(checked > 300, "satisfied instances " + checked);
    assertTrue(removalsCaught > 100, "removals caught " + removalsCaught);
  }

  private static List<Assignment> with(List<Assignment> w, int i, Assignment a) {
    List<Assignment> out = new ArrayList<>(w);
    out.set(i, a);
    return out;
  }
}
