/**
 * Stage 5: scaling. Sizes and variances on rays of one large parameter {@code p}
 * (docs/specification.md &sect;4): which monomials of a coefficient can lead along some ray.
 */
package org.gfd.scaling;
