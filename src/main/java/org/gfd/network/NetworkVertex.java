package org.gfd.network;

/** A vertex of the JGraphT view of a network: a tensor node or an index class. */
public sealed interface NetworkVertex {
  /** A tensor node, by its number and species name. */
  record NodeVertex(int index, String species) implements NetworkVertex {}

  /** An index class, by its number and kind name. */
  record ClassVertex(int index, String kind) implements NetworkVertex {}
}
