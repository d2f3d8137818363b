package org.gfd.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Canonical labelling of tensor networks: two networks get equal canonical forms exactly when
 * they are isomorphic (a bijection of nodes preserving species and of classes preserving kinds
 * that maps leg {@code k} of every node to leg {@code k} of its image).
 *
 * <p>JGraphT has no canonical labelling for multigraphs, so this is gfd's own (docs/specification.md &sect;3).
 * The network is read as a bipartite graph of nodes and classes whose edges are legs labelled by
 * their position. Connected components are labelled separately and sorted. In each component,
 * colour refinement (1-dimensional Weisfeiler&ndash;Leman, with colours as 64-bit hashes of
 * isomorphism-invariant data) is followed by individualization with backtracking, as in
 * McKay's nauty (McKay and Piperno, <i>Practical graph isomorphism II</i>, 2014): every leaf of
 * the search tree (a discrete colouring) gives an encoding of the network, and the
 * lexicographically least encoding is the canonical form. A hash collision can only make the
 * refinement coarser, never the result wrong, because the encodings compared are exact.
 *
 * <p>Twin nodes (same species, same class on every leg) are interchangeable, so each group of
 * twins is collapsed to one node coloured by the group's size before the search, and written
 * back as a run of equal nodes in the encoding (distinct representatives are never twins, so the
 * encoding stays exact). Pruning, all exact: automorphisms found from two leaves with equal
 * encodings prune children in the same orbit of the automorphisms that fix the current
 * individualized prefix; and, as in nauty, a leaf equal to the best leaf found so far abandons
 * the whole subtree where its path left the best leaf's path, when the automorphism {@code g}
 * between the two leaves maps the one path onto the other up to that point (checked, not
 * assumed): {@code g} then maps that subtree onto one already searched. Cost: refinement is
 * {@code O(V + L)} per round, colours counted in a hash set; with these prunings a component whose automorphism group
 * is a symmetric group {@code S_k} (k interchangeable chains) costs {@code O(k^2)} search nodes instead
 * of {@code k!}; the search can still be exponential on graphs built to defeat refinement.
 *
 * <p>The search polls a {@link WorkBudget}, so a labelling that runs long stops at the limit.
 * Stateless and thread-safe.
 */
public final class CanonicalLabeler {
  private static final long INDIVIDUALIZED = 0x5DEECE66DL;
  /**
   * Automorphisms kept per component for orbit pruning. Each costs {@code O(V)} per orbit query;
   * the jump-back pruning needs none stored, so past this many the orbit pruning only loses
   * strength, never exactness.
   */
  private static final int MAX_STORED_AUTOMORPHISMS = 256;
  /** Returned by the search when it does not abandon any ancestor's subtree. */
  private static final int NO_JUMP = Integer.MAX_VALUE;

  private CanonicalLabeler() {}

  /** The canonical form of {@code net}: an isomorphic network that is equal for all isomorphs. */
  public static Network canonicalize(Network net) {
    return canonicalize(net, WorkBudget.unlimited());
  }

