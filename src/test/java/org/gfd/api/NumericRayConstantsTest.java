package org.gfd.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gfd.algebra.Rational;
import org.gfd.algebra.Variable;
import org.gfd.lang.ModelLoader;
import org.gfd.model.Model;
import org.gfd.network.WorkBudget;
import org.gfd.scaling.Ray;
import org.gfd.summation.Summation;
import org.junit.jupiter.api.Test;

/**
 * Numbers written in a ray ({@code H=1/2*p, sigma2=1*p^(-1)}) are values of its constants: the
 * summation sees the constants symbolic, as with {@code --set}, and finds the same certified closed
 * form (on the mean-field ray of symmetric CP of order 2, which needs 31 orders).
 */
class NumericRayConstantsTest {
  @Test
  void numbersInTheRayGiveTheSameClosedFormAsSet() {
    Model model = ModelLoader.builtIn("cp-symmetric", Map.of("nu", 2));
    Map<Variable, Rational> exponents = Map.of(Variable.H, Rational.ONE, Variable.SIGMA2, Rational.MINUS_ONE);
    Ray numeric = new Ray(exponents, Map.of(Variable.H, Rational.HALF, Variable.SIGMA2, Rational.ONE), Optional.empty(),
        Optional.empty());
    Ray symbolic = new Ray(exponents, Map.of(), Optional.empty(), Optional.empty());
    var strategies = List.copyOf(Summation.strategies().values());
    Solution a = Gfd.solve(model, Model.LOSS, numeric, 30, Map.of(), strategies, WorkBudget.unlimited(), s -> {});
    Solution b = Gfd.solve(model, Model.LOSS, symbolic, 30, Map.of("h", Rational.HALF, "v", Rational.ONE), strategies,
        WorkBudget.unlimited(), s -> {});
    assertTrue(a.summation().closedForm().isPresent(), "a closed form from the numbers in the ray");
    assertEquals(b.summation().closedForm().get().inputForm(), a.summation().closedForm().get().inputForm());
    assertEquals(b.set(), a.set());
  }
}
