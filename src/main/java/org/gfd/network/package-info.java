/**
 * Stage 2: tensor networks (docs/specification.md &sect;3). A {@link org.gfd.network.Network} is a multiset of
 * tensor nodes with ordered typed legs plus a partition of the legs into index classes. The one
 * primitive is {@link org.gfd.network.Network#contract(int, int) contract a pair}; the time
 * derivative {@link org.gfd.network.TimeDerivative D} is built from it, and
 * {@link org.gfd.network.CanonicalLabeler} gives isomorphism-invariant forms so that isomorphic
 * networks are merged with multiplicities.
 *
 * <p>Implementation note: networks are compact integer arrays (the hot path creates millions of
 * them); {@link org.gfd.network.Network#toGraph()} gives the same network as a JGraphT multigraph
 * for traversal, drawing and independent isomorphism checks.
 */
package org.gfd.network;
