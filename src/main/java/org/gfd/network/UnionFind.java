package org.gfd.network;

/**
 * Disjoint sets over {@code 0..size-1} (union by smaller root, path halving): used to merge index
 * classes when nodes are contracted and to find connected components.
 */
public final class UnionFind {
  private final int[] parent;

  public UnionFind(int size) {
    parent = new int[size];
    for (int i = 0; i < size; i++) {
      parent[i] = i;
    }
  }

  /** The representative of {@code i}'s set: the smallest element merged into it so far. */
  public int find(int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  /** Merges the sets of {@code a} and {@code b}; returns whether they were distinct. */
  public boolean union(int a, int b) {
    int ra = find(a);
    int rb = find(b);
    if (ra == rb) {
      return false;
    }
    parent[Math.max(ra, rb)] = Math.min(ra, rb);
    return true;
  }
}
