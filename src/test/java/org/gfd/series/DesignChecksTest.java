package org.gfd.series;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.gfd.algebra.Polynomial;
import org.gfd.algebra.Rational;
import org.gfd.algebra.Variable;
import org.gfd.model.CpModels;
import org.gfd.model.Target;
import org.gfd.network.WorkBudget;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The checks of DESIGN section 2, derived by hand there, for asymmetric CP with identity target. */
class DesignChecksTest {
  private static final Polynomial P = Polynomial.variable(Variable.P);
  private static final Polynomial H = Polynomial.variable(Variable.H);
  private static final Polynomial S = Polynomial.variable(Variable.SIGMA2);

  private static LossSeries series(int nu, int order) {
    LossSeries series = LossSeriesEngine.compute(CpModels.cp(nu, false, Target.IDENTITY), order,
        WorkBudget.unlimited(), s -> {});
    assertTrue(series.isComplete());
    return series;
  }

  private static Polynomial c(long n, long d) {
    return Polynomial.constant(Rational.of(n, d));
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 3, 4})
  void zerothAndFirstCoefficientsMatchTheClosedForms(int nu) {
    LossSeries series = series(nu, 1);
    // c_0 = 1/2 (H p^nu sigma2^nu + p)
    Polynomial c0 = c(1, 2).multiply(H.multiply(P.pow(nu)).multiply(S.pow(nu)).add(P));
    assertEquals(c0, series.coefficient(0));
    // c_1 = -nu [ H p sigma2^(2nu-1) ((p(p+2))^(nu-1) + (H-1) p^(nu-1)) + H p sigma2^(nu-1) ]
    Polynomial inner = P.multiply(P.add(c(2, 1))).pow(nu - 1)
        .add(H.subtract(c(1, 1)).multiply(P.pow(nu - 1)));
    Polynomial c1 = H.multiply(P).multiply(S.pow(2 * nu - 1)).multiply(inner)
        .add(H.multiply(P).multiply(S.pow(nu - 1)))
        .multiply(Rational.of(-nu));
    assertEquals(c1, series.coefficient(1));
  }

  @org.junit.jupiter.api.Test
  void scalarCaseOfOrderTwoMatchesTheDesignThroughOrderThree() {
    LossSeries series = series(2, 3);
    Map<Variable, Rational> scalar = Map.of(Variable.P, Rational.ONE, Variable.H, Rational.ONE);
    List<Polynomial> expected = List.of(
        c(1, 2).add(c(1, 2).multiply(S.pow(2))),
        c(-2, 1).multiply(S).subtract(c(6, 1).multiply(S.pow(3))),
        c(28, 1).multiply(S.pow(2)).add(c(132, 1).multiply(S.pow(4))),
        c(-8, 1).multiply(S).subtract(c(840, 1).multiply(S.pow(3)))
            .subtract(c(4800, 1).multiply(S.pow(5))));
    for (int s = 0; s <= 3; s++) {
      assertEquals(expected.get(s), series.coefficient(s).substitute(scalar), "c_" + s);
    }
  }
}
