package org.gfd.network;

/**
 * An edge of the JGraphT view of a network: leg {@code position} of node {@code node}, joining
 * the node to its index class.
 */
public record LegEdge(int node, int position) {}
