package io.github.microcred.stacking.internal;

import io.github.microcred.core.Issue;
import io.github.microcred.core.internal.JsonNesting;
import io.github.microcred.stacking.Credential;
import io.github.microcred.stacking.Filter;
import io.github.microcred.stacking.Requirement;
import io.github.microcred.stacking.Rules;
import io.github.microcred.stacking.StackingIssueCode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The requirement tree with references expanded, each node with its stable path. Node 0 is the root. */
public final class FlatTree {

  /** One expanded node. */
  public static final class Node {
    /** Stable path. */
    public final String path;
    /** The authored requirement (a ref is replaced by its definition). */
    public final Requirement req;
    /** Parent index, -1 for the root. */
    public final int parent;
    /** Children indices. */
    public final List<Integer> children = new ArrayList<>();
    /** Leaf index, or -1. */
    public int leaf = -1;

    Node(String path, Requirement req, int parent) {
      this.path = path;
      this.req = req;
      this.parent = parent;
    }
  }

  /** All nodes, pre-order. */
  public final List<Node> nodes = new ArrayList<>();
  /** Node index of each leaf. */
  public final List<Integer> leaves = new ArrayList<>();
  /** Problems found while expanding (unknown and cyclic references). */
  public final List<Issue> problems = new ArrayList<>();
  /** Leaf index by the path of its node. */
  public final Map<String, Integer> leafByPath = new HashMap<>();
  /** Node indices by id and by path. */
  public final Map<String, List<Integer>> byName = new HashMap<>();

  private FlatTree() {}

  /**
   * Expands the rules' tree.
   *
   * @param rules the rules
   * @return the tree
   */
  public static FlatTree of(Rules rules) {
    FlatTree t = new FlatTree();
    Issue tooLarge = Size.check(rules);
    if (tooLarge != null) {
      // measured on the definitions as a DAG, before anything is written out: fails fast, in time linear in the file
      t.problems.add(tooLarge);
      t.register(new Node("$", Requirement.count("", 1, Filter.builder()
          .credentials("\u0000too-large").build()), -1), rules.root());
      t.index();
      return t;
    }
    t.add(rules, rules.root(), "$", -1, new ArrayList<>());
    t.index();
    return t;
  }

  /** Most requirement nodes of the rules written out (every reference replaced by a copy of its definition). */
  public static final int MAX_NODES = 5_000;
  /** Deepest nesting of the rules written out. */
  public static final int MAX_DEPTH = 100;

  /**
   * The size and depth of the written-out rules, computed once per definition (memoised over the definitions as a
   * DAG, dependencies first, so neither time nor stack grows with the written-out size), so that a file of shared
   * references that would expand exponentially is refused before any expansion.
   */
  private static final class Size {
    private final Map<String, long[]> memo = new HashMap<>();
    private Map<String, Requirement> defs = Map.of();

