package io.github.microcred.stacking.internal;

/**
 * The integer form of an audit: credentials (credits scaled to integers), leaves with demands, the requirement tree,
 * caps and the assignment options of each credential (maximal whitelisted leaf sets).
 */
public final class Problem {
  /** Number of credentials. */
  public int nC;
  /** Scaled credits. */
  public long[] credit;
  /** Resident origin. */
  public boolean[] resident;
  /** Number of leaves. */
  public int nL;
  /** Scaled demand (credits) or count demand. */
  public long[] demand;
  /** Whether a leaf counts credentials instead of credits. */
  public boolean[] countLeaf;
  /** Eligible leaves per credential. */
  public int[][] elig;
  /** Options per credential: maximal sets of leaves it may serve at once. */
  public int[][][] options;
  /** Whether two leaves may share a credential, per credential: pairOk[c] is null when no pair is allowed. */
  public boolean[][][] pairOk;
  /** Tree: number of nodes. */
  public int nN;
  /** Children per node. */
  public int[][] kids;
  /** Threshold per node (leaves: 0). */
  public int[] need;
  /** Leaf index per node or -1. */
  public int[] leafOfNode;
  /** Number of caps. */
  public int nK;
  /** Cap limit (scaled credits, or count). */
  public long[] capMax;
  /** Whether a cap counts credentials. */
  public boolean[] capCount;
  /** Family of each cap (caps of one family are disjoint, e.g. the per-provider caps of one rule). */
  public int[] capFamily;
  /** Caps containing each credential. */
  public int[][] capsOf;
  /** Total credit minimum (scaled). */
  public long totalMin;
  /** Residence minimum (scaled). */
  public long resMin;

  /**
   * Evaluates satisfied nodes bottom-up given satisfied leaves.
   *
   * @param leafSat satisfied leaves
   * @param nodeSat output per node
   * @return number of satisfied nodes
   */
  public int evalTree(boolean[] leafSat, boolean[] nodeSat) {
    int count = 0;
    for (int v = nN - 1; v >= 0; v--) {
      boolean s;
      if (leafOfNode[v] >= 0) {
        s = leafSat[leafOfNode[v]];
      } else {
        int k = 0;
        for (int ch : kids[v]) {
          if (nodeSat[ch]) {
            k++;
          }
        }
        s = k >= need[v];
      }
      nodeSat[v] = s;
      if (s) {
        count++;
      }
    }
    return count;
  }
}
