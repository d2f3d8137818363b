/**
 * Stage 5: scaling. Sizes and variances on rays of one large parameter {@code p}
 * (docs/specification.md &sect;4): which monomials of a coefficient can lead along some ray, the
 * limit along a ray, the regime map of the exponent space (&sect;5), and where a ray lies on it,
 * read from the map near its point.
 */
package org.gfd.scaling;