  /**
   * Like {@link #canonicalize(Network)}, polling {@code budget} in the search.
   *
   * @throws BudgetExceededException when the budget runs out first
   */
  public static Network canonicalize(Network net, WorkBudget budget) {
    SpeciesTable table = net.table();
    int n = net.nodeCount();
    int c = net.classCount();
    UnionFind components = new UnionFind(c);
    for (int v = 0; v < n; v++) {
      for (int k = 1; k < net.arity(v); k++) {
        components.union(net.legClass(v, 0), net.legClass(v, k));
      }
    }
    int[] compOfRoot = new int[c];
    Arrays.fill(compOfRoot, -1);
    int comps = 0;
    for (int i = 0; i < c; i++) {
      int r = components.find(i);
      if (compOfRoot[r] < 0) {
        compOfRoot[r] = comps++;
      }
    }
    if (comps <= 1) {
      int[] species = new int[n];
      int[][] legs = new int[n][];
      int[] kinds = new int[c];
      for (int v = 0; v < n; v++) {
        species[v] = net.species(v);
        legs[v] = new int[net.arity(v)];
        for (int k = 0; k < legs[v].length; k++) {
          legs[v][k] = net.legClass(v, k);
        }
      }
      for (int i = 0; i < c; i++) {
        kinds[i] = net.classKind(i);
      }
      return assemble(table, List.of(new Component(species, legs, kinds, budget).canonicalEncoding()));
    }
    // split into components with local numbering
    int[] localClass = new int[c];
    int[] classCountOf = new int[comps];
    int[] nodeCountOf = new int[comps];
    for (int i = 0; i < c; i++) {
      localClass[i] = classCountOf[compOfRoot[components.find(i)]]++;
    }
    for (int v = 0; v < n; v++) {
      nodeCountOf[compOfRoot[components.find(net.legClass(v, 0))]]++;
    }
    int[][] species = new int[comps][];
    int[][][] legs = new int[comps][][];
    int[][] kinds = new int[comps][];
    for (int q = 0; q < comps; q++) {
      species[q] = new int[nodeCountOf[q]];
      legs[q] = new int[nodeCountOf[q]][];
      kinds[q] = new int[classCountOf[q]];
    }
    for (int i = 0; i < c; i++) {
      kinds[compOfRoot[components.find(i)]][localClass[i]] = net.classKind(i);
    }
    int[] filled = new int[comps];
    for (int v = 0; v < n; v++) {
      int q = compOfRoot[components.find(net.legClass(v, 0))];
      int j = filled[q]++;
      species[q][j] = net.species(v);
      legs[q][j] = new int[net.arity(v)];
      for (int k = 0; k < legs[q][j].length; k++) {
        legs[q][j][k] = localClass[net.legClass(v, k)];
      }
    }
    List<int[]> encodings = new ArrayList<>(comps);
    for (int q = 0; q < comps; q++) {
      encodings.add(new Component(species[q], legs[q], kinds[q], budget).canonicalEncoding());
    }
    encodings.sort(Arrays::compare);
    return assemble(table, encodings);
  }

  /** Concatenates component encodings {@code [C, N, kinds..., (species, legs...)...]}. */
  private static Network assemble(SpeciesTable table, List<int[]> encodings) {
    int classes = 0;
    int nodes = 0;
    int legCount = 0;
    for (int[] e : encodings) {
      classes += e[0];
      nodes += e[1];
      legCount += e.length - 2 - e[0] - e[1];
    }
    int[] kinds = new int[classes];
    int[] species = new int[nodes];
    int[] legs = new int[legCount];
    int co = 0;
    int no = 0;
    int lo = 0;
    for (int[] e : encodings) {
      int cc = e[0];
      int nn = e[1];
      System.arraycopy(e, 2, kinds, co, cc);
      int pos = 2 + cc;
      for (int j = 0; j < nn; j++) {
        int s = e[pos++];
        species[no++] = s;
        for (int k = 0; k < table.arity(s); k++) {
          legs[lo++] = e[pos++] + co;
        }
      }
      co += cc;
    }
    return new Network(table, species, legs, kinds);
  }

  /** splitmix64 finalizer: a bijective mixing of 64 bits. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /**
   * One connected component being labelled, with twin nodes collapsed: vertices are the twin
   * groups' representatives 0..n-1 (each carrying its group's size), then classes n..n+c-1.
   */
  private static final class Component {
    private final int n;
    private final int c;
    private final int vertices;
    private final int[] species;
    private final int[][] legs;
    /** The number of twins each representative stands for. */
    private final int[] multiplicity;
    private final int[] kinds;
    private final int[] incStart;
    private final int[] incNode;
    private final int[] incPos;
    private final int encodingLength;
    private final WorkBudget budget;

