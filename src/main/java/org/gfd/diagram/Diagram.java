package org.gfd.diagram;

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
 * @param form the canonical form: the network's nodes each with one extra last leg, in a class of
 *     kind {@link DiagramCensus#PAIR} shared by the two nodes of each Wick pair
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
    return form.nodeCount() / 2;
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
      int last = form.arity(v) - 1;
      for (int k = 0; k < last; k++) {
        g.addEdge(nodes[v], classes[form.legClass(v, k)], new LegEdge(v, k));
      }
      int pair = form.legClass(v, last);
      if (firstOfPair[pair] == null) {
        firstOfPair[pair] = nodes[v];
      } else {
        g.addEdge(firstOfPair[pair], nodes[v], new LegEdge(v, -1));
      }
    }
    return g;
  }
}
