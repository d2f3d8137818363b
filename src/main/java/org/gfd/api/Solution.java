package org.gfd.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gfd.algebra.Polynomial;
import org.gfd.algebra.Rational;
import org.gfd.scaling.Verification;
import org.gfd.summation.SummationResult;

/**
 * What {@link Gfd#solve} found: the ray's verification, the limit coefficients that were summed
 * (with the constants of {@code set} substituted, in the order given) and the summation's outcome.
 */
public record Solution(Verification verification, Map<String, Rational> set, List<Polynomial> coefficients,
    SummationResult summation) {
  public Solution {
    set = Collections.unmodifiableMap(new LinkedHashMap<>(set));
    coefficients = List.copyOf(coefficients);
  }
}
