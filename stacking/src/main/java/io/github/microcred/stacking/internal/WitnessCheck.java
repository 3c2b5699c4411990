package io.github.microcred.stacking.internal;

import io.github.microcred.stacking.Assignment;
import io.github.microcred.stacking.Cap;
import io.github.microcred.stacking.Credential;
import io.github.microcred.stacking.DoubleCount;
import io.github.microcred.stacking.Fraction;
import io.github.microcred.stacking.Origin;
import io.github.microcred.stacking.Requirement;
import io.github.microcred.stacking.Rules;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An independent check of a witness assignment, written to be read rather than fast, and sharing nothing with the
 * solver: it takes the assignment as (credential id, requirement path) pairs and re-derives everything from the
 * rules' tree and the public model (filters, dates, caps, whitelists) in exact rational arithmetic (converted credits
 * at their exact value, 8/3 for 4 quarter hours in semester hours, not their 6-place decimal). The solver's
 * {@code SATISFIED} is only returned when this check agrees.
 */
public final class WitnessCheck {
  private WitnessCheck() {}

  /**
   * Checks that the assignment satisfies the rules.
   *
   * @param k the compiled audit (for the tree, the credentials and their converted credits)
   * @param asOf the audit date
   * @param assignments the witness
   * @return empty when it satisfies the rules; otherwise what is wrong
   */
  public static Optional<String> check(Compiled k, LocalDate asOf, List<Assignment> assignments) {
    Rules rules = k.rules;
    FlatTree t = k.tree;
    Map<String, Integer> credIndex = new HashMap<>();
    for (int i = 0; i < k.creds.size(); i++) {
      credIndex.putIfAbsent(k.creds.get(i).id(), i);
    }
    Map<String, Integer> leafByPath = new HashMap<>();
    for (int l = 0; l < t.leaves.size(); l++) {
      leafByPath.put(t.nodes.get(t.leaves.get(l)).path, l);
    }
    Map<Integer, Set<Integer>> leavesOf = new LinkedHashMap<>();
    Fraction[] progress = new Fraction[t.leaves.size()];
    Arrays.fill(progress, Fraction.ZERO);
    for (Assignment a : assignments) {
      Integer c = credIndex.get(a.credentialId());
      if (c == null) {
        return Optional.of(a.credentialId() + " is not a credential that may count on " + asOf);
      }
      Integer l = leafByPath.get(a.requirement());
      if (l == null) {
        return Optional.of(a.requirement() + " is not a requirement leaf");
      }
      Credential cred = k.creds.get(c);
      if (cred.issued().isAfter(asOf) || cred.expires().isPresent() && cred.expires().get().isBefore(asOf)) {
        return Optional.of(cred.id() + " is not valid on " + asOf);
      }
      int vy = rules.constraints().validityYears();
      if (vy > 0 && cred.issued().isBefore(asOf.minusYears(vy))) {
        return Optional.of(cred.id() + " is outside the validity window");
      }
      Requirement leaf = t.nodes.get(t.leaves.get(l)).req;
      if (!leaf.filter().test(cred, asOf)) {
        return Optional.of(cred.id() + " does not match " + a.requirement());
      }
      if (a.credits().compareTo(k.converted.get(c)) != 0) {
        return Optional.of(cred.id() + " applies " + a.credits() + " instead of its " + k.converted.get(c));
      }
      if (!leavesOf.computeIfAbsent(c, x -> new LinkedHashSet<>()).add(l)) {
        return Optional.of(cred.id() + " assigned twice to " + a.requirement());
      }
      progress[l] = progress[l].add(leaf.kind() == Requirement.Kind.CREDITS ? k.exact.get(c) : Fraction.ONE);
    }
    // double counting: every pair of leaves a credential serves must be whitelisted for it
    for (var e : leavesOf.entrySet()) {
      List<Integer> ls = new ArrayList<>(e.getValue());
      for (int i = 0; i < ls.size(); i++) {
        for (int j = i + 1; j < ls.size(); j++) {
          if (!whitelisted(rules, t, k.creds.get(e.getKey()).id(), ls.get(i), ls.get(j))) {
            return Optional.of(k.creds.get(e.getKey()).id() + " counts toward "
                + t.nodes.get(t.leaves.get(ls.get(i))).path + " and " + t.nodes.get(t.leaves.get(ls.get(j))).path
                + " without a whitelist");
          }
        }
      }
    }
    // the tree
    if (!met(t, 0, progress)) {
      return Optional.of("the requirement tree is not met");
    }
    // totals and caps over the counted credentials
    Fraction total = Fraction.ZERO;
    Fraction resident = Fraction.ZERO;
    for (int c : leavesOf.keySet()) {
      total = total.add(k.exact.get(c));
      if (k.creds.get(c).origin() == Origin.RESIDENT) {
        resident = resident.add(k.exact.get(c));
      }
    }
    if (total.compareTo(Fraction.of(rules.constraints().totalCredits())) < 0) {
      return Optional.of("total credits " + total + " below " + rules.constraints().totalCredits());
    }
    if (resident.compareTo(Fraction.of(rules.constraints().minResidence())) < 0) {
      return Optional.of("credits in residence " + resident + " below " + rules.constraints().minResidence());
    }
    for (Cap cap : rules.constraints().caps()) {
      Fraction max = cap.limit(rules.constraints().totalCredits());
      Map<String, Fraction> use = new HashMap<>();
      for (int c : leavesOf.keySet()) {
        Credential cred = k.creds.get(c);
        if (cap.filter().test(cred, asOf)) {
          use.merge(cap.perProvider() ? cred.provider() : "",
              cap.measure() == Cap.Measure.COUNT ? Fraction.ONE : k.exact.get(c), Fraction::add);
        }
      }
      for (var u : use.entrySet()) {
        if (u.getValue().compareTo(max) > 0) {
          return Optional.of("cap " + cap.name() + (u.getKey().isEmpty() ? "" : " (" + u.getKey() + ")")
              + " used " + u.getValue() + " above " + max);
        }
      }
    }
    return Optional.empty();
  }

  private static boolean met(FlatTree t, int v, Fraction[] progress) {
    FlatTree.Node node = t.nodes.get(v);
    if (node.leaf >= 0) {
      return progress[node.leaf].compareTo(Fraction.of(node.req.amount())) >= 0;
    }
    int have = 0;
    for (int ch : node.children) {
      if (met(t, ch, progress)) {
        have++;
      }
    }
    return have >= t.threshold(v);
  }

  private static boolean whitelisted(Rules rules, FlatTree t, String cred, int la, int lb) {
    for (DoubleCount d : rules.doubleCounting()) {
      if (!d.credentials().isEmpty() && !d.credentials().contains(cred)) {
        continue;
      }
      List<String> names = new ArrayList<>(d.requirements());
      for (int i = 0; i < names.size(); i++) {
        for (int j = 0; j < names.size(); j++) {
          if (i != j && under(t, names.get(i), la) && under(t, names.get(j), lb)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static boolean under(FlatTree t, String name, int leaf) {
    for (int node : t.byName.getOrDefault(name, List.of())) {
      if (t.leavesUnder(node).contains(leaf)) {
        return true;
      }
    }
    return false;
  }
}