    /** Null when within the limits; else the problem, naming the smallest definition (or the tree) over them. */
    static Issue check(Rules rules) {
      Size z = new Size();
      z.defs = rules.definitions();
      // definitions in dependency order (Kahn); those on a cycle are never measured: the expansion reports them
      Map<String, Set<String>> deps = new HashMap<>();
      Map<String, List<String>> users = new HashMap<>();
      Deque<String> ready = new ArrayDeque<>();
      for (var e : rules.definitions().entrySet()) {
        Set<String> d = new HashSet<>();
        refs(e.getValue(), d);
        d.retainAll(rules.definitions().keySet());
        deps.put(e.getKey(), d);
        for (String x : d) {
          users.computeIfAbsent(x, k -> new ArrayList<>()).add(e.getKey());
        }
        if (d.isEmpty()) {
          ready.add(e.getKey());
        }
      }
      while (!ready.isEmpty()) {
        String d = ready.poll();
        z.memo.put(d, z.measure(rules.definitions().get(d)));
        for (String u : users.getOrDefault(d, List.of())) {
          Set<String> left = deps.get(u);
          if (left.remove(d) && left.isEmpty()) {
            ready.add(u);
          }
        }
      }
      long[] root = z.measure(rules.root());
      if (root[0] <= MAX_NODES && root[1] <= MAX_DEPTH) {
        return null;
      }
      String worst = null;
      long[] at = root;
      for (String d : rules.definitions().keySet()) {
        long[] m = z.memo.get(d);
        if (m != null && (m[0] > MAX_NODES || m[1] > MAX_DEPTH) && (worst == null || m[0] < at[0]
            || m[0] == at[0] && m[1] < at[1])) {
          worst = d;
          at = m;
        }
      }
      String path = worst == null ? "$.requirement" : "$.definitions." + worst;
      String level = at[0] > MAX_NODES ? "" : ", level " + (MAX_DEPTH + 1) + " is " + JsonNesting.abbreviate(
          z.firstTooDeep(worst == null ? rules.root() : rules.definitions().get(worst),
              worst == null ? "$" : "$definitions/" + worst));
      return Issue.error(path, StackingIssueCode.TOO_LARGE, "the rules written out (each ref a copy of its definition,"
          + " as a credential counts toward at"
          + " most one copy) " + (at[0] > MAX_NODES ? "have more than " + MAX_NODES + " requirement nodes ("
          + (at[0] == Long.MAX_VALUE ? "far more" : Long.toString(at[0])) + ")" : "nest deeper than " + MAX_DEPTH
          + " levels (" + at[1] + ")") + (worst == null ? "" : " from this definition alone") + level
          + "; share fewer references or split the rules");
    }

    private static void refs(Requirement r, Set<String> out) {
      if (r.kind() == Requirement.Kind.REF) {
        out.add(r.ref());
      }
      for (Requirement c : r.children()) {
        refs(c, out);
      }
    }

    /**
     * The rule path, written out (each ref followed into its definition), of the first node at level
     * {@code MAX_DEPTH + 1} below {@code r}: the deepest chain of children, followed from the measured depths.
     */
    private String firstTooDeep(Requirement r, String path) {
      StringBuilder p = new StringBuilder(path);
      Requirement cur = deref(r);
      for (int level = 1; level <= MAX_DEPTH && cur != null; level++) {
        Set<String> segs = new HashSet<>();
        Requirement next = null;
        for (int i = 0; i < cur.children().size() && next == null; i++) {
          String seg = segment(cur, i, segs);
          Requirement c = cur.children().get(i);
          if (measure(c)[1] >= MAX_DEPTH + 1 - level) {
            next = deref(c);
            p.append('/').append(seg);
          }
        }
        cur = next;
      }
      return p.toString();
    }

    private Requirement deref(Requirement r) {
      Requirement x = r;
      for (int hops = 0; x != null && x.kind() == Requirement.Kind.REF && hops <= memo.size(); hops++) {
        x = memo.containsKey(x.ref()) ? defs.get(x.ref()) : null;
      }
      return x;
    }

    /** {nodes, depth} of one authored tree, references looked up (saturating). */
    private long[] measure(Requirement r) {
      if (r.kind() == Requirement.Kind.REF) {
        return memo.getOrDefault(r.ref(), new long[] {1, 1}); // unknown or cyclic: reported by the expansion
      }
      long nodes = 1;
      long depth = 0;
      for (Requirement c : r.children()) {
        long[] m = measure(c);
        nodes = nodes > Long.MAX_VALUE - m[0] ? Long.MAX_VALUE : nodes + m[0];
        depth = Math.max(depth, m[1]);
      }
      return new long[] {nodes, depth + 1};
    }
  }

