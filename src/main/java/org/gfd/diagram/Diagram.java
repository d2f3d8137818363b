package org.gfd.diagram;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.gfd.algebra.Monomial;
import org.gfd.algebra.Rational;
import org.gfd.network.LegEdge;
import org.gfd.network.Network;
import org.gfd.network.NetworkVertex;
import org.jgrapht.Graph;
import org.jgrapht.graph.Multigraph;

/**
 * A fully paired diagram of {@code c_s}: a network of {@code D^s L} with a perfect Wick matching of
 * its nodes within species, up to isomorphism.
 *
 * @param form the canonical form: the network's Gaussian nodes each with one extra last leg, in a
 *     class of kind {@link DiagramCensus#PAIR} shared by the two nodes of each Wick pair (constant
 *     tensors are not paired and have no such leg)
 * @param coefficient the sum over all (network term, matching) isomorphic to this diagram of the
 *     term's coefficient in {@code D^s L}: the diagram's signed multiplicity
 * @param weight its value: the size monomial of the fully contracted network times the variances
 */
public record Diagram(Network form, Rational coefficient, Monomial weight) {
  public Diagram {
    Objects.requireNonNull(form);
    Objects.requireNonNull(coefficient);
    Objects.requireNonNull(weight);
  }

  /** The number of Wick pairs. */
  public int pairCount() {
    int paired = 0;
    for (int v = 0; v < form.nodeCount(); v++) {
      paired += form.table().gaussian(form.species(v)) ? 1 : 0;
    }
    return paired / 2;
  }

  /** The number of legs of node {@code v} in the network, without the leg that marks its pair. */
  public int legCount(int v) {
    return form.table().gaussian(form.species(v)) ? form.arity(v) - 1 : form.arity(v);
  }

  /** The class of the leg that marks node {@code v}'s Wick pair, -1 for a constant tensor. */
  private int pairClass(int v) {
    return form.table().gaussian(form.species(v)) ? form.legClass(v, form.arity(v) - 1) : -1;
  }

  /**
   * The diagram as a JGraphT multigraph: tensor nodes and index classes joined by leg edges, plus
   * one edge per Wick pair joining its two nodes (labelled with position {@code -1}).
   */
  public Graph<NetworkVertex, LegEdge> toGraph() {
    Graph<NetworkVertex, LegEdge> g = new Multigraph<>(LegEdge.class);
    int pairKind = form.table().kindId(DiagramCensus.PAIR);
    NetworkVertex[] classes = new NetworkVertex[form.classCount()];
    for (int c = 0; c < form.classCount(); c++) {
      if (form.classKind(c) != pairKind) {
        classes[c] = new NetworkVertex.ClassVertex(c, form.table().kind(form.classKind(c)).name());
        g.addVertex(classes[c]);
      }
    }
    NetworkVertex[] nodes = new NetworkVertex[form.nodeCount()];
    NetworkVertex[] firstOfPair = new NetworkVertex[form.classCount()];
    for (int v = 0; v < form.nodeCount(); v++) {
      nodes[v] = new NetworkVertex.NodeVertex(v, form.table().species(form.species(v)).name());
      g.addVertex(nodes[v]);
      for (int k = 0; k < legCount(v); k++) {
        g.addEdge(nodes[v], classes[form.legClass(v, k)], new LegEdge(v, k));
      }
      int pair = pairClass(v);
      if (pair < 0) {
        continue;
      }
      if (firstOfPair[pair] == null) {
        firstOfPair[pair] = nodes[v];
      } else {
        g.addEdge(firstOfPair[pair], nodes[v], new LegEdge(v, -1));
      }
    }
    return g;
  }

  /**
   * The Wick pairs as node numbers {@code {v, w}} with {@code v < w}, in order of {@code v}.
   */
  public List<int[]> pairs() {
    int[] first = new int[form.classCount()];
    Arrays.fill(first, -1);
    List<int[]> out = new ArrayList<>();
    for (int v = 0; v < form.nodeCount(); v++) {
      int pair = pairClass(v);
      if (pair < 0) {
        continue;
      }
      if (first[pair] < 0) {
        first[pair] = v;
      } else {
        out.add(new int[] {first[pair], v});
      }
    }
    out.sort(Comparator.comparingInt(a -> a[0]));
    return out;
  }

  /**
   * A readable one-line form: the nodes with their index classes (named by kind and number), then
   * the Wick pairs, e.g. {@code U1[H0,p1] U1[H0,p1] | pairs 0-1}. Classes are numbered in order of
   * first appearance.
   */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    int[] name = new int[form.classCount()];
    Arrays.fill(name, -1);
    int named = 0;
    for (int v = 0; v < form.nodeCount(); v++) {
      if (v > 0) {
        sb.append(' ');
      }
      sb.append(form.table().species(form.species(v)).name()).append('[');
      for (int k = 0; k < legCount(v); k++) {
        int c = form.legClass(v, k);
        if (name[c] < 0) {
          name[c] = named++;
        }
        sb.append(k > 0 ? "," : "").append(form.table().kind(form.classKind(c)).name()).append(name[c]);
      }
      sb.append(']');
    }
    sb.append(" | pairs");
    for (int[] p : pairs()) {
      sb.append(' ').append(p[0]).append('-').append(p[1]);
    }
    return sb.toString();
  }
}
