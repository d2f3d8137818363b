package org.gfd.network;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gfd.algebra.Monomial;
import org.gfd.model.Factor;
import org.gfd.model.IndexKind;
import org.gfd.model.TensorTerm;
import org.jgrapht.Graph;
import org.jgrapht.graph.Multigraph;

/**
 * A tensor network: the scalar {@code sum over one value per index class of prod(node entries)}
 * (docs/specification.md &sect;3). Nodes are numbered {@code 0..nodeCount-1}, each of a species with ordered legs;
 * index classes are numbered {@code 0..classCount-1}, each of an index kind; every leg lies in
 * exactly one class. A class with no legs is a free sum and contributes its size as a factor.
 *
 * <p>Immutable. {@link #equals} compares the labelled arrays, so two networks are equal as keys
 * only when both are in canonical form ({@link CanonicalLabeler#canonicalize}).
 */
public final class Network implements Comparable<Network> {
  private final SpeciesTable table;
  private final int[] nodeSpecies;
  private final int[] legStart;
  private final int[] legClass;
  private final int[] classKind;
  /** A Laurent monomial prefactor (a term's {@code 1/n}); {@code 1} for most networks. */
  private final Monomial scale;
  private final int hash;

  Network(SpeciesTable table, int[] nodeSpecies, int[] legClass, int[] classKind, Monomial scale) {
    this.table = table;
    this.nodeSpecies = nodeSpecies;
    this.legClass = legClass;
    this.classKind = classKind;
    this.scale = scale;
    this.legStart = new int[nodeSpecies.length + 1];
    for (int v = 0; v < nodeSpecies.length; v++) {
      legStart[v + 1] = legStart[v] + table.arity(nodeSpecies[v]);
    }
    if (legStart[nodeSpecies.length] != legClass.length) {
      throw new IllegalArgumentException("leg count mismatch");
    }
    int h = Arrays.hashCode(nodeSpecies);
    h = 31 * h + Arrays.hashCode(legClass);
    h = 31 * h + scale.hashCode();
    this.hash = 31 * h + Arrays.hashCode(classKind);
  }

  /**
   * The network with these nodes and classes: node {@code v} has species {@code nodeSpecies[v]},
   * its legs are the next {@code arity} entries of {@code legClass}, class {@code c} has kind
   * {@code classKind[c]}.
   *
   * @throws IllegalArgumentException when the arrays do not fit together or a number is out of range
   */
  public static Network of(SpeciesTable table, int[] nodeSpecies, int[] legClass, int[] classKind) {
    for (int s : nodeSpecies) {
      if (s < 0 || s >= table.speciesCount()) {
        throw new IllegalArgumentException("species number out of range: " + s);
      }
    }
    for (int k : classKind) {
      if (k < 0 || k >= table.kindCount()) {
        throw new IllegalArgumentException("kind number out of range: " + k);
      }
    }
    Network net = new Network(table, nodeSpecies.clone(), legClass.clone(), classKind.clone(), Monomial.ONE);
    for (int v = 0; v < net.nodeCount(); v++) {
      for (int k = 0; k < net.arity(v); k++) {
        int c = net.legClass(v, k);
        if (c < 0 || c >= classKind.length || classKind[c] != table.legKind(nodeSpecies[v], k)) {
          throw new IllegalArgumentException("leg " + k + " of node " + v + " is in a class of the wrong kind");
        }
      }
    }
    return net;
  }

  /** The network of a tensor term (its rational coefficient is not part of the network; its scale is). */
  public static Network of(SpeciesTable table, TensorTerm term) {
    Map<String, Integer> classOf = new HashMap<>();
    int[] kinds = new int[term.indexKinds().size()];
    for (Map.Entry<String, IndexKind> e : term.indexKinds().entrySet()) {
      kinds[classOf.size()] = table.kindId(e.getValue());
      classOf.put(e.getKey(), classOf.size());
    }
    List<Factor> factors = term.factors();
    int[] species = new int[factors.size()];
    int legs = 0;
    for (int v = 0; v < species.length; v++) {
      species[v] = table.id(factors.get(v).species());
      legs += table.arity(species[v]);
    }
    int[] legClass = new int[legs];
    int l = 0;
    for (Factor f : factors) {
      for (String label : f.indices()) {
        legClass[l++] = classOf.get(label);
      }
    }
    return new Network(table, species, legClass, kinds, term.scale());
  }