  /** Children per node, as arrays. */
  public int[][] kids;
  /** Threshold per node. */
  public int[] need;
  /** Leaf index per node, or -1. */
  public int[] leafOfNode;
  /** The requirement of each leaf. */
  public Requirement[] leafReq;
  private final Map<String, int[]> byId = new HashMap<>();
  private final Map<String, int[]> byTag = new HashMap<>();
  private final Map<String, int[]> bySubject = new HashMap<>();
  private final Map<String, int[]> byCompetency = new HashMap<>();
  private int[] unindexed;

  private void index() {
    int n = nodes.size();
    kids = new int[n][];
    need = new int[n];
    leafOfNode = new int[n];
    for (int v = 0; v < n; v++) {
      List<Integer> ch = nodes.get(v).children;
      kids[v] = new int[ch.size()];
      for (int i = 0; i < kids[v].length; i++) {
        kids[v][i] = ch.get(i);
      }
      need[v] = threshold(v);
      leafOfNode[v] = nodes.get(v).leaf;
    }
    leafReq = new Requirement[leaves.size()];
    Map<String, List<Integer>> ids = new HashMap<>();
    Map<String, List<Integer>> tags = new HashMap<>();
    Map<String, List<Integer>> subjects = new HashMap<>();
    Map<String, List<Integer>> competencies = new HashMap<>();
    List<Integer> rest = new ArrayList<>();
    for (int l = 0; l < leafReq.length; l++) {
      leafReq[l] = nodes.get(leaves.get(l)).req;
      leafByPath.put(nodes.get(leaves.get(l)).path, l);
      Filter f = leafReq[l].filter();
      // a leaf is indexed under the values of one set field that every accepted credential must match
      if (!f.credentials().isEmpty()) {
        put(ids, f.credentials(), l);
      } else if (!f.tags().isEmpty()) {
        put(tags, f.tags(), l);
      } else if (!f.subjects().isEmpty()) {
        put(subjects, f.subjects(), l);
      } else if (!f.competencies().isEmpty()) {
        put(competencies, f.competencies(), l);
      } else {
        rest.add(l);
      }
    }
    freeze(ids, byId);
    freeze(tags, byTag);
    freeze(subjects, bySubject);
    freeze(competencies, byCompetency);
    unindexed = rest.stream().mapToInt(Integer::intValue).toArray();
  }

  private static void put(Map<String, List<Integer>> m, Set<String> keys, int l) {
    for (String k : keys) {
      m.computeIfAbsent(k, x -> new ArrayList<>()).add(l);
    }
  }

  private static void freeze(Map<String, List<Integer>> from, Map<String, int[]> to) {
    for (var e : from.entrySet()) {
      to.put(e.getKey(), e.getValue().stream().mapToInt(Integer::intValue).toArray());
    }
  }

  /**
   * The leaves that may accept a credential (a superset of those whose filter accepts it), in ascending order.
   *
   * @param c the credential
   * @param mark scratch array of at least the number of leaves, all below {@code stamp}
   * @param stamp a value not yet used in {@code mark}
   * @param out output buffer of at least the number of leaves
   * @return the number of candidates written to {@code out}
   */
  public int candidates(Credential c, int[] mark, int stamp, int[] out) {
    int n = 0;
    n = add(byId.get(c.id()), mark, stamp, out, n);
    for (String x : c.tags()) {
      n = add(byTag.get(x), mark, stamp, out, n);
    }
    for (String x : c.subjects()) {
      n = add(bySubject.get(x), mark, stamp, out, n);
    }
    for (String x : c.competencies()) {
      n = add(byCompetency.get(x), mark, stamp, out, n);
    }
    n = add(unindexed, mark, stamp, out, n);
    Arrays.sort(out, 0, n);
    return n;
  }

  private static int add(int[] ls, int[] mark, int stamp, int[] out, int n) {
    if (ls != null) {
      for (int l : ls) {
        if (mark[l] != stamp) {
          mark[l] = stamp;
          out[n++] = l;
        }
      }
    }
    return n;
  }

