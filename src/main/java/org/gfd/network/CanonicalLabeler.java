package org.gfd.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gfd.algebra.Monomial;

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
 * <p>A component whose nodes all have two legs (every network of the CP models and of the
 * autoencoder) is searched as a smaller graph: its vertices are the classes only and its edges the
 * nodes ({@link ClassGraph}), with <em>twin classes</em> (same kind, the same nodes to the same
 * other classes) collapsed the way twin nodes are. A class with {@code k} interchangeable
 * branches then costs one leaf instead of {@code O(k^2)}. On symmetric CP of order 3 to order 5
 * this halved the time of the whole series. Having two legs on every node is an isomorphism
 * invariant and both searches write the same exact encoding, so components labelled by the two
 * never share an encoding unless they are isomorphic.
 *
 * <p>Networks that are disjoint unions of cycles (two legs on every node and every class), as all
 * networks of order-2 CP are, skip the search: {@link CycleLabeler} gives them a canonical form
 * from least rotations of their cycles' words in linear time. Being a cycle union is an isomorphism
 * invariant, so the two methods never meet on one isomorphism class.
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
    if (CycleLabeler.isCycleUnion(net)) {
      return assemble(net.table(), CycleLabeler.encodings(net), net.scale());
    }
    List<int[]> encodings = new ArrayList<>();
    for (Labelling component : split(net, -1, budget)) {
      encodings.add(component.canonicalEncoding());
    }
    encodings.sort(Arrays::compare);
    return assemble(net.table(), encodings, net.scale());
  }

  /**
   * Whether {@code net} is labelled without a search (it is a union of cycles, see
   * {@link CycleLabeler}): then a labelling costs time linear in its size.
   */
  public static boolean labelsWithoutSearch(Network net) {
    return CycleLabeler.isCycleUnion(net);
  }

  /**
   * Orbits of the nodes of {@code net} under a group of its automorphisms: {@code orbit[v]} is the
   * smallest node in {@code v}'s orbit. The group is the one generated by swapping twins, by the
   * automorphisms the search met (up to {@link #MAX_STORED_AUTOMORPHISMS} per component) and by
   * exchanging isomorphic components, so it may be a subgroup of the full automorphism group: two
   * nodes in one orbit are always equivalent, two equivalent nodes may fall in different orbits.
   * That is what callers that contract "once per orbit, times its size" need. Cost: one labelling.
   *
   * @throws org.gfd.error.StoppedException when the budget runs out first
   */
  public static int[] nodeOrbits(Network net, WorkBudget budget) {
    return orbits(net, -1, budget);
  }

  /**
   * Orbits of the nodes of {@code net} under a group of its automorphisms that map node
   * {@code fixed} into its twin group (nodes with the same species and classes): the same
   * generators as {@link #nodeOrbits}, with {@code fixed}'s twin group coloured apart before the
   * search and its component never exchanged with an isomorphic one. So for two nodes
   * {@code w, w'} other than {@code fixed} in one orbit, contracting {@code fixed} with {@code w}
   * or with {@code w'} gives isomorphic networks: an automorphism sends the first pair to
   * {@code (t, w')} with {@code t} a twin of {@code fixed}, and swapping the twins {@code t} and
   * {@code fixed} (also an automorphism, as {@code w'} is neither) sends that to
   * {@code (fixed, w')}. The Wick recursion uses this to contract its pivot once per orbit of
   * partners. Cost: one labelling.
   *
   * @throws org.gfd.error.StoppedException when the budget runs out first
   */
  public static int[] nodeOrbitsFixing(Network net, int fixed, WorkBudget budget) {
    if (fixed < 0 || fixed >= net.nodeCount()) {
      throw new IllegalArgumentException("no node " + fixed + " in a network of " + net.nodeCount() + " nodes");
    }
    return orbits(net, fixed, budget);
  }

  /** {@link #nodeOrbits} ({@code fixed = -1}) or {@link #nodeOrbitsFixing}. */
  private static int[] orbits(Network net, int fixed, WorkBudget budget) {
    UnionFind orbits = new UnionFind(net.nodeCount());
    Map<List<Integer>, Labelling> firstWithEncoding = new HashMap<>();
    for (Labelling component : split(net, fixed, budget)) {
      int[] encoding = component.canonicalEncoding();
      component.addOrbits(orbits);
      if (component.markedVertices.length > 0) {
        continue;
      }
      Labelling twin = firstWithEncoding.putIfAbsent(Arrays.stream(encoding).boxed().toList(), component);
      if (twin != null) {
        for (int label = 0; label < component.nodeLabels(); label++) {
          orbits.union(twin.originalOfLabel(label), component.originalOfLabel(label));
        }
      }
    }
    int[] orbit = new int[net.nodeCount()];
    for (int v = 0; v < orbit.length; v++) {
      orbit[v] = orbits.find(v);
    }
    return orbit;
  }

  /**
   * The connected components of {@code net}, each with local numbers and its nodes' numbers in
   * {@code net}; the one holding node {@code fixed} (if {@code fixed >= 0}) marked there.
   */
  private static List<Labelling> split(Network net, int fixed, WorkBudget budget) {
    int n = net.nodeCount();
    int c = net.classCount();
    UnionFind components = new UnionFind(c);
    for (int v = 0; v < n; v++) {
      for (int k = 1; k < net.arity(v); k++) {
        components.union(net.legClass(v, 0), net.legClass(v, k));
      }
    }
    int[] compOf = new int[c];
    int[] compOfRoot = new int[c];
    Arrays.fill(compOfRoot, -1);
    int comps = 0;
    for (int i = 0; i < c; i++) {
      int r = components.find(i);
      if (compOfRoot[r] < 0) {
        compOfRoot[r] = comps++;
      }
      compOf[i] = compOfRoot[r];
    }
    if (comps == 1) {
      // the network's own arrays, read and never changed
      int[] original = new int[n];
      for (int v = 0; v < n; v++) {
        original[v] = v;
      }
      return List.of(component(net.table(), net.speciesArray(), net.legArray(), net.kindArray(), original, fixed, budget));
    }
    int[] localClass = new int[c];
    int[] classCountOf = new int[comps];
    int[] nodeCountOf = new int[comps];
    int[] legCountOf = new int[comps];
    for (int i = 0; i < c; i++) {
      localClass[i] = classCountOf[compOf[i]]++;
    }
    for (int v = 0; v < n; v++) {
      int q = compOf[net.legClass(v, 0)];
      nodeCountOf[q]++;
      legCountOf[q] += net.arity(v);
    }
    int[][] species = new int[comps][];
    int[][] legs = new int[comps][];
    int[][] kinds = new int[comps][];
    int[][] original = new int[comps][];
    for (int q = 0; q < comps; q++) {
      species[q] = new int[nodeCountOf[q]];
      legs[q] = new int[legCountOf[q]];
      kinds[q] = new int[classCountOf[q]];
      original[q] = new int[nodeCountOf[q]];
    }
    for (int i = 0; i < c; i++) {
      kinds[compOf[i]][localClass[i]] = net.classKind(i);
    }
    int[] filled = new int[comps];
    int[] legsFilled = new int[comps];
    for (int v = 0; v < n; v++) {
      int q = compOf[net.legClass(v, 0)];
      int j = filled[q]++;
      species[q][j] = net.species(v);
      original[q][j] = v;
      for (int k = 0; k < net.arity(v); k++) {
        legs[q][legsFilled[q]++] = localClass[net.legClass(v, k)];
      }
    }
    List<Labelling> out = new ArrayList<>(comps);
    for (int q = 0; q < comps; q++) {
      out.add(component(net.table(), species[q], legs[q], kinds[q], original[q], fixed, budget));
    }
    return out;
  }

  /** Concatenates component encodings {@code [C, N, kinds..., (species, legs...)...]}; the scale is kept. */
  private static Network assemble(SpeciesTable table, List<int[]> encodings, Monomial scale) {
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
    return new Network(table, species, legs, kinds, scale);
  }

  /** splitmix64 finalizer: a bijective mixing of 64 bits. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /**
   * The labelling of one connected component: a {@link ClassGraph} when every node has two legs
   * (and the numbers fit its packed keys), else a {@link Component}. Which one is used depends only
   * on the component's isomorphism class, and both write the same exact encoding format, so
   * components labelled by the two never share an encoding unless they are isomorphic.
   */
  private static Labelling component(SpeciesTable table, int[] species, int[] legs, int[] kinds, int[] original,
      int fixed, WorkBudget budget) {
    int marked = -1;
    for (int j = 0; fixed >= 0 && j < original.length; j++) {
      if (original[j] == fixed) {
        marked = j;
      }
    }
    boolean twoLegs = species.length < ClassGraph.MAX_NODES && kinds.length < ClassGraph.MAX_CLASSES
        && table.speciesCount() < ClassGraph.MAX_SPECIES;
    for (int v = 0; v < species.length && twoLegs; v++) {
      twoLegs = table.arity(species[v]) == 2;
    }
    if (twoLegs) {
      return new ClassGraph(species, legs, kinds, original, marked, budget);
    }
    int[][] nodeLegs = new int[species.length][];
    for (int v = 0, at = 0; v < species.length; v++) {
      nodeLegs[v] = Arrays.copyOfRange(legs, at, at + table.arity(species[v]));
      at += nodeLegs[v].length;
    }
    return new Component(species, nodeLegs, kinds, original, marked, budget);
  }

  /**
   * The search shared by both kinds of component: colour refinement, then individualization with
   * backtracking, over the vertices of the component's graph. A subclass says what the vertices
   * are ({@link #initialColours}), how a round of refinement reads the graph ({@link #refine}) and
   * how a leaf is written ({@link #encode}). Vertices are labelled by their colour's rank within
   * their segment ({@code segments[i]..segments[i+1]-1}), offset by the segment's start.
   */
  private abstract static class Labelling {
    final int vertices;
    final WorkBudget budget;
    private final int[] segments;
    /** Vertices coloured apart by a marked labelling; their labels end every leaf's encoding. */
    int[] markedVertices = new int[0];
    int[] best;
    private int[] bestPath;
    int[] bestVertexOfLabel;
    final List<int[]> automorphisms = new ArrayList<>();
    private final long[] scratch;
    /** Open-addressing colour set for {@link #distinct}: slots valid when their stamp is current. */
    private final long[] slotColour;
    private final int[] slotStamp;
    private final int[] cellSize;
    private int stamp;

    Labelling(int vertices, int[] segments, WorkBudget budget) {
      this.vertices = vertices;
      this.segments = segments;
      this.budget = budget;
      scratch = new long[vertices];
      int slots = Integer.highestOneBit(Math.max(4, vertices)) << 2;
      slotColour = new long[slots];
      slotStamp = new int[slots];
      cellSize = new int[slots];
    }

    /** The colours before refinement, the marked vertices coloured apart. */
    abstract long[] initialColours();

    /**
     * One round of refinement: {@code next[v]} from {@code col[v]} and the colours around
     * {@code v}, hashing the old colour in, so that the partition only gets finer.
     */
    abstract void recolour(long[] col, long[] next);

    /**
     * Refines {@code col} in place to a stable colouring by rounds of {@link #recolour}; returns the
     * number of colours. A round that splits no cell leaves a stable partition.
     */
    private int refine(long[] col) {
      int cells = distinct(col);
      long[] next = scratch;
      for (int round = 0; round <= vertices && cells < vertices; round++) {
        recolour(col, next);
        int nc = distinct(next);
        System.arraycopy(next, 0, col, 0, vertices);
        if (nc == cells) {
          break;
        }
        cells = nc;
      }
      return cells;
    }

    /** The leaf's encoding, with {@code extra} unused entries at its end (for the marked labels). */
    abstract int[] encode(int[] label, int[] vertexOfLabel, int extra);

    /** Told that the leaf just encoded is the best so far. */
    void leafIsBest() {}

    /** Joins in {@code orbits} (over the whole network's nodes) nodes that the automorphisms found exchange. */
    abstract void addOrbits(UnionFind orbits);

    /** The number of node positions {@link #originalOfLabel} answers for. */
    abstract int nodeLabels();

    /** The whole network's number of a node at this position of the best leaf. */
    abstract int originalOfLabel(int label);

    /**
     * The canonical encoding; for a component with a marked node, that of the marked component:
     * what holds the node coloured apart before the search and its labels appended to every
     * leaf's encoding, so that the automorphisms the search meets all map the node to its twins.
     */
    final int[] canonicalEncoding() {
      search(initialColours(), new int[0]);
      return best;
    }

    /**
     * The number of distinct colours in {@code col}, counted in an open-addressing set (no sort),
     * each colour's cell size left in {@link #cellSize}. Colours are outputs of {@link #mix}, so
     * their low bits serve as the hash.
     */
    final int distinct(long[] col) {
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
        cellSize[i]++;
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
      // target cell: the smallest non-singleton cell, ties broken by the smaller colour (the
      // cell sizes are those refine left for this colouring)
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
     * A leaf (a discrete colouring): its encoding is compared with the best so far; an equal one
     * gives an automorphism, kept for orbit pruning and tried for the jump back.
     */
    private int leaf(long[] col, int[] path) {
      int[] label = new int[vertices];
      for (int i = 0; i + 1 < segments.length; i++) {
        rank(col, segments[i], segments[i + 1], label);
      }
      int[] vertexOfLabel = new int[vertices];
      for (int v = 0; v < vertices; v++) {
        vertexOfLabel[label[v]] = v;
      }
      // with marked vertices, their labels end the encoding: equal encodings then give automorphisms that fix them
      int[] enc = encode(label, vertexOfLabel, markedVertices.length);
      for (int i = 0; i < markedVertices.length; i++) {
        enc[enc.length - markedVertices.length + i] = label[markedVertices[i]];
      }
      int cmp = best == null ? -1 : Arrays.compare(enc, best);
      if (cmp < 0) {
        best = enc;
        bestVertexOfLabel = vertexOfLabel;
        bestPath = path;
        leafIsBest();
        return NO_JUMP;
      }
      if (cmp > 0) {
        return NO_JUMP;
      }
      // the map sending each vertex to the vertex with its label in the best leaf is an automorphism
      int[] g = new int[vertices];
      for (int v = 0; v < vertices; v++) {
        g[v] = bestVertexOfLabel[label[v]];
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

    /** Segments up to this many vertices are ranked by an insertion sort. */
    private static final int INSERTION_RANK = 64;

    /**
     * Ranks vertices {@code from..to-1} by colour (all distinct) into {@code label}, offset by
     * {@code from}: an insertion sort of the vertices by colour when they are few (the common
     * case), else a sort of the colours and a binary search for each vertex's place.
     */
    private static void rank(long[] col, int from, int to, int[] label) {
      int len = to - from;
      if (len > INSERTION_RANK) {
        long[] sorted = Arrays.copyOfRange(col, from, to);
        Arrays.sort(sorted);
        for (int v = from; v < to; v++) {
          label[v] = from + Arrays.binarySearch(sorted, 0, len, col[v]);
        }
        return;
      }
      int[] order = new int[len];
      for (int i = 0; i < len; i++) {
        int v = from + i;
        long x = col[v];
        int j = i;
        while (j > 0 && col[order[j - 1]] > x) {
          order[j] = order[j - 1];
          j--;
        }
        order[j] = v;
      }
      for (int i = 0; i < len; i++) {
        label[order[i]] = from + i;
      }
    }
  }

  /**
   * A component read as a bipartite graph, with twin nodes collapsed: vertices are the twin
   * groups' representatives 0..n-1 (each carrying its group's size), then classes n..n+c-1.
   */
  private static final class Component extends Labelling {
    private final int n;
    private final int c;
    private final int[] species;
    private final int[][] legs;
    /** The number of twins each representative stands for. */
    private final int[] multiplicity;
    /** For each local node, its representative's index; for each representative, its local node. */
    private final int[] quotientOf;
    private final int[] representative;
    /** Each local node's number in the whole network. */
    private final int[] original;
    private final int[] kinds;
    private final int[] incStart;
    private final int[] incNode;
    private final int[] incPos;
    private final int encodingLength;
    /** The number of nodes, twins counted. */
    private final int nodesWithTwins;
    /** The marked local node, or -1. */
    private final int marked;

    private Component(int n, int c, int marked, WorkBudget budget, int[] species, int[][] legs, int[] multiplicity, int[] quotientOf,
        int[] representative, int[] original, int[] kinds, int legTotal) {
      super(n + c, new int[] {0, n, n + c}, budget);
      this.marked = marked;
      this.n = n;
      this.c = c;
      this.species = species;
      this.legs = legs;
      this.multiplicity = multiplicity;
      this.quotientOf = quotientOf;
      this.representative = representative;
      this.original = original;
      this.kinds = kinds;
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
      nodesWithTwins = quotientOf.length;
      encodingLength = 2 + c + nodesWithTwins + legTotal;
    }

    Component(int[] allSpecies, int[][] allLegs, int[] kinds, int[] original, int marked, WorkBudget budget) {
      this(TwinNodes.of(allSpecies, allLegs), kinds, original, marked, budget);
    }

    private Component(TwinNodes t, int[] kinds, int[] original, int marked, WorkBudget budget) {
      this(t.groups, kinds.length, marked, budget, t.species, t.legs, t.multiplicity, t.quotientOf, t.representative, original,
          kinds, t.legTotal);
    }

    /**
     * Twin nodes (same species and the same class on every leg), found through a hash table of
     * the nodes' (species, legs) keys: the first of each group represents it.
     */
    private record TwinNodes(int groups, int[] species, int[][] legs, int[] multiplicity, int[] quotientOf,
        int[] representative, int legTotal) {
      static TwinNodes of(int[] allSpecies, int[][] allLegs) {
        int all = allSpecies.length;
        int legTotal = 0;
        int[] rep = new int[all];
        int tableSize = Integer.highestOneBit(Math.max(2, all)) << 2;
        int[] firstOfKey = new int[tableSize];
        int groups = 0;
        for (int v = 0; v < all; v++) {
          legTotal += allLegs[v].length;
          long h = allSpecies[v];
          for (int cl : allLegs[v]) {
            h = h * 0x9E3779B97F4A7C15L + cl;
          }
          int slot = (int) mix(h) & (tableSize - 1);
          rep[v] = v;
          while (firstOfKey[slot] != 0) {
            int u = firstOfKey[slot] - 1;
            if (allSpecies[u] == allSpecies[v] && Arrays.equals(allLegs[u], allLegs[v])) {
              rep[v] = u;
              break;
            }
            slot = (slot + 1) & (tableSize - 1);
          }
          if (rep[v] == v) {
            firstOfKey[slot] = v + 1;
            groups++;
          }
        }
        int[] species = new int[groups];
        int[][] legs = new int[groups][];
        int[] multiplicity = new int[groups];
        int[] quotientOf = new int[all];
        int[] representative = new int[groups];
        int q = 0;
        for (int v = 0; v < all; v++) {
          if (rep[v] == v) {
            quotientOf[v] = q;
            representative[q] = v;
            species[q] = allSpecies[v];
            legs[q] = allLegs[v];
            q++;
          }
          quotientOf[v] = quotientOf[rep[v]];
          multiplicity[quotientOf[v]]++;
        }
        return new TwinNodes(groups, species, legs, multiplicity, quotientOf, representative, legTotal);
      }
    }

    @Override
    long[] initialColours() {
      long[] col = new long[vertices];
      for (int v = 0; v < n; v++) {
        col[v] = mix(0x1000L + species[v] + ((long) multiplicity[v] << 24));
      }
      if (marked >= 0) {
        int m = quotientOf[marked];
        markedVertices = new int[] {m};
        col[m] = mix(col[m] ^ INDIVIDUALIZED);
      }
      for (int i = 0; i < c; i++) {
        col[n + i] = mix(0x2000L + kinds[i]);
      }
      return col;
    }

    /**
     * Recolours every node from its legs' classes, then every class from its legs' new node
     * colours (so one round carries information node to class to node).
     */
    @Override
    void recolour(long[] col, long[] next) {
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
    }

    /**
     * Kinds of the classes in label order, then the nodes in label order, each representative
     * written once per twin it stands for. Distinct representatives are never twins, so the runs
     * (and with them the multiplicities) can be read back: the encoding is exact.
     */
    @Override
    int[] encode(int[] label, int[] vertexOfLabel, int extra) {
      int[] enc = new int[encodingLength + extra];
      enc[0] = c;
      enc[1] = nodesWithTwins;
      for (int l = 0; l < c; l++) {
        enc[2 + l] = kinds[vertexOfLabel[n + l] - n];
      }
      int pos = 2 + c;
      for (int l = 0; l < n; l++) {
        int v = vertexOfLabel[l];
        for (int copy = 0; copy < multiplicity[v]; copy++) {
          enc[pos++] = species[v];
          for (int k = 0; k < legs[v].length; k++) {
            enc[pos++] = label[n + legs[v][k]] - n;
          }
        }
      }
      return enc;
    }

    /** Joins each twin with its representative and each node with its image under every automorphism kept. */
    @Override
    void addOrbits(UnionFind orbits) {
      for (int v = 0; v < quotientOf.length; v++) {
        orbits.union(original[v], original[representative[quotientOf[v]]]);
      }
      for (int[] g : automorphisms) {
        for (int q = 0; q < n; q++) {
          orbits.union(original[representative[q]], original[representative[g[q]]]);
        }
      }
    }

    @Override
    int nodeLabels() {
      return n;
    }

    @Override
    int originalOfLabel(int label) {
      return original[representative[bestVertexOfLabel[label]]];
    }
  }

  /**
   * A component whose nodes all have two legs, read as a multigraph whose vertices are the
   * classes and whose edges are the nodes (from the class of leg 0 to that of leg 1, labelled by
   * species), with <em>twin classes</em> collapsed: two classes of one kind, without self-loops,
   * whose nodes reach the same other classes with the same species and legs, multiplicities
   * counted. Swapping two twin classes is an automorphism (they cannot share a node: its other end
   * would be a self-loop of each), so a group of {@code m} twins is searched as one vertex coloured
   * by {@code m} and written back as {@code m} consecutive labels. Twin nodes (parallel edges) need
   * no collapsing: a leaf sorts the nodes by (species, leg labels). The search runs on the groups,
   * so where {@code k} interchangeable branches (a class with its nodes) would cost the bipartite
   * search {@code O(k^2)} leaves, here they cost one; and its vertices are only the classes.
   *
   * <p>The encoding is the one {@link Component} writes, read off the expanded labelling: class
   * kinds by label, then every node as (species, label of leg 0, label of leg 1), sorted. It is
   * exact (a relabelling of the component), and it depends only on the collapsed graph's labelling,
   * because twins are interchangeable; so the least one over the search's leaves is canonical.
   */
  private static final class ClassGraph extends Labelling {
    static final int MAX_NODES = 1 << 18;
    static final int MAX_CLASSES = 1 << 16;
    static final int MAX_SPECIES = 1 << 13;
    private final int nodes;
    private final int c;
    private final int[] species;
    /** The two legs' classes of each node in turn. */
    private final int[] legs;
    private final int[] original;
    private final int[] kinds;
    /** Each class's group of twins (a vertex of the search), and each class's place in its group. */
    private final int[] groupOf;
    private final int[] placeInGroup;
    private final int[] groupSize;
    /** A representative class of each group. */
    private final int[] groupClass;
    /** Per group, its representative's incident legs: a hash of (species, leg) and the group at the other end. */
    private final int[] incStart;
    private final long[] incKey;
    private final int[] incOther;
    /** The nodes (local numbers) in the order the best leaf wrote them. */
    private int[] bestOrder;
    private int[] lastOrder;

    /** {@code legs} holds the two legs of each node in turn; {@code markedNode} is local, or -1. */
    ClassGraph(int[] species, int[] legs, int[] kinds, int[] original, int markedNode, WorkBudget budget) {
      this(species, legs, kinds, original, budget, markedNode, twinGroups(species, legs, kinds, markedNode));
    }

    private ClassGraph(int[] species, int[] legs, int[] kinds, int[] original, WorkBudget budget, int markedNode,
        TwinClasses twins) {
      super(twins.groups, new int[] {0, twins.groups}, budget);
      int[] groupOf = twins.groupOf;
      this.nodes = species.length;
      this.c = kinds.length;
      this.species = species;
      this.legs = legs;
      this.original = original;
      this.kinds = kinds;
      this.groupOf = groupOf;
      placeInGroup = new int[c];
      groupSize = new int[vertices];
      groupClass = new int[vertices];
      for (int x = 0; x < c; x++) {
        int g = groupOf[x];
        if (groupSize[g] == 0) {
          groupClass[g] = x;
        }
        placeInGroup[x] = groupSize[g]++;
      }
      if (markedNode >= 0) {
        int a = legs[2 * markedNode];
        int b = legs[2 * markedNode + 1];
        markedVertices = a == b ? new int[] {groupOf[a]} : new int[] {groupOf[a], groupOf[b]};
      }
      // the legs at each group's representative class, with the group at the node's other end
      incStart = new int[vertices + 1];
      for (int at = 0; at < legs.length; at++) {
        if (placeInGroup[legs[at]] == 0) {
          incStart[groupOf[legs[at]] + 1]++;
        }
      }
      for (int g = 0; g < vertices; g++) {
        incStart[g + 1] += incStart[g];
      }
      incKey = new long[incStart[vertices]];
      incOther = new int[incStart[vertices]];
      int[] fill = Arrays.copyOf(incStart, vertices);
      for (int at = 0; at < legs.length; at++) {
        if (placeInGroup[legs[at]] == 0) {
          int g = groupOf[legs[at]];
          int k = at & 1;
          incKey[fill[g]] = mix(0x4000L + 2L * species[at >> 1] + k);
          incOther[fill[g]++] = groupOf[legs[at ^ 1]];
        }
      }
    }

    /** Each class's group of twins, numbered 0..groups-1 in order of first member. */
    private record TwinClasses(int[] groupOf, int groups) {}

    /**
     * Each class's twin group, numbered in order of first member. A class is a twin of another
     * when both have the same kind, no self-loop, are not legs of the marked node, and the same
     * multiset of (species, its leg, class at the other end) over its nodes. Candidates are found
     * by a hash of that multiset (a sum, so no sorting) and confirmed by comparing the sorted
     * multisets.
     */
    private static TwinClasses twinGroups(int[] species, int[] legs, int[] kinds, int markedNode) {
      int c = kinds.length;
      boolean[] alone = new boolean[c];
      long[] hash = new long[c];
      for (int at = 0; at < legs.length; at++) {
        int v = at >> 1;
        if (legs[at] == legs[at ^ 1] || v == markedNode) {
          alone[legs[at]] = true;
        }
        hash[legs[at]] += mix(rowEntry(species[v], at & 1, legs[at ^ 1]));
      }
      int[] groupOf = new int[c];
      int[] groupClass = new int[c];
      long[][] rows = null;
      int groups = 0;
      for (int x = 0; x < c; x++) {
        groupOf[x] = -1;
        for (int g = 0; g < groups && !alone[x]; g++) {
          int y = groupClass[g];
          if (!alone[y] && hash[y] == hash[x] && kinds[y] == kinds[x]) {
            if (rows == null) {
              rows = new long[c][];
            }
            if (Arrays.equals(row(rows, y, species, legs), row(rows, x, species, legs))) {
              groupOf[x] = g;
              break;
            }
          }
        }
        if (groupOf[x] < 0) {
          groupClass[groups] = x;
          groupOf[x] = groups++;
        }
      }
      return new TwinClasses(groupOf, groups);
    }

    private static long rowEntry(int species, int leg, int other) {
      return ((long) species << 33) | ((long) other << 1) | leg;
    }

    /** The sorted row of class {@code x}, computed once into {@code rows}. */
    private static long[] row(long[][] rows, int x, int[] species, int[] legs) {
      if (rows[x] == null) {
        int degree = 0;
        for (int l : legs) {
          degree += l == x ? 1 : 0;
        }
        long[] r = new long[degree];
        for (int at = 0, i = 0; at < legs.length; at++) {
          if (legs[at] == x) {
            r[i++] = rowEntry(species[at >> 1], at & 1, legs[at ^ 1]);
          }
        }
        Arrays.sort(r);
        rows[x] = r;
      }
      return rows[x];
    }

    @Override
    long[] initialColours() {
      long[] col = new long[vertices];
      for (int g = 0; g < vertices; g++) {
        col[g] = mix(0x3000L + kinds[groupClass[g]] + ((long) groupSize[g] << 24));
      }
      for (int i = 0; i < markedVertices.length; i++) {
        col[markedVertices[i]] = mix(col[markedVertices[i]] ^ (INDIVIDUALIZED + i));
      }
      return col;
    }

    /** Recolours every group from the multiset of its representative's legs: (species, leg, colour at the other end). */
    @Override
    void recolour(long[] col, long[] next) {
      for (int g = 0; g < vertices; g++) {
        long s = 0;
        for (int j = incStart[g]; j < incStart[g + 1]; j++) {
          s += mix(incKey[j] * 0xC2B2AE3D27D4EB4FL + col[incOther[j]]);
        }
        next[g] = mix(col[g] ^ mix(s + 0x27D4EB2F165667C5L));
      }
    }

    @Override
    int[] encode(int[] label, int[] vertexOfLabel, int extra) {
      // a group's classes take consecutive labels from the sizes of the groups labelled before it
      int[] start = new int[vertices];
      for (int l = 0, next = 0; l < vertices; l++) {
        start[vertexOfLabel[l]] = next;
        next += groupSize[vertexOfLabel[l]];
      }
      int[] enc = new int[2 + c + 3 * nodes + extra];
      enc[0] = c;
      enc[1] = nodes;
      int[] classLabel = new int[c];
      for (int x = 0; x < c; x++) {
        classLabel[x] = start[groupOf[x]] + placeInGroup[x];
        enc[2 + classLabel[x]] = kinds[x];
      }
      long[] key = new long[nodes];
      for (int v = 0; v < nodes; v++) {
        key[v] = ((long) species[v] << 50) | ((long) classLabel[legs[2 * v]] << 34) | ((long) classLabel[legs[2 * v + 1]] << 18) | v;
      }
      Arrays.sort(key);
      int[] order = new int[nodes];
      int pos = 2 + c;
      for (int i = 0; i < nodes; i++) {
        order[i] = (int) (key[i] & (MAX_NODES - 1));
        enc[pos++] = (int) (key[i] >>> 50);
        enc[pos++] = (int) (key[i] >>> 34) & (MAX_CLASSES - 1);
        enc[pos++] = (int) (key[i] >>> 18) & (MAX_CLASSES - 1);
      }
      lastOrder = order;
      return enc;
    }

    @Override
    void leafIsBest() {
      bestOrder = lastOrder;
    }

    /**
     * Joins nodes with the same species and the same groups at their legs (swapping twin classes
     * maps one onto the other, fixing the marked node's classes, which are in no group), and each
     * node with a node at its image under every automorphism of the groups kept.
     */
    @Override
    void addOrbits(UnionFind orbits) {
      Map<Long, Integer> firstOfKey = new HashMap<>();
      for (int v = 0; v < nodes; v++) {
        Integer first = firstOfKey.putIfAbsent(groupKey(species[v], groupOf[legs[2 * v]], groupOf[legs[2 * v + 1]]), v);
        if (first != null) {
          orbits.union(original[first], original[v]);
        }
      }
      for (int[] g : automorphisms) {
        for (int v = 0; v < nodes; v++) {
          int image = firstOfKey.get(groupKey(species[v], g[groupOf[legs[2 * v]]], g[groupOf[legs[2 * v + 1]]]));
          orbits.union(original[v], original[image]);
        }
      }
    }

    private static long groupKey(int species, int group0, int group1) {
      return ((long) species << 40) | ((long) group0 << 20) | group1;
    }

    @Override
    int nodeLabels() {
      return nodes;
    }

    @Override
    int originalOfLabel(int label) {
      return original[bestOrder[label]];
    }
  }
}
