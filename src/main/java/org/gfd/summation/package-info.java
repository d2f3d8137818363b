/**
 * Closed forms of limit series: strategies propose a closed form from the coefficients they may
 * see, one certificate check (the closed form's own Taylor expansion against every computed
 * coefficient, held-out orders included) disposes. Symbolic work is Symja's, with gfd's
 * definitions loaded from the {@code rules/} files.
 */
package org.gfd.summation;
