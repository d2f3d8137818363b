/**
 * Stage 3: Gaussian expectation and diagrams (docs/specification.md &sect;3). {@link org.gfd.diagram.WickExpectation}
 * evaluates {@code E[F]} by the Wick rule, memoized on canonical forms of partially contracted
 * networks; {@link org.gfd.diagram.DiagramCensus} lists the fully paired diagrams one by one,
 * merged up to isomorphism, for orders small enough to list.
 */
package org.gfd.diagram;
