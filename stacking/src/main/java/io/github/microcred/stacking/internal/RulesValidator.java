package io.github.microcred.stacking.internal;

import static io.github.microcred.stacking.StackingIssueCode.*;

import io.github.microcred.core.Issue;
import io.github.microcred.stacking.Cap;
import io.github.microcred.stacking.DoubleCount;
import io.github.microcred.stacking.Filter;
import io.github.microcred.stacking.Fraction;
import io.github.microcred.stacking.Requirement;
import io.github.microcred.stacking.Rules;
import io.github.microcred.stacking.StackingErrorCode;
import io.github.microcred.stacking.StackingIssueCode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

/** Checks {@link Rules}; every problem is an error {@link Issue} with the path to the fault. */
public final class RulesValidator {
  private RulesValidator() {}

  /**
   * Lists the problems of the rules.
   *
   * @param rules rules
   * @return problems
   */
  public static List<Issue> problems(Rules rules) {
    List<Issue> p = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    checkNode(rules.root(), "$", p, ids, rules);
    for (var e : rules.definitions().entrySet()) {
      checkNode(e.getValue(), "$definitions/" + e.getKey(), p, ids, rules);
    }
    FlatTree t = FlatTree.of(rules);
    p.addAll(t.problems);
    var c = rules.constraints();
    if (c.totalCredits().signum() < 0) {
      add(p, "$.constraints.totalCredits", NEGATIVE_VALUE, "negative credits " + c.totalCredits().toPlainString());
    }
    if (c.minResidence().signum() < 0) {
      add(p, "$.constraints.minResidence", NEGATIVE_VALUE, "negative credits " + c.minResidence().toPlainString());
    }
    if (c.validityYears() < 0) {
      add(p, "$.constraints.validityYears", NEGATIVE_VALUE, "negative " + c.validityYears());
    }
    for (int i = 0; i < c.caps().size(); i++) {
      Cap cap = c.caps().get(i);
      String path = "$.constraints.caps[" + i + "]";
      filterProblems(cap.filter(), path + ".where", p);
      if (cap.max().signum() < 0) {
        add(p, path + ".max", NEGATIVE_VALUE, "negative limit " + cap.max());
      }
      if (cap.shareOfTotal() && cap.max().compareTo(Fraction.ONE) > 0) {
        add(p, path + ".share", SHARE_OUT_OF_RANGE, "a share must be within [0, 1], got " + cap.max());
      }
      if (cap.shareOfTotal() && c.totalCredits().signum() == 0) {
        add(p, path + ".share", SHARE_WITHOUT_TOTAL, "a share cap needs constraints.totalCredits");
      }
    }
    for (int i = 0; i < rules.doubleCounting().size(); i++) {
      DoubleCount d = rules.doubleCounting().get(i);
      String path = "$.doubleCounting[" + i + "]";
      if (d.requirements().size() < 2) {
        add(p, path + ".requirements", TOO_FEW_REQUIREMENTS, "name at least two requirements");
      }
      for (String r : d.requirements().stream().sorted().toList()) {
        if (!t.byName.containsKey(r)) {
          add(p, path + ".requirements", UNKNOWN_REFERENCE, "unknown requirement reference '" + r + "'");
        }
      }
    }
    return p;
  }

  /** Fields of a filter built in Java that would be ignored: a reference date without a recency window. */
  private static void filterProblems(Filter f, String path, List<Issue> p) {
    if (f.referenceDate().isPresent() && f.withinYears() == 0) {
      add(p, path + ".referenceDate", REFERENCE_DATE_WITHOUT_WINDOW,
          "is the reference date of withinYears, which is not set");
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

  /**
   * The text of a {@link StackingErrorCode#RULES_INVALID} failure: every problem as
   * {@code path: message}, joined by {@code ; }.
   *
   * @param problems the problems, not empty
   * @return the exception message
   */
  public static String describe(List<Issue> problems) {
    StringJoiner faults = new StringJoiner("; ", "invalid rules: ", "");
    problems.forEach(i -> faults.add(i.path() + ": " + i.message()));
    return faults.toString();
  }

  private static void add(List<Issue> p, String path, StackingIssueCode code, String message) {
    p.add(Issue.error(path, code, message));
  }

  private static void checkNode(Requirement r, String path, List<Issue> p, Set<String> ids, Rules rules) {
    if (!r.id().isEmpty() && !ids.add(r.id())) {
      add(p, path, DUPLICATE_ID, "duplicate requirement id '" + r.id() + "'");
    }
    switch (r.kind()) {
      case N_OF:
        if (r.n() > r.children().size()) {
          add(p, path, TOO_FEW_CHILDREN, "nOf needs " + r.n() + " but has only " + r.children().size() + " children");
        }
        if (r.n() < 0) {
          add(p, path, NEGATIVE_VALUE, "nOf with negative n " + r.n());
        }
        break;
      case CREDITS:
        if (r.amount().signum() < 0) {
          add(p, path, NEGATIVE_VALUE, "negative credits " + r.amount().toPlainString());
        }
        break;
      case COUNT:
        if (r.amount().signum() < 0) {
          add(p, path, NEGATIVE_VALUE, "negative count " + r.amount().toPlainString());
        }
        if (r.amount().stripTrailingZeros().scale() > 0) {
          add(p, path, NOT_WHOLE_COUNT, "count must be a whole number, got " + r.amount().toPlainString());
        }
        break;
      case CREDENTIAL:
      case EQUIVALENT:
        if (r.filter().credentials().isEmpty()) {
          add(p, path, NO_CREDENTIAL, "names no credential");
        }
        break;
      case REF:
        break;
      default:
        break;
    }
    if (!r.isLeaf() && !r.filter().equals(Filter.ANY)) {
      add(p, path + ".where", FILTER_ON_BRANCH, "a filter applies to the leaves (credits, count, credential, equivalent)"
          + " only, not to " + r.kind() + "; put it on the leaves it should restrict");
    }
    filterProblems(r.filter(), path + ".where", p);
    if (r.filter().withinYears() < 0) {
      add(p, path + ".where.withinYears", NEGATIVE_VALUE, "negative " + r.filter().withinYears());
    }
    Set<String> segs = new HashSet<>();
    for (int i = 0; i < r.children().size(); i++) {
      checkNode(r.children().get(i), path + "/" + FlatTree.segment(r, i, segs), p, ids, rules);
    }
  }
}
