package io.github.microcred.stacking.internal;

import io.github.microcred.stacking.Filter;
import io.github.microcred.stacking.Requirement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Equality, hash code, text and written-out size of {@link Requirement} and {@link Filter} trees without recursion,
 * each shared object visited once: a tree built in Java 100,000 levels deep is no {@link StackOverflowError}, and a
 * DAG of depth 60 whose levels share one child (2^60 paths) takes time linear in its distinct objects, not in its
 * paths. The values are those of the records' generated methods (the text cut at {@link #MAX_TEXT} characters).
 */
public final class Trees {
  private Trees() {}

  /** Longest text of {@link #text(Object)}; longer text ends in {@code ...}. */
  public static final int MAX_TEXT = 100_000;

  /** The direct subtrees of a requirement (its filter, then its children) or a filter (allOf, anyOf, noneOf). */
  private static List<Object> parts(Object node) {
    List<Object> out = new ArrayList<>();
    if (node instanceof Requirement r) {
      out.add(r.filter());
      out.addAll(r.children());
    } else {
      Filter f = (Filter) node;
      out.addAll(f.allOf());
      out.addAll(f.anyOf());
      out.addAll(f.noneOf());
    }
    return out;
  }

  /** The non-tree components, in declaration order. */
  private static Object[] scalars(Object node) {
    if (node instanceof Requirement r) {
      return new Object[] {r.kind(), r.id(), r.n(), r.amount(), r.ref(), r.children().size()};
    }
    Filter f = (Filter) node;
    return new Object[] {f.credentials(), f.idPrefixes(), f.subjects(), f.competencies(), f.tags(), f.minLevel(),
        f.maxLevel(), f.issuers(), f.providers(), f.origins(), f.kinds(), f.creditBearingOnly(), f.assessedOnly(),
        f.withinYears(), f.referenceDate(), f.allOf().size(), f.anyOf().size(), f.noneOf().size()};
  }

  /** A pair of objects compared by identity. */
  private record Pair(Object a, Object b) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Pair p && p.a == a && p.b == b;
    }

    @Override
    public int hashCode() {
      return 31 * System.identityHashCode(a) + System.identityHashCode(b);
    }
  }

  /**
   * Structural equality of two requirements or two filters.
   *
   * @param a one (a {@link Requirement} or {@link Filter})
   * @param b the other, of the same type
   * @return whether every component is equal, subtrees compared structurally
   */
  public static boolean equal(Object a, Object b) {
    Deque<Pair> todo = new ArrayDeque<>();
    Set<Pair> seen = new HashSet<>();
    todo.push(new Pair(a, b));
    while (!todo.isEmpty()) {
      Pair p = todo.pop();
      if (p.a == p.b || !seen.add(p)) {
        continue;
      }
      if (p.a.getClass() != p.b.getClass() || !Arrays.equals(scalars(p.a), scalars(p.b))) {
        return false;
      }
      List<Object> x = parts(p.a);
      List<Object> y = parts(p.b);
      for (int i = x.size() - 1; i >= 0; i--) {
        todo.push(new Pair(x.get(i), y.get(i)));
      }
    }
    return true;
  }

  /**
   * A hash code consistent with {@link #equal(Object, Object)}.
   *
   * @param root a {@link Requirement} or {@link Filter}
   * @return the hash code
   */
  public static int hash(Object root) {
    return fold(root, new IdentityHashMap<>(), (n, kids) -> {
      int h = Arrays.hashCode(scalars(n));
      for (int k : kids) {
        h = 31 * h + k;
      }
      return h;
    });
  }

  /**
   * How many requirements and filters a tree has written out, each shared object counted once per place it stands
   * (saturating at {@link Long#MAX_VALUE}), in time linear in its distinct objects.
   *
   * @param root a {@link Requirement} or {@link Filter}
   * @param memo sizes already known, by identity; filled in
   * @return the written-out size
   */
  public static long writtenOut(Object root, Map<Object, Long> memo) {
    return fold(root, memo, (n, kids) -> {
      long size = 1;
      for (long m : kids) {
        size = size > Long.MAX_VALUE - m ? Long.MAX_VALUE : size + m;
      }
      return size;
    });
  }

  /**
   * A value of every distinct object below {@code root}, computed after those of its {@link #parts(Object)} (post
   * order, without recursion, each shared object once) and kept in {@code memo} by identity.
   */
  private static <T> T fold(Object root, Map<Object, T> memo, BiFunction<Object, List<T>, T> combine) {
    Deque<Object> todo = new ArrayDeque<>();
    todo.push(root);
    while (!todo.isEmpty()) {
      Object n = todo.peek();
      if (memo.containsKey(n)) {
        todo.pop();
        continue;
      }
      List<Object> kids = parts(n);
      boolean ready = true;
      for (Object k : kids) {
        if (!memo.containsKey(k)) {
          todo.push(k);
          ready = false;
        }
      }
      if (ready) {
        todo.pop();
        List<T> values = new ArrayList<>(kids.size());
        for (Object k : kids) {
          values.add(memo.get(k));
        }
        memo.put(n, combine.apply(n, values));
      }
    }
    return memo.get(root);
  }

  /**
   * The records' text ({@code Requirement[kind=..., id=..., children=[...], ...]}), at most {@link #MAX_TEXT}
   * characters: a longer text is cut there and ends in {@code ...}.
   *
   * @param root a {@link Requirement} or {@link Filter}
   * @return the text
   */
  public static String text(Object root) {
    StringBuilder b = new StringBuilder();
    Deque<Object> todo = new ArrayDeque<>();
    todo.push(root);
    while (!todo.isEmpty() && b.length() <= MAX_TEXT) {
      Object x = todo.pop();
      if (x instanceof String s) {
        b.append(s);
        continue;
      }
      List<Object> pieces = new ArrayList<>();
      if (x instanceof Requirement r) {
        pieces.add("Requirement[kind=" + r.kind() + ", id=" + r.id() + ", children=[");
        list(pieces, r.children());
        pieces.add("], n=" + r.n() + ", amount=" + r.amount() + ", filter=");
        pieces.add(r.filter());
        pieces.add(", ref=" + r.ref() + "]");
      } else {
        Filter f = (Filter) x;
        pieces.add("Filter[credentials=" + f.credentials() + ", idPrefixes=" + f.idPrefixes() + ", subjects="
            + f.subjects() + ", competencies=" + f.competencies() + ", tags=" + f.tags() + ", minLevel="
            + f.minLevel() + ", maxLevel=" + f.maxLevel() + ", issuers=" + f.issuers() + ", providers="
            + f.providers() + ", origins=" + f.origins() + ", kinds=" + f.kinds() + ", creditBearingOnly="
            + f.creditBearingOnly() + ", assessedOnly=" + f.assessedOnly() + ", withinYears=" + f.withinYears()
            + ", referenceDate=" + f.referenceDate() + ", allOf=[");
        list(pieces, f.allOf());
        pieces.add("], anyOf=[");
        list(pieces, f.anyOf());
        pieces.add("], noneOf=[");
        list(pieces, f.noneOf());
        pieces.add("]]");
      }
      for (int i = pieces.size() - 1; i >= 0; i--) {
        todo.push(Objects.requireNonNull(pieces.get(i)));
      }
    }
    if (b.length() > MAX_TEXT) {
      b.setLength(MAX_TEXT - 3);
      b.append("...");
    }
    return b.toString();
  }

  private static void list(List<Object> pieces, List<?> items) {
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) {
        pieces.add(", ");
      }
      pieces.add(items.get(i));
    }
  }
}
