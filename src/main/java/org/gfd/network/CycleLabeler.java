package org.gfd.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Canonical forms of networks that are disjoint unions of cycles, without a search.
 *
 * <p>Definition. A network is a <em>cycle union</em> when every node has two legs and every index
 * class holds two legs or none. Read as a multigraph whose vertices are the classes and whose
 * edges are the nodes, it is then a disjoint union of cycles (plus classes with no legs). A cycle of
 * {@code m} nodes is walked from a node, entering each node by one leg and leaving by the other
 * into the class that leads to the next node; the walk is the cyclic word of tokens
 * {@code 2 * species + entry leg}. Walking the other way reverses the word and flips every entry
 * leg. Two cycles are isomorphic exactly when their words are equal up to rotation and that
 * reversal, so the least of the {@code 2m} rotations (found by the two-pointer least-rotation
 * algorithm, Shiloach's, in {@code O(m)}) is a canonical word, and labelling the nodes and classes
 * along it gives a canonical encoding. The network's encoding is its cycles' and free classes'
 * encodings, sorted.
 *
 * <p>Where it is used. Asymmetric and symmetric CP of order 2 (every network of {@code D^s L} is a
 * trace of a word in the factor matrices, and Wick contraction glues two edges of a polygon, which
 * leaves a union of cycles) and every model whose nodes all have two legs and whose classes stay of
 * degree two. Being a cycle union is invariant under isomorphism and under renaming species, so
 * {@link CanonicalLabeler} can use this form for every cycle union and the search for every other
 * network and still give one canonical form per isomorphism class.
 *
 * <p>Cost: {@code O(n)} for {@code n} nodes, plus sorting the cycles. Stateless and thread-safe.
 */
final class CycleLabeler {
  private CycleLabeler() {}

  /** Whether every node has two legs and every class two legs or none. */
  static boolean isCycleUnion(Network net) {
    for (int v = 0; v < net.nodeCount(); v++) {
      if (net.arity(v) != 2) {
        return false;
      }
    }
    for (int d : net.classDegrees()) {
      if (d != 0 && d != 2) {
        return false;
      }
    }
    return true;
  }

  /**
   * The canonical component encodings {@code [C, N, kinds..., (species, legs...)...]} of a cycle
   * union, in the order {@link CanonicalLabeler} assembles them (sorted).
   */
  static List<int[]> encodings(Network net) {
    int n = net.nodeCount();
    int c = net.classCount();
    // the two legs (node * 2 + leg) of each class
    int[] occupant = new int[2 * c];
    int[] filled = new int[c];
    for (int v = 0; v < n; v++) {
      for (int k = 0; k < 2; k++) {
        int cl = net.legClass(v, k);
        occupant[2 * cl + filled[cl]++] = 2 * v + k;
      }
    }
    List<int[]> out = new ArrayList<>();
    for (int cl = 0; cl < c; cl++) {
      if (filled[cl] == 0) {
        out.add(new int[] {1, 0, net.classKind(cl)});
      }
    }
    boolean[] seen = new boolean[n];
    int[] word = new int[n];
    for (int start = 0; start < n; start++) {
      if (seen[start]) {
        continue;
      }
      int m = 0;
      int v = start;
      int entry = 0;
      do {
        seen[v] = true;
        word[m++] = 2 * net.species(v) + entry;
        int exit = 2 * v + 1 - entry;
        int cl = net.legClass(v, 1 - entry);
        int next = occupant[2 * cl] == exit ? occupant[2 * cl + 1] : occupant[2 * cl];
        v = next >> 1;
        entry = next & 1;
      } while (v != start || entry != 0);
      out.add(encode(net.table(), canonicalWord(Arrays.copyOf(word, m))));
    }
    out.sort(Arrays::compare);
    return out;
  }

  /** The least of the rotations of {@code word} and of its reversal with every entry leg flipped. */
  static int[] canonicalWord(int[] word) {
    int m = word.length;
    int[] reversed = new int[m];
    for (int i = 0; i < m; i++) {
      reversed[i] = word[m - 1 - i] ^ 1;
    }
    int[] a = rotated(word, leastRotation(word));
    int[] b = rotated(reversed, leastRotation(reversed));
    return Arrays.compare(a, b) <= 0 ? a : b;
  }

  /**
   * The start of a least rotation of {@code s} (Shiloach's two-pointer algorithm): candidates
   * {@code i < j} are compared on their common prefix; at the first difference the larger
   * candidate, and every start inside the compared stretch, is ruled out. {@code O(m)}.
   */
  static int leastRotation(int[] s) {
    int m = s.length;
    int i = 0;
    int j = 1;
    int k = 0;
    while (i < m && j < m && k < m) {
      int x = s[(i + k) % m];
      int y = s[(j + k) % m];
      if (x == y) {
        k++;
        continue;
      }
      if (x > y) {
        i += k + 1;
      } else {
        j += k + 1;
      }
      if (i == j) {
        j++;
      }
      k = 0;
    }
    return Math.min(i, j);
  }

  private static int[] rotated(int[] s, int start) {
    int m = s.length;
    int[] r = new int[m];
    for (int i = 0; i < m; i++) {
      r[i] = s[(start + i) % m];
    }
    return r;
  }

  /**
   * The encoding of one cycle from its canonical word: node {@code i} enters by its leg
   * {@code e_i} from class {@code i} and leaves by the other leg into class {@code i + 1 (mod m)}.
   */
  private static int[] encode(SpeciesTable table, int[] word) {
    int m = word.length;
    int[] enc = new int[2 + m + 3 * m];
    enc[0] = m;
    enc[1] = m;
    int pos = 2 + m;
    for (int i = 0; i < m; i++) {
      int species = word[i] >> 1;
      int entry = word[i] & 1;
      enc[2 + i] = table.legKind(species, entry);
      enc[pos++] = species;
      int into = (i + 1) % m;
      enc[pos++] = entry == 0 ? i : into;
      enc[pos++] = entry == 0 ? into : i;
    }
    return enc;
  }
}
