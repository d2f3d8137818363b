/**
 * Stage 0: exact arithmetic. Rationals of arbitrary size, monomials in named variables and
 * polynomials with rational coefficients. No dependencies; no floating point.
 */
package org.gfd.algebra;