    private int[] best;
    private int[] bestPath;
    private int[] bestVertexOfLabel;
    private final List<int[]> automorphisms = new ArrayList<>();
    private final long[] scratch;
    /** Open-addressing colour set for {@link #distinct}: slots valid when their stamp is current. */
    private final long[] slotColour;
    private final int[] slotStamp;
    private final int[] cellSize;
    private int stamp;

    Component(int[] allSpecies, int[][] allLegs, int[] kinds, WorkBudget budget) {
      this.budget = budget;
      this.kinds = kinds;
      this.c = kinds.length;
      int all = allSpecies.length;
      int legTotal = 0;
      // twins: same species and the same class on every leg; keep the first of each group
      int[] rep = new int[all];
      long[] key = new long[all];
      int groups = 0;
      for (int v = 0; v < all; v++) {
        legTotal += allLegs[v].length;
        long h = allSpecies[v];
        for (int cl : allLegs[v]) {
          h = h * 0x9E3779B97F4A7C15L + cl;
        }
        key[v] = h;
        rep[v] = v;
        for (int u = 0; u < v; u++) {
          if (rep[u] == u && key[u] == h && allSpecies[u] == allSpecies[v] && Arrays.equals(allLegs[u], allLegs[v])) {
            rep[v] = u;
            break;
          }
        }
        if (rep[v] == v) {
          groups++;
        }
      }
      this.n = groups;
      this.vertices = n + c;
      this.species = new int[n];
      this.legs = new int[n][];
      this.multiplicity = new int[n];
      int[] indexOfRep = new int[all];
      int q = 0;
      for (int v = 0; v < all; v++) {
        if (rep[v] == v) {
          indexOfRep[v] = q;
          species[q] = allSpecies[v];
          legs[q] = allLegs[v];
          q++;
        }
        multiplicity[indexOfRep[rep[v]]]++;
      }
      incStart = new int[c + 1];
      int quotientLegs = 0;
      for (int[] l : legs) {
        quotientLegs += l.length;
        for (int cl : l) {
          incStart[cl + 1]++;
        }
      }
      for (int i = 0; i < c; i++) {
        incStart[i + 1] += incStart[i];
      }
      incNode = new int[quotientLegs];
      incPos = new int[quotientLegs];
      int[] fill = Arrays.copyOf(incStart, c);
      for (int v = 0; v < n; v++) {
        for (int k = 0; k < legs[v].length; k++) {
          int at = fill[legs[v][k]]++;
          incNode[at] = v;
          incPos[at] = k;
        }
      }
      encodingLength = 2 + c + all + legTotal;
      scratch = new long[vertices];
      int slots = Integer.highestOneBit(Math.max(4, vertices)) << 2;
      slotColour = new long[slots];
      slotStamp = new int[slots];
      cellSize = new int[slots];
    }

    int[] canonicalEncoding() {
      long[] col = new long[vertices];
      for (int v = 0; v < n; v++) {
        col[v] = mix(0x1000L + species[v] + ((long) multiplicity[v] << 24));
      }
      for (int i = 0; i < c; i++) {
        col[n + i] = mix(0x2000L + kinds[i]);
      }
      search(col, new int[0]);
      return best;
    }

    /**
     * The number of distinct colours in {@code col}, counted in an open-addressing set (no sort).
     * When {@code sizes} is true, also leaves each colour's cell size in {@link #cellSize}.
     * Colours are outputs of {@link #mix}, so their low bits serve as the hash.
     */
    private int distinct(long[] col, boolean sizes) {
      stamp++;
      int mask = slotColour.length - 1;
      int d = 0;
      for (int v = 0; v < vertices; v++) {
        long x = col[v];
        int i = (int) x & mask;
        while (slotStamp[i] == stamp && slotColour[i] != x) {
          i = (i + 1) & mask;
        }
        if (slotStamp[i] != stamp) {
          slotStamp[i] = stamp;
          slotColour[i] = x;
          cellSize[i] = 0;
          d++;
        }
        if (sizes) {
          cellSize[i]++;
        }
      }
      return d;
    }