  public SpeciesTable table() {
    return table;
  }

  public int nodeCount() {
    return nodeSpecies.length;
  }

  public int classCount() {
    return classKind.length;
  }

  /**
   * The Laurent monomial this network is multiplied by (a loss term's {@code 1/n}, products of
   * them in {@code D^s L}); {@code 1} for most networks. Isomorphic networks with different scales
   * are different keys.
   */
  public Monomial scale() {
    return scale;
  }

  /** This network with another scale. */
  public Network withScale(Monomial s) {
    return s.equals(scale) ? this : new Network(table, nodeSpecies, legClass, classKind, s);
  }

  /** The species number of node {@code v}. */
  public int species(int v) {
    return nodeSpecies[v];
  }

  /** The number of legs of node {@code v}. */
  public int arity(int v) {
    return legStart[v + 1] - legStart[v];
  }

  /** The class of leg {@code k} of node {@code v}. */
  public int legClass(int v, int k) {
    return legClass[legStart[v] + k];
  }

  /** The kind number of class {@code c}. */
  public int classKind(int c) {
    return classKind[c];
  }

  /** The species of every node, for the labeller of this package: the network's own array, not to be changed. */
  int[] speciesArray() {
    return nodeSpecies;
  }

  /** The classes of every leg, node after node, for the labeller of this package: the network's own array, not to be changed. */
  int[] legArray() {
    return legClass;
  }

  /** The kind of every class, for the labeller of this package: the network's own array, not to be changed. */
  int[] kindArray() {
    return classKind;
  }

  /** The number of nodes of each species, indexed by species number. */
  public int[] speciesCounts() {
    int[] counts = new int[table.speciesCount()];
    for (int s : nodeSpecies) {
      counts[s]++;
    }
    return counts;
  }

  /** The network with {@code o}'s nodes and classes added beside this one's (disjoint union). */
  public Network union(Network o) {
    int n = nodeSpecies.length;
    int c = classKind.length;
    int[] species = Arrays.copyOf(nodeSpecies, n + o.nodeSpecies.length);
    System.arraycopy(o.nodeSpecies, 0, species, n, o.nodeSpecies.length);
    int[] legs = Arrays.copyOf(legClass, legClass.length + o.legClass.length);
    for (int i = 0; i < o.legClass.length; i++) {
      legs[legClass.length + i] = o.legClass[i] + c;
    }
    int[] kinds = Arrays.copyOf(classKind, c + o.classKind.length);
    System.arraycopy(o.classKind, 0, kinds, c, o.classKind.length);
    return new Network(table, species, legs, kinds, scale.multiply(o.scale));
  }

  /**
   * The contract-a-pair primitive: deletes nodes {@code v} and {@code w}, which must be of the
   * same species, and merges the class of leg {@code k} of {@code v} with the class of leg
   * {@code k} of {@code w} for every {@code k}. Classes left without legs stay, as free sums.
   */
  public Network contract(int v, int w) {
    if (v == w || nodeSpecies[v] != nodeSpecies[w]) {
      throw new IllegalArgumentException("contract needs two distinct nodes of one species");
    }
    int c = classKind.length;
    UnionFind merged = new UnionFind(c);
    for (int k = 0; k < arity(v); k++) {
      merged.union(legClass(v, k), legClass(w, k));
    }
    int[] newIndex = new int[c];
    int classes = 0;
    for (int i = 0; i < c; i++) {
      if (merged.find(i) == i) {
        newIndex[i] = classes++;
      }
    }
    int[] kinds = new int[classes];
    for (int i = 0; i < c; i++) {
      if (merged.find(i) == i) {
        kinds[newIndex[i]] = classKind[i];
      }
    }
    int n = nodeSpecies.length;
    int[] species = new int[n - 2];
    int[] legs = new int[legClass.length - arity(v) - arity(w)];
    int sv = 0;
    int l = 0;
    for (int u = 0; u < n; u++) {
      if (u == v || u == w) {
        continue;
      }
      species[sv++] = nodeSpecies[u];
      for (int i = legStart[u]; i < legStart[u + 1]; i++) {
        legs[l++] = newIndex[merged.find(legClass[i])];
      }
    }
    return new Network(table, species, legs, kinds, scale);
  }

