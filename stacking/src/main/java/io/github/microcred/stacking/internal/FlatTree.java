package io.github.microcred.stacking.internal;

import io.github.microcred.stacking.Requirement;
import io.github.microcred.stacking.Rules;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
  public final List<String> problems = new ArrayList<>();
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
    t.add(rules, rules.root(), "$", -1, new ArrayList<>());
    return t;
  }

  private void add(Rules rules, Requirement r, String path, int parent, List<String> refs) {
    if (r.kind() == Requirement.Kind.REF) {
      Requirement def = rules.definitions().get(r.ref());
      if (def == null) {
        problems.add(path + ": unknown requirement reference '" + r.ref() + "' (defined: "
            + rules.definitions().keySet() + ")");
        def = null;
      } else if (refs.contains(r.ref())) {
        problems.add(path + ": cyclic requirement reference " + String.join(" -> ", refs) + " -> " + r.ref());
        def = null;
      }
      if (def == null) {
        // keep an unsatisfiable placeholder so indices stay meaningful
        Node n = new Node(path, Requirement.count("", 1, io.github.microcred.stacking.Filter.builder()
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
    for (int i = 0; i < r.children().size(); i++) {
      Requirement c = r.children().get(i);
      String seg = !c.id().isEmpty() ? c.id() : c.kind() == Requirement.Kind.REF ? c.ref() : Integer.toString(i);
      int before = nodes.size();
      add(rules, c, path + "/" + seg, idx, refs);
      n.children.add(before);
    }
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