    /** The slot of colour {@code x} in the set filled by the last {@link #distinct} call. */
    private int slotOf(long x) {
      int mask = slotColour.length - 1;
      int i = (int) x & mask;
      while (slotColour[i] != x) {
        i = (i + 1) & mask;
      }
      return i;
    }

    /**
     * Refines {@code col} in place to a stable colouring; returns the number of colours. A round
     * recolours every node from its legs' classes, then every class from its legs' new node
     * colours (so one round carries information node to class to node); each new colour hashes
     * the old one with the neighbourhood, so the partition only gets finer, and a round that
     * splits no cell leaves a stable partition.
     */
    private int refine(long[] col) {
      int cells = distinct(col, false);
      long[] next = scratch;
      for (int round = 0; round <= vertices && cells < vertices; round++) {
        for (int v = 0; v < n; v++) {
          long h = col[v];
          int[] l = legs[v];
          for (int k = 0; k < l.length; k++) {
            h = mix(h * 0x9E3779B97F4A7C15L + col[n + l[k]] + k);
          }
          next[v] = h;
        }
        for (int i = 0; i < c; i++) {
          long s = 0;
          for (int j = incStart[i]; j < incStart[i + 1]; j++) {
            s += mix(next[incNode[j]] * 0xC2B2AE3D27D4EB4FL + incPos[j] + 1);
          }
          next[n + i] = mix(col[n + i] ^ mix(s + 0x27D4EB2F165667C5L));
        }
        int nc = distinct(next, false);
        System.arraycopy(next, 0, col, 0, vertices);
        if (nc == cells) {
          break;
        }
        cells = nc;
      }
      return cells;
    }

    /**
     * Searches the subtree of the node reached by individualizing {@code prefix}. Returns
     * {@link #NO_JUMP}, or the level (a prefix length) whose node should go on with its next
     * child because the subtree below it on this path was shown equivalent to one searched.
     */
    private int search(long[] col, int[] prefix) {
      budget.check();
      int cells = refine(col);
      if (cells == vertices) {
        return leaf(col, prefix);
      }
      // target cell: the smallest non-singleton cell, ties broken by the smaller colour
      distinct(col, true);
      long target = 0;
      int targetSize = Integer.MAX_VALUE;
      for (int v = 0; v < vertices; v++) {
        int size = cellSize[slotOf(col[v])];
        if (size > 1 && (size < targetSize || (size == targetSize && col[v] < target))) {
          targetSize = size;
          target = col[v];
        }
      }
      int[] cell = new int[targetSize];
      int m = 0;
      for (int v = 0; v < vertices; v++) {
        if (col[v] == target) {
          cell[m++] = v;
        }
      }
      int[] tried = new int[targetSize];
      int triedCount = 0;
      for (int x : cell) {
        if (inOrbitOfTried(x, tried, triedCount, prefix)) {
          continue;
        }
        tried[triedCount++] = x;
        long[] child = col.clone();
        child[x] = mix(child[x] ^ INDIVIDUALIZED);
        int[] childPrefix = Arrays.copyOf(prefix, prefix.length + 1);
        childPrefix[prefix.length] = x;
        int jump = search(child, childPrefix);
        if (jump < prefix.length) {
          return jump;
        }
      }
      return NO_JUMP;
    }

