package io.github.microcred.stacking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks an exact audit result against the rules directly (independent of the solver's internals). */
final class Invariants {
  private Invariants() {}

  static void check(Rules rules, Transcript t, LocalDate asOf, AuditResult r, String msg) {
    Map<String, Credential> byId = new HashMap<>();
    t.credentials().forEach(c -> byId.put(c.id(), c));
    Map<String, Set<String>> reqsOf = new HashMap<>();
    for (Assignment a : r.assignments()) {
      Credential c = byId.get(a.credentialId());
      // never issued after the audit date, expired or out of the validity window
      assertFalse(c.issued().isAfter(asOf), msg);
      assertFalse(c.expires().isPresent() && c.expires().get().isBefore(asOf), msg);
      int vy = rules.constraints().validityYears();
      assertFalse(vy > 0 && c.issued().isBefore(asOf.minusYears(vy)), msg);
      assertTrue(reqsOf.computeIfAbsent(a.credentialId(), x -> new HashSet<>()).add(a.requirement()), msg);
      assertEquals(0, a.credits().compareTo(c.credits().amount()), msg);
    }
    // every credential issued after the audit date is excluded with that reason
    for (Credential c : t.credentials()) {
      if (c.issued().isAfter(asOf)) {
        assertTrue(r.exclusions().stream().anyMatch(x -> x.credentialId().equals(c.id())
            && x.reason() == Exclusion.Reason.NOT_YET_ISSUED), msg + "\n future-dated " + c.id() + " not excluded");
      }
    }
    // no double counting unless every pair is whitelisted
    for (var e : reqsOf.entrySet()) {
      List<String> rs = e.getValue().stream().sorted().toList();
      for (int i = 0; i < rs.size(); i++) {
        for (int j = i + 1; j < rs.size(); j++) {
          assertTrue(whitelisted(rules, e.getKey(), rs.get(i), rs.get(j)), msg + "\n double counted " + e);
        }
      }
    }
    // caps
    BigDecimal total = BigDecimal.ZERO;
    for (String id : reqsOf.keySet()) {
      total = total.add(byId.get(id).credits().amount());
    }
    assertEquals(0, total.compareTo(r.countedCredits()), msg);
    for (Cap cap : rules.constraints().caps()) {
      Map<String, BigDecimal> use = new HashMap<>();
      for (String id : reqsOf.keySet()) {
        Credential c = byId.get(id);
        if (cap.filter().test(c, asOf)) {
          use.merge(cap.perProvider() ? c.provider() : "", cap.measure() == Cap.Measure.COUNT ? BigDecimal.ONE
              : c.credits().amount(), BigDecimal::add);
        }
      }
      // exact: the share times the total as a fraction, compared with the exact sum
      Fraction max = cap.shareOfTotal() ? cap.max().multiply(Fraction.of(rules.constraints().totalCredits()))
          : cap.max();
      for (BigDecimal u : use.values()) {
        assertTrue(Fraction.of(u).compareTo(max) <= 0, msg + "\n cap " + cap.name() + " used " + u + " > " + max);
      }
    }
  }

  private static boolean whitelisted(Rules rules, String cred, String p1, String p2) {
    for (DoubleCount d : rules.doubleCounting()) {
      if (!d.credentials().isEmpty() && !d.credentials().contains(cred)) {
        continue;
      }
      String a = null;
      String b = null;
      for (String name : d.requirements()) {
        if (under(p1, name)) {
          a = name;
        }
      }
      for (String name : d.requirements()) {
        if (under(p2, name) && !name.equals(a)) {
          b = name;
        }
      }
      if (a != null && b != null) {
        return true;
      }
    }
    return false;
  }

  private static boolean under(String path, String name) {
    return path.equals(name) || path.endsWith("/" + name) || path.contains("/" + name + "/");
  }
}
