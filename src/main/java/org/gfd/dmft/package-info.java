/**
 * Dynamical mean-field theory beside the diagram expansion, for models whose loss is linear in
 * the data: {@code 1/(2n) |X^T (f(theta) - b)|^2} with {@code f} acting site by site (linear
 * regression, diagonal linear networks). {@link org.gfd.dmft.SiteModel} recognises the class
 * from a model; {@link org.gfd.dmft.Dmft} solves the bipartite data-site / parameter-site
 * equations in discrete time, exactly for an affine site and by Monte Carlo otherwise, and
 * extrapolates to gradient flow. It reads the model and nothing of the series: the two theories
 * meet only in {@code compare}.
 */
package org.gfd.dmft;