    /**
     * Whether {@code x} is in the orbit of an already tried vertex under the group generated by
     * the stored automorphisms that fix every vertex of {@code prefix}.
     */
    private boolean inOrbitOfTried(int x, int[] tried, int triedCount, int[] prefix) {
      if (triedCount == 0 || automorphisms.isEmpty()) {
        return false;
      }
      UnionFind orbits = null;
      for (int[] g : automorphisms) {
        boolean fixes = true;
        for (int u : prefix) {
          if (g[u] != u) {
            fixes = false;
            break;
          }
        }
        if (!fixes) {
          continue;
        }
        if (orbits == null) {
          orbits = new UnionFind(vertices);
        }
        for (int u = 0; u < vertices; u++) {
          orbits.union(u, g[u]);
        }
      }
      if (orbits == null) {
        return false;
      }
      int rx = orbits.find(x);
      for (int t = 0; t < triedCount; t++) {
        if (orbits.find(tried[t]) == rx) {
          return true;
        }
      }
      return false;
    }

    /**
     * The encoding of a leaf: kinds of the classes in label order, then the nodes in label order,
     * each representative written once per twin it stands for. Distinct representatives are never
     * twins, so the runs (and with them the multiplicities) can be read back: the encoding is exact.
     */
    private int leaf(long[] col, int[] path) {
      // labels: nodes ranked by colour among nodes, classes ranked among classes
      int[] label = new int[vertices];
      rank(col, 0, n, label);
      rank(col, n, vertices, label);
      int[] vertexOfLabel = new int[vertices];
      for (int v = 0; v < n; v++) {
        vertexOfLabel[label[v]] = v;
      }
      for (int i = n; i < vertices; i++) {
        vertexOfLabel[n + label[i]] = i;
      }
      int[] enc = new int[encodingLength];
      enc[0] = c;
      enc[1] = encodingNodeCount();
      for (int l = 0; l < c; l++) {
        enc[2 + l] = kinds[vertexOfLabel[n + l] - n];
      }
      int pos = 2 + c;
      for (int l = 0; l < n; l++) {
        int v = vertexOfLabel[l];
        for (int copy = 0; copy < multiplicity[v]; copy++) {
          enc[pos++] = species[v];
          for (int k = 0; k < legs[v].length; k++) {
            enc[pos++] = label[n + legs[v][k]];
          }
        }
      }
      int cmp = best == null ? -1 : Arrays.compare(enc, best);
      if (cmp < 0) {
        best = enc;
        bestVertexOfLabel = vertexOfLabel;
        bestPath = path;
        return NO_JUMP;
      }
      if (cmp > 0) {
        return NO_JUMP;
      }
      // the map sending each vertex to the vertex with its label in the best leaf is an automorphism
      int[] g = new int[vertices];
      for (int v = 0; v < n; v++) {
        g[v] = bestVertexOfLabel[label[v]];
      }
      for (int i = n; i < vertices; i++) {
        g[i] = bestVertexOfLabel[n + label[i]];
      }
      if (automorphisms.size() < MAX_STORED_AUTOMORPHISMS) {
        automorphisms.add(g);
      }
      // the paths agree on levels 0..common-1; if g maps this path onto the best one through level
      // `common`, it maps this path's subtree at that level onto the best path's, searched already
      int common = 0;
      while (common < path.length && common < bestPath.length && path[common] == bestPath[common]) {
        common++;
      }
      if (common >= bestPath.length || common >= path.length) {
        return NO_JUMP;
      }
      for (int level = 0; level <= common; level++) {
        if (g[path[level]] != bestPath[level]) {
          return NO_JUMP;
        }
      }
      return common;
    }

    /** The number of nodes with twins counted. */
    private int encodingNodeCount() {
      int total = 0;
      for (int m : multiplicity) {
        total += m;
      }
      return total;
    }

    /** Ranks vertices {@code from..to-1} by colour (all distinct) into {@code label}. */
    private void rank(long[] col, int from, int to, int[] label) {
      int len = to - from;
      long[] sorted = Arrays.copyOfRange(col, from, to);
      Arrays.sort(sorted);
      for (int v = from; v < to; v++) {
        label[v] = Arrays.binarySearch(sorted, 0, len, col[v]);
      }
    }
  }
}