  private void add(Rules rules, Requirement r, String path, int parent, List<String> refs) {
    if (r.kind() == Requirement.Kind.REF) {
      Requirement def = rules.definitions().get(r.ref());
      if (def == null) {
        problems.add(Issue.error(path, StackingIssueCode.UNKNOWN_REFERENCE, "unknown requirement reference '"
            + r.ref() + "' (defined: " + rules.definitions().keySet() + ")"));
        def = null;
      } else if (refs.contains(r.ref())) {
        problems.add(Issue.error(path, StackingIssueCode.CYCLIC_REFERENCE, "cyclic requirement reference "
            + String.join(" -> ", refs) + " -> " + r.ref()));
        def = null;
      }
      if (def == null) {
        // keep an unsatisfiable placeholder so indices stay meaningful
        Node n = new Node(path, Requirement.count("", 1, Filter.builder()
            .credentials("\u0000unresolved").build()), parent);
        register(n, r);
        return;
      }
      refs.add(r.ref());
      add(rules, def, path, parent, refs);
      refs.remove(refs.size() - 1);
      return;
    }
    Node n = new Node(path, r, parent);
    int idx = register(n, r);
    Set<String> segs = new HashSet<>();
    for (int i = 0; i < r.children().size(); i++) {
      String seg = segment(r, i, segs);
      int before = nodes.size();
      add(rules, r.children().get(i), path + "/" + seg, idx, refs);
      n.children.add(before);
    }
  }

  /**
   * The path segment of child i: its id, else the name of the definition it references, else its index; a name an
   * earlier sibling already has (the same definition referenced twice) falls back to the index, so paths stay unique.
   *
   * @param parent the parent
   * @param i child index
   * @param used segments of the earlier siblings (updated)
   * @return the segment
   */
  public static String segment(Requirement parent, int i, Set<String> used) {
    Requirement c = parent.children().get(i);
    String seg = !c.id().isEmpty() ? c.id() : c.kind() == Requirement.Kind.REF ? c.ref() : Integer.toString(i);
    if (!used.add(seg)) {
      String base = Integer.toString(i);
      seg = base;
      for (int k = 2; !used.add(seg); k++) {
        seg = base + "." + k;
      }
    }
    return seg;
  }

  private int register(Node n, Requirement authored) {
    int idx = nodes.size();
    nodes.add(n);
    if (n.parent >= 0) {
      // children list of the parent is filled by the caller
    }
    if (n.req.isLeaf()) {
      n.leaf = leaves.size();
      leaves.add(idx);
    }
    byName.computeIfAbsent(n.path, k -> new ArrayList<>()).add(idx);
    if (!n.req.id().isEmpty() && !n.req.id().equals(n.path)) {
      byName.computeIfAbsent(n.req.id(), k -> new ArrayList<>()).add(idx);
    }
    if (!authored.id().isEmpty() && authored != n.req) {
      byName.computeIfAbsent(authored.id(), k -> new ArrayList<>()).add(idx);
    }
    return idx;
  }

  /**
   * Leaves under a node (itself when it is a leaf).
   *
   * @param node node index
   * @return leaf indices
   */
  public List<Integer> leavesUnder(int node) {
    List<Integer> out = new ArrayList<>();
    Deque<Integer> st = new ArrayDeque<>();
    st.push(node);
    while (!st.isEmpty()) {
      Node n = nodes.get(st.pop());
      if (n.leaf >= 0) {
        out.add(n.leaf);
      }
      for (int c : n.children) {
        st.push(c);
      }
    }
    return out;
  }

  /**
   * The number of children a node needs.
   *
   * @param node node index
   * @return threshold
   */
  public int threshold(int node) {
    Requirement r = nodes.get(node).req;
    switch (r.kind()) {
      case ALL_OF:
        return nodes.get(node).children.size();
      case ANY_OF:
        return Math.min(1, nodes.get(node).children.size());
      case N_OF:
        return r.n();
      default:
        return 0;
    }
  }
}