  /** The number of legs in each class. */
  public int[] classDegrees() {
    int[] deg = new int[classKind.length];
    for (int c : legClass) {
      deg[c]++;
    }
    return deg;
  }

  /** The product of the sizes of the classes without legs (the free sums). */
  public Monomial freeClassWeight() {
    int[] deg = classDegrees();
    Monomial m = Monomial.ONE;
    for (int c = 0; c < classKind.length; c++) {
      if (deg[c] == 0) {
        m = m.multiply(Monomial.of(table.kind(classKind[c]).size(), 1));
      }
    }
    return m;
  }

  /** This network without its legless classes (see {@link #freeClassWeight()}). */
  public Network withoutFreeClasses() {
    int[] deg = classDegrees();
    int[] newIndex = new int[classKind.length];
    int classes = 0;
    for (int c = 0; c < classKind.length; c++) {
      newIndex[c] = deg[c] == 0 ? -1 : classes++;
    }
    if (classes == classKind.length) {
      return this;
    }
    int[] kinds = new int[classes];
    for (int c = 0; c < classKind.length; c++) {
      if (newIndex[c] >= 0) {
        kinds[newIndex[c]] = classKind[c];
      }
    }
    int[] legs = new int[legClass.length];
    for (int i = 0; i < legs.length; i++) {
      legs[i] = newIndex[legClass[i]];
    }
    return new Network(table, nodeSpecies, legs, kinds, scale);
  }

  /**
   * This network as a JGraphT multigraph: one vertex per node and per class, one edge per leg
   * (joining the node to its class, labelled by its position).
   */
  public Graph<NetworkVertex, LegEdge> toGraph() {
    Graph<NetworkVertex, LegEdge> g = new Multigraph<>(LegEdge.class);
    NetworkVertex[] classes = new NetworkVertex[classKind.length];
    for (int c = 0; c < classKind.length; c++) {
      classes[c] = new NetworkVertex.ClassVertex(c, table.kind(classKind[c]).name());
      g.addVertex(classes[c]);
    }
    for (int v = 0; v < nodeSpecies.length; v++) {
      NetworkVertex node = new NetworkVertex.NodeVertex(v, table.species(nodeSpecies[v]).name());
      g.addVertex(node);
      for (int k = 0; k < arity(v); k++) {
        g.addEdge(node, classes[legClass(v, k)], new LegEdge(v, k));
      }
    }
    return g;
  }

  /**
   * A total order on labelled networks (lexicographic on species, then legs, then class kinds):
   * on canonical forms, an isomorphism-invariant order, used to list results reproducibly.
   */
  @Override
  public int compareTo(Network o) {
    int r = Arrays.compare(nodeSpecies, o.nodeSpecies);
    if (r == 0) {
      r = Arrays.compare(legClass, o.legClass);
    }
    if (r == 0) {
      r = Arrays.compare(classKind, o.classKind);
    }
    return r != 0 ? r : scale.compareTo(o.scale);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Network n && hash == n.hash && Arrays.equals(nodeSpecies, n.nodeSpecies)
        && Arrays.equals(legClass, n.legClass) && Arrays.equals(classKind, n.classKind) && scale.equals(n.scale);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  /** For example {@code U1[c0,c1] U1[c2,c1] | c0:H c1:p c2:H}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (int v = 0; v < nodeSpecies.length; v++) {
      if (v > 0) {
        sb.append(' ');
      }
      sb.append(table.species(nodeSpecies[v]).name()).append('[');
      for (int k = 0; k < arity(v); k++) {
        sb.append(k > 0 ? "," : "").append('c').append(legClass(v, k));
      }
      sb.append(']');
    }
    sb.append(" |");
    for (int c = 0; c < classKind.length; c++) {
      sb.append(" c").append(c).append(':').append(table.kind(classKind[c]).name());
    }
    if (!scale.isOne()) {
      sb.append(" | scale ").append(scale);
    }
    return sb.toString();
  }
}
