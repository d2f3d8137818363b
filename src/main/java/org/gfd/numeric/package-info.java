/**
 * Numbers from limit series: a certified closed form evaluated at a requested precision, or the
 * series itself, truncated or as a Padé approximant past its radius of convergence, each value
 * with an error estimate. Arbitrary precision is Apfloat's; exact linear algebra over the
 * rationals is Hipparchus's.
 */
package org.gfd.numeric;
