package io.github.microcred.stacking.internal;

import io.github.microcred.stacking.Cap;
import io.github.microcred.stacking.DoubleCount;
import io.github.microcred.stacking.Requirement;
import io.github.microcred.stacking.Rules;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks {@link Rules}; every problem starts with the path to the fault. */
public final class RulesValidator {
  private RulesValidator() {}

  /**
   * Lists the problems of the rules.
   *
   * @param rules rules
   * @return problems
   */
  public static List<String> problems(Rules rules) {
    List<String> p = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    checkNode(rules.root(), "$", p, ids, rules);
    for (var e : rules.definitions().entrySet()) {
      checkNode(e.getValue(), "$definitions/" + e.getKey(), p, ids, rules);
    }
    FlatTree t = FlatTree.of(rules);
    p.addAll(t.problems);
    var c = rules.constraints();
    if (c.totalCredits().signum() < 0) {
      p.add("$.constraints.totalCredits: negative credits " + c.totalCredits().toPlainString());
    }
    if (c.minResidence().signum() < 0) {
      p.add("$.constraints.minResidence: negative credits " + c.minResidence().toPlainString());
    }
    if (c.validityYears() < 0) {
      p.add("$.constraints.validityYears: negative " + c.validityYears());
    }
    for (int i = 0; i < c.caps().size(); i++) {
      Cap cap = c.caps().get(i);
      String path = "$.constraints.caps[" + i + "]";
      filterProblems(cap.filter(), path + ".where", p);
      if (cap.max().signum() < 0) {
        p.add(path + ".max: negative limit " + cap.max());
      }
      if (cap.shareOfTotal() && cap.max().compareTo(io.github.microcred.stacking.Fraction.ONE) > 0) {
        p.add(path + ".share: a share must be within [0, 1], got " + cap.max());
      }
      if (cap.shareOfTotal() && c.totalCredits().signum() == 0) {
        p.add(path + ".share: a share cap needs constraints.totalCredits");
      }
    }
    for (int i = 0; i < rules.doubleCounting().size(); i++) {
      DoubleCount d = rules.doubleCounting().get(i);
      String path = "$.doubleCounting[" + i + "]";
      if (d.requirements().size() < 2) {
        p.add(path + ".requirements: name at least two requirements");
      }
      for (String r : d.requirements().stream().sorted().toList()) {
        if (!t.byName.containsKey(r)) {
          p.add(path + ".requirements: unknown requirement reference '" + r + "'");
        }
      }
    }
    return p;
  }

  /** Fields of a filter built in Java that would be ignored: a reference date without a recency window. */
  private static void filterProblems(io.github.microcred.stacking.Filter f, String path, List<String> p) {
    if (f.referenceDate().isPresent() && f.withinYears() == 0) {
      p.add(path + ".referenceDate: is the reference date of withinYears, which is not set");
    }
    for (int i = 0; i < f.allOf().size(); i++) {
      filterProblems(f.allOf().get(i), path + ".allOf[" + i + "]", p);
    }
    for (int i = 0; i < f.anyOf().size(); i++) {
      filterProblems(f.anyOf().get(i), path + ".anyOf[" + i + "]", p);
    }
    for (int i = 0; i < f.noneOf().size(); i++) {
      filterProblems(f.noneOf().get(i), path + ".noneOf[" + i + "]", p);
    }
  }

  private static void checkNode(Requirement r, String path, List<String> p, Set<String> ids, Rules rules) {
    if (!r.id().isEmpty() && !ids.add(r.id())) {
      p.add(path + ": duplicate requirement id '" + r.id() + "'");
    }
    switch (r.kind()) {
      case N_OF:
        if (r.n() > r.children().size()) {
          p.add(path + ": nOf needs " + r.n() + " but has only " + r.children().size() + " children");
        }
        if (r.n() < 0) {
          p.add(path + ": nOf with negative n " + r.n());
        }
        break;
      case CREDITS:
        if (r.amount().signum() < 0) {
          p.add(path + ": negative credits " + r.amount().toPlainString());
        }
        break;
      case COUNT:
        if (r.amount().signum() < 0) {
          p.add(path + ": negative count " + r.amount().toPlainString());
        }
        if (r.amount().stripTrailingZeros().scale() > 0) {
          p.add(path + ": count must be a whole number, got " + r.amount().toPlainString());
        }
        break;
      case CREDENTIAL:
      case EQUIVALENT:
        if (r.filter().credentials().isEmpty()) {
          p.add(path + ": names no credential");
        }
        break;
      case REF:
        break;
      default:
        break;
    }
    if (!r.isLeaf() && !r.filter().equals(io.github.microcred.stacking.Filter.ANY)) {
      p.add(path + ".where: a filter applies to the leaves (credits, count, credential, equivalent) only, not to "
          + r.kind() + "; put it on the leaves it should restrict");
    }
    filterProblems(r.filter(), path + ".where", p);
    if (r.filter().withinYears() < 0) {
      p.add(path + ".where.withinYears: negative " + r.filter().withinYears());
    }
    Set<String> segs = new HashSet<>();
    for (int i = 0; i < r.children().size(); i++) {
      checkNode(r.children().get(i), path + "/" + FlatTree.segment(r, i, segs), p, ids, rules);
    }
  }
}
