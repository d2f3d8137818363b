package org.gfd.series;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.gfd.algebra.Monomial;
import org.gfd.algebra.Polynomial;
import org.gfd.algebra.Rational;
import org.gfd.algebra.Variable;
import org.gfd.bruteforce.BruteForceLossSeries;
import org.gfd.model.CpModels;
import org.gfd.model.Target;
import org.gfd.network.WorkBudget;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The engine's symbolic c_0..c_3, evaluated at every (p, H) with at most 8 parameter entries,
 * against the brute-force oracle (explicit polynomial, literal D, Gaussian moments), written
 * separately from the engine.
 */
class BruteForceAgreementTest {
  private static final int MAX_ENTRIES = 8;
  private static final int MAX_ORDER = 3;

  static Stream<Arguments> models() {
    return Stream.of(
        Arguments.of(false, 2, true), Arguments.of(false, 3, true),
        Arguments.of(true, 2, true), Arguments.of(true, 3, true),
        Arguments.of(false, 2, false), Arguments.of(true, 3, false));
  }

  @ParameterizedTest(name = "symmetric={0} nu={1} identity={2}")
  @MethodSource("models")
  void engineAgreesWithBruteForceOnAllSmallSizes(boolean symmetric, int nu, boolean identity) {
    LossSeries series = LossSeriesEngine.compute(
        CpModels.cp(nu, symmetric, identity ? Target.IDENTITY : Target.ZERO), MAX_ORDER,
        WorkBudget.unlimited(), s -> {});
    assertTrue(series.isComplete());
    int cases = 0;
    for (int p = 1; p <= MAX_ENTRIES; p++) {
      for (int h = 1; h <= MAX_ENTRIES; h++) {
        int entries = (symmetric ? 1 : nu) * p * h;
        if (entries > MAX_ENTRIES) {
          continue;
        }
        List<SortedMap<Integer, String>> expected =
            BruteForceLossSeries.coefficients(symmetric, nu, identity, p, h, MAX_ORDER);
        List<SortedMap<Integer, String>> actual = new ArrayList<>();
        for (int s = 0; s <= MAX_ORDER; s++) {
          actual.add(bySigmaPower(series.coefficient(s).substitute(
              Map.of(Variable.P, Rational.of(p), Variable.H, Rational.of(h)))));
        }
        assertEquals(expected, actual, "p=" + p + " H=" + h);
        cases++;
      }
    }
    assertTrue(cases >= 3, "too few sizes compared: " + cases);
  }

  /** A polynomial in sigma2 alone as exponent to "a/b", the oracle's format. */
  private static SortedMap<Integer, String> bySigmaPower(Polynomial poly) {
    SortedMap<Integer, String> out = new TreeMap<>();
    for (Map.Entry<Monomial, Rational> t : poly.terms().entrySet()) {
      Monomial m = t.getKey();
      int k = m.exponent(Variable.SIGMA2);
      assertEquals(Monomial.of(Variable.SIGMA2, k), m, "only sigma2 should remain");
      out.put(k, t.getValue().toString());
    }
    return out;
  }
}
