/**
 * Stage 4: the exact formal loss series {@code E[L(t)] = sum_s c_s t^s / s!},
 * {@code c_s = E[(D^s L)(u(0))]} (docs/specification.md &sect;2), each {@code c_s} a polynomial in the sizes and
 * variances with exact rational coefficients.
 */
package org.gfd.series;
