package io.github.microcred.stacking.internal;

import static io.github.microcred.stacking.StackingIssueCode.*;

import io.github.microcred.core.Issue;
import io.github.microcred.core.internal.JsonNesting;
import io.github.microcred.stacking.Cap;
import io.github.microcred.stacking.DoubleCount;
import io.github.microcred.stacking.Filter;
import io.github.microcred.stacking.Fraction;
import io.github.microcred.stacking.Requirement;
import io.github.microcred.stacking.Rules;
import io.github.microcred.stacking.StackingErrorCode;
import io.github.microcred.stacking.StackingIssueCode;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
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
    Issue deep = tooDeep(rules);
    if (deep != null) {
      // every other check recurses into the trees: rules built in Java 100,000 levels deep stop here
      p.add(deep);
      return p;
    }
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

  /** Deepest nesting of filters ({@code allOf}, {@code anyOf}, {@code noneOf} of a {@code where}). */
  public static final int MAX_FILTER_DEPTH = 100;

  /** A requirement or filter on the walk, with its parent for the paths (built only for the one reported). */
  private record Step(Object node, int depth, Step parent, String ruleStep, String jsonStep) {
    String path(boolean json) {
      Deque<String> steps = new ArrayDeque<>();
      for (Step x = this; x != null; x = x.parent) {
        steps.push(json ? x.jsonStep : x.ruleStep);
      }
      return String.join("", steps);
    }
  }

  /**
   * The first requirement nested deeper than {@link FlatTree#MAX_DEPTH} levels or filter nested deeper than
   * {@link #MAX_FILTER_DEPTH} in the authored trees (the root tree, each definition, each cap), found without
   * recursion, so rules built in Java 100,000 levels deep are one problem instead of a {@link StackOverflowError}.
   *
   * @param rules the rules
   * @return the problem at the rule path of that node, naming its JSON path; null when within the bounds
   */
  static Issue tooDeep(Rules rules) {
    Deque<Step> todo = new ArrayDeque<>();
    List<Step> roots = new ArrayList<>();
    roots.add(new Step(rules.root(), 1, null, "$", "$.requirement"));
    for (var e : rules.definitions().entrySet()) {
      roots.add(new Step(e.getValue(), 1, null, "$definitions/" + e.getKey(),
          "$.definitions" + JsonNesting.member(e.getKey())));
    }
    var caps = rules.constraints().caps();
    for (int i = 0; i < caps.size(); i++) {
      String at = "$.constraints.caps[" + i + "].where";
      roots.add(new Step(caps.get(i).filter(), 1, null, at, at));
    }
    // the deepest level each object was walked at: a shared object met again no deeper has nothing new below it, so
    // a DAG built in Java whose levels share children is walked in time linear in its objects, not its paths
    Map<Object, Integer> walked = new IdentityHashMap<>();
    for (Step root : roots) {
      todo.push(root);
      while (!todo.isEmpty()) {
        Step s = todo.pop();
        Integer before = walked.get(s.node);
        if (before != null && before >= s.depth) {
          continue;
        }
        walked.put(s.node, s.depth);
        if (s.node instanceof Requirement r) {
          if (s.depth > FlatTree.MAX_DEPTH) {
            return Issue.error(s.path(false), TOO_LARGE, "requirements nest deeper than " + FlatTree.MAX_DEPTH
                + " levels here (JSON path " + JsonNesting.abbreviate(s.path(true))
                + "); nest fewer levels or share a definition by reference");
          }
          if (!r.filter().equals(Filter.ANY)) {
            todo.push(new Step(r.filter(), 1, s, ".where", ".where"));
          }
          String list = r.kind() == Requirement.Kind.ALL_OF ? ".allOf" : r.kind() == Requirement.Kind.ANY_OF
              ? ".anyOf" : ".of";
          Set<String> segs = new HashSet<>();
          List<Step> kids = new ArrayList<>();
          for (int i = 0; i < r.children().size(); i++) {
            kids.add(new Step(r.children().get(i), s.depth + 1, s, "/" + FlatTree.segment(r, i, segs),
                list + "[" + i + "]"));
          }
          for (int i = kids.size() - 1; i >= 0; i--) {
            todo.push(kids.get(i));
          }
        } else {
          Filter f = (Filter) s.node;
          if (s.depth > MAX_FILTER_DEPTH) {
            String json = s.path(true);
            return Issue.error(s.path(false), TOO_LARGE, "filters nest deeper than " + MAX_FILTER_DEPTH
                + " levels here" + (json.equals(s.path(false)) ? "" : " (JSON path "
                + JsonNesting.abbreviate(json) + ")")
                + "; nest fewer allOf, anyOf and noneOf levels");
          }
          List<Step> kids = new ArrayList<>();
          for (var part : List.of(Map.entry(".allOf", f.allOf()), Map.entry(".anyOf", f.anyOf()),
              Map.entry(".noneOf", f.noneOf()))) {
            for (int i = 0; i < part.getValue().size(); i++) {
              String step = part.getKey() + "[" + i + "]";
              kids.add(new Step(part.getValue().get(i), s.depth + 1, s, step, step));
            }
          }
          for (int i = kids.size() - 1; i >= 0; i--) {
            todo.push(kids.get(i));
          }
        }
      }
    }
    Map<Object, Long> sizes = new IdentityHashMap<>();
    long total = 0;
    for (Step root : roots) {
      long n = Trees.writtenOut(root.node, sizes);
      total = total > Long.MAX_VALUE - n ? Long.MAX_VALUE : total + n;
      if (total > MAX_WRITTEN_OUT) {
        return Issue.error(root.ruleStep, TOO_LARGE, "the requirements and filters written out (a shared object once"
            + " per place it stands) have more than " + MAX_WRITTEN_OUT + " nodes by here" + (root.jsonStep.equals(
            root.ruleStep) ? "" : " (JSON path " + root.jsonStep + ")") + "; build smaller trees");
      }
    }
    return null;
  }

  /**
   * Most requirements and filters of the authored trees (root, definitions, caps) written out, each shared object once
   * per place it stands: every check walks them as trees, so rules built in Java as a DAG whose levels share children
   * (2^60 places at depth 60) are refused here instead of walked for ever.
   */
  public static final int MAX_WRITTEN_OUT = 1_000_000;

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
