package io.github.microcred.stacking.internal;

import java.util.Arrays;

/** Dinic's maximum flow on long capacities. */
public final class MaxFlow {
  private int n;
  private int m;
  private int[] head;
  private int[] next;
  private int[] to;
  private long[] cap;
  private int[] level;
  private int[] it;
  private int[] queue;

  /**
   * Creates an empty network.
   *
   * @param n number of vertices
   */
  public MaxFlow(int n) {
    this.n = n;
    head = new int[n];
    Arrays.fill(head, -1);
    next = new int[16];
    to = new int[16];
    cap = new long[16];
    level = new int[n];
    it = new int[n];
    queue = new int[n];
  }

  /**
   * Empties the network for reuse with {@code n} vertices, keeping the arrays already allocated (the search's bounds
   * build one network per node; reusing it keeps the inner loop free of allocation).
   *
   * @param n number of vertices
   * @return this network, empty
   */
  public MaxFlow reset(int n) {
    this.n = n;
    m = 0;
    if (head.length < n) {
      int k = Math.max(n, head.length * 2);
      head = new int[k];
      level = new int[k];
      it = new int[k];
      queue = new int[k];
    }
    Arrays.fill(head, 0, n, -1);
    return this;
  }

  /**
   * Adds an arc and its residual twin.
   *
   * @param u tail
   * @param v head
   * @param c capacity
   * @return arc index (its flow is read with {@link #flow(int)})
   */
  public int addArc(int u, int v, long c) {
    return addArc(u, v, c, 0);
  }

  /**
   * Adds an arc that already carries flow (a caller's initial flow, which must conserve flow at every vertex other
   * than the source and the sink; {@link #solve(int, int)} then returns only the flow it adds).
   *
   * @param u tail
   * @param v head
   * @param c capacity
   * @param flow its flow, 0..c
   * @return arc index
   */
  public int addArc(int u, int v, long c, long flow) {
    if (m + 2 > to.length) {
      int k = to.length * 2;
      next = Arrays.copyOf(next, k);
      to = Arrays.copyOf(to, k);
      cap = Arrays.copyOf(cap, k);
    }
    int e = m;
    to[m] = v;
    cap[m] = c - flow;
    next[m] = head[u];
    head[u] = m++;
    to[m] = u;
    cap[m] = flow;
    next[m] = head[v];
    head[v] = m++;
    return e;
  }

  /**
   * Flow on an arc after {@link #solve(int, int)}.
   *
   * @param arc arc index
   * @return flow
   */
  public long flow(int arc) {
    return cap[arc ^ 1];
  }

  /**
   * Computes a maximum flow.
   *
   * @param s source
   * @param t sink
   * @return flow value
   */
  public long solve(int s, int t) {
    long total = 0;
    int[] q = queue;
    while (true) {
      Arrays.fill(level, 0, n, -1);
      level[s] = 0;
      int qh = 0;
      int qt = 0;
      q[qt++] = s;
      // the search stops once t has its level: a vertex left unlevelled would have t's level or more, and no path
      // through it reaches t in the level graph, so the augmenting paths (and the flow) are those of the full search
      bfs:
      while (qh < qt) {
        int u = q[qh++];
        for (int e = head[u]; e >= 0; e = next[e]) {
          int v = to[e];
          if (cap[e] > 0 && level[v] < 0) {
            level[v] = level[u] + 1;
            if (v == t) {
              break bfs;
            }
            q[qt++] = v;
          }
        }
      }
      if (level[t] < 0) {
        return total;
      }
      System.arraycopy(head, 0, it, 0, n);
      long f;
      while ((f = dfs(s, t, Long.MAX_VALUE)) > 0) {
        total += f;
      }
    }
  }

  private long dfs(int u, int t, long f) {
    if (u == t) {
      return f;
    }
    for (; it[u] >= 0; it[u] = next[it[u]]) {
      int e = it[u];
      int v = to[e];
      if (cap[e] > 0 && level[v] == level[u] + 1) {
        long d = dfs(v, t, Math.min(f, cap[e]));
        if (d > 0) {
          cap[e] -= d;
          cap[e ^ 1] += d;
          return d;
        }
      }
    }
    return 0;
  }
}
