package org.gfd.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.gfd.algebra.Monomial;
import org.gfd.algebra.Polynomial;
import org.gfd.algebra.Rational;
import org.gfd.algebra.Variable;
import org.gfd.error.InputException;
import org.gfd.model.CpModels;
import org.gfd.model.Model;
import org.gfd.model.Target;
import org.gfd.network.WorkBudget;
import org.gfd.series.LossSeriesEngine;
import org.junit.jupiter.api.Test;

/**
 * The meaning of the model language: models written in different ways (defined tensors, the
 * squared-norm shorthand, transposed uses, deltas) give the series of the hand-built CP models,
 * and small models give coefficients derived by hand.
 */
class ModelLanguageTest {
  private static List<Polynomial> series(Model m, int order) {
    return LossSeriesEngine.compute(m, order, WorkBudget.unlimited(), s -> {}).coefficients();
  }

  private static Model parse(String text) {
    return ModelLoader.parse(text, "test.gfd", Map.of());
  }

  @Test
  void matrixFactorizationWrittenWithTheNormShorthandIsAsymmetricCpOfOrderTwo() {
    Model written = parse("""
        model mf
        index p, H
        param U[H, p], V[H, p] ~ N(0, sigma2)
        tensor T[i, j] = U[h, i] V[h, j]
        loss = 1/2 |T[i, j] - delta[i, j]|^2
        """);
    assertEquals(series(CpModels.cp(2, false, Target.IDENTITY), 6), series(written, 6));
  }

  @Test
  void aTransposedUseOfADefinedTensorAgainstASymmetricTargetChangesNothing() {
    Model transposed = parse("""
        model mf
        index p, H
        param U[H, p], V[H, p] ~ N(0, sigma2)
        tensor T[i, j] = U[h, i] V[h, j]
        loss = 1/2 |T[j, i] - delta[i, j]|^2
        """);
    assertEquals(series(CpModels.cp(2, false, Target.IDENTITY), 5), series(transposed, 5));
  }

  @Test
  void symmetricCpOfOrderThreeThroughADefinedTensor() {
    Model written = parse("""
        model sym3
        index p, H
        param U[H, p] ~ N(0, sigma2)
        tensor T[i, j, k] = U[h, i] U[h, j] U[h, k]
        loss = 1/2 |T[i, j, k] - delta[i, j, k]|^2
        """);
    assertEquals(series(CpModels.cp(3, true, Target.IDENTITY), 3), series(written, 3));
  }

  @Test
  void aFamilySumAndAParameterOverride() {
    // sum over m of |U_m|^2 / 2: independent species, each c_0 = p H sigma2 / 2
    Model m = ModelLoader.parse("""
        model norms
        let k = 2
        index p, H
        param U{m}[H, p] ~ N(0, sigma2) for m in 1..k
        loss = 1/2 sum(m in 1..k) (U{m}[h, i] U{m}[h, i])
        """, "test.gfd", Map.of("k", 3));
    assertEquals(3, m.species().size());
    // L = 1/2 sum |U_m|^2: D L = -|grad L|^2 = -2L, so c_s = (-2)^s c_0 with c_0 = 3 p H sigma2 / 2
    Polynomial c0 = Polynomial.term(Rational.of(3, 2), Monomial.of(Map.of(Variable.P, 1, Variable.H, 1, Variable.SIGMA2, 1)));
    List<Polynomial> c = series(m, 3);
    for (int s = 0; s <= 3; s++) {
      assertEquals(c0.multiply(Rational.of(-2).pow(s)), c.get(s), "order " + s);
    }
  }

  @Test
  void linearRegressionOnGaussianDataMatchesTheHandDerivedFirstOrders() {
    // L = 1/2 |w^T X|^2 with X (p x n) data, w trainable: c_0 = E L = n p sigma2 / 2 and
    // c_1 = -E |X X^T w|^2 = -sigma2 E tr((X X^T)^2) = -sigma2 p n (n + p + 1)
    Model m = parse("""
        model regression
        index p, n
        param w[p] ~ N(0, sigma2)
        data X[p, n] ~ N(0, 1)
        loss = 1/2 |w[i] X[i, a]|^2
        """);
    List<Polynomial> c = series(m, 1);
    Monomial pns = Monomial.of(Map.of(Variable.P, 1, Variable.N, 1, Variable.SIGMA2, 1));
    assertEquals(Polynomial.term(Rational.HALF, pns), c.get(0));
    Polynomial nPlusPPlusOne = Polynomial.variable(Variable.N).add(Polynomial.variable(Variable.P)).add(Polynomial.ONE);
    assertEquals(Polynomial.term(Rational.MINUS_ONE, pns).multiply(nPlusPPlusOne), c.get(1));
  }

  @Test
  void anObservableFollowedWhileTrainingOnTheLoss() {
    // e = w - b ~ N(0, 1 + sigma2) per entry, de/dt = -A e with A = X X^T, distance = |e|^2 / 2:
    // D^s distance = (-2)^s e^T A^s e / 2, so c_s = (-2)^s (1 + sigma2) E tr(A^s) / 2 with the real
    // Wishart moments E tr A = p n, E tr A^2 = p n (n + p + 1), E tr A^3 = p n (n^2 + p^2 + 3 n p + 3 n + 3 p + 4)
    Model m = parse("""
        model regression
        index p, n
        param w[p] ~ N(0, sigma2)
        data X[p, n] ~ N(0, 1)
        data b[p] ~ N(0, 1)
        loss = 1/2 |(w[i] - b[i]) X[i, a]|^2
        observable distance = 1/2 |w[i] - b[i]|^2
        """);
    Polynomial p = Polynomial.variable(Variable.P);
    Polynomial n = Polynomial.variable(Variable.N);
    Polynomial one = Polynomial.ONE;
    Polynomial[] traces = {
        p,
        p.multiply(n),
        p.multiply(n).multiply(n.add(p).add(one)),
        p.multiply(n).multiply(n.multiply(n).add(p.multiply(p)).add(n.multiply(p).multiply(Rational.of(3)))
            .add(n.multiply(Rational.of(3))).add(p.multiply(Rational.of(3))).add(Polynomial.constant(Rational.of(4))))};
    Polynomial scale = one.add(Polynomial.variable(Variable.SIGMA2));
    List<Polynomial> c = LossSeriesEngine.compute(m, "distance", 3, List.of(), WorkBudget.unlimited(), s -> {}).coefficients();
    for (int s = 0; s <= 3; s++) {
      assertEquals(traces[s].multiply(scale).multiply(Rational.of(-2).pow(s).multiply(Rational.HALF)), c.get(s), "order " + s);
    }
  }

  @Test
  void oneEngineSharesItsWickMemoAcrossObservables() {
    Model m = ModelLoader.parse("""
        model regression
        index p, n
        param w[p] ~ N(0, sigma2)
        data X[p, n] ~ N(0, 1)
        data b[p] ~ N(0, 1)
        loss = 1/2 |(w[i] - b[i]) X[i, a]|^2
        observable distance = 1/2 |w[i] - b[i]|^2
        """, "test.gfd", Map.of());
    LossSeriesEngine shared = LossSeriesEngine.of(m);
    List<Polynomial> loss = shared.series("loss", 3, List.of(), WorkBudget.unlimited(), s -> {}).coefficients();
    List<Polynomial> distance = shared.series("distance", 3, List.of(), WorkBudget.unlimited(), s -> {}).coefficients();
    LossSeriesEngine alone = LossSeriesEngine.of(m);
    assertEquals(alone.series("distance", 3, List.of(), WorkBudget.unlimited(), s -> {}).coefficients(), distance);
    LossSeriesEngine lossAlone = LossSeriesEngine.of(m);
    assertEquals(lossAlone.series("loss", 3, List.of(), WorkBudget.unlimited(), s -> {}).coefficients(), loss);
    // the second observable met networks the first had already contracted
    assertTrue(shared.memoSize() < alone.memoSize() + lossAlone.memoSize(),
        shared.memoSize() + " vs " + alone.memoSize() + " + " + lossAlone.memoSize());
  }

  @Test
  void anObservableThatTheLossSymmetryMovesIsHalfItsSymmetrization() {
    // asymmetric CP of order 2: exchanging U and V keeps the loss, so E|U(t)|^2 = E|V(t)|^2
    Model m = parse("""
        model mf
        index p, H
        param U[H, p], V[H, p] ~ N(0, sigma2)
        loss = 1/2 |U[h, i] V[h, j] - delta[i, j]|^2
        observable first = U[h, i] U[h, i]
        observable both = U[h, i] U[h, i] + V[h, i] V[h, i]
        """);
    List<Polynomial> first = LossSeriesEngine.compute(m, "first", 4, List.of(), WorkBudget.unlimited(), s -> {}).coefficients();
    List<Polynomial> both = LossSeriesEngine.compute(m, "both", 4, List.of(), WorkBudget.unlimited(), s -> {}).coefficients();
    assertEquals(Polynomial.term(Rational.ONE, Monomial.of(Map.of(Variable.P, 1, Variable.H, 1, Variable.SIGMA2, 1))), first.get(0));
    // by hand: D|U|^2 = -<2U, grad_U L> = -2 (|T|^2 - tr T) with T = U^T V, and E|T|^2 = p^2 H sigma2^2, E tr T = 0
    assertEquals(Polynomial.term(Rational.of(-2), Monomial.of(Map.of(Variable.P, 2, Variable.H, 1, Variable.SIGMA2, 2))), first.get(1));
    for (int s = 0; s <= 4; s++) {
      assertEquals(both.get(s), first.get(s).multiply(Rational.of(2)), "order " + s);
    }
    assertTrue(!first.get(1).isZero());
  }

  @Test
  void theBuiltInsSayWhatTheyAre() {
    for (String name : ModelLoader.BUILT_INS) {
      assertFalse(ModelLoader.summary(name).isEmpty(), name);
    }
    InputException e = assertThrows(InputException.class, () -> ModelLoader.builtIn("cp", Map.of("mu", 2)));
    assertTrue(e.getMessage().contains("no parameter 'mu'"), e.getMessage());
  }

  @Test
  void errorsNameTheirPlace() {
    String head = "model bad\nindex p, H\nparam U[H, p] ~ N(0, sigma2)\n";
    String[][] cases = {
        {"loss = U[h, i] U[h, i]\nloss = U[h, i] U[h, i]\n", "test.gfd:5:1: a second 'loss'"},
        {"loss = 2^-1 U[h, i] U[h, i]\n", "test.gfd:4:10: syntax error"},
        {"loss = 1/2 U[h, h] U[i, i]\n", "test.gfd:4:12: index h is used for a leg of kind H and a leg of kind p"},
        {"loss = U[h, i] U[h, i] / U[h, i]\n", "test.gfd:4:26: one can divide only by"},
        {"param V[H, p] ~ N(1, sigma2)\nloss = V[h, i] V[h, i]\n", "test.gfd:4:19: tensors are centred Gaussians"},
        {"loss = delta[i, j] delta[i, j]\n", "test.gfd:4:8: the kind of an index cannot be inferred"},
        {"loss = |U[h, i]|^3\n", "test.gfd:4:18: only the squared norm"},
        {"const A[a, b, c : p] = [a + b = c mod H]\nloss = U[h, i] U[h, i]\n", "test.gfd:4:39: the equations of A are modulo the size of its legs' kind, p"},
        {"const A[a, b, c : p] = [a + b = d mod p]\nloss = U[h, i] U[h, i]\n", "test.gfd:4:33: unknown index d in an equation of A"},
        {"const A[a, b : p] = [a + 1 = b mod p]\nloss = U[h, i] U[h, i]\n", "test.gfd:4:26: the equations of A are homogeneous"},
        {"const A[a, b : p] = [a - a = 0 mod p]\nloss = U[h, i] U[h, i]\n", "test.gfd:4:22: the equation 'a - a = 0 mod p' of A holds for every index"},
        {"regimes (target = p, size = H)\nloss = U[h, i] U[h, i]\n", "test.gfd:4:22: unknown role size"},
        {"regimes (target = p * q, components = H)\nloss = U[h, i] U[h, i]\n", "test.gfd:4:23: unknown size q"},
        {"regimes (target = p)\nloss = U[h, i] U[h, i]\n", "test.gfd:4:1: regimes needs both roles"},
        {"loss = U[h, i] U[h, i]\nquery \"plot --x\"\n", "test.gfd:5:7: a query starts with a verb that studies a model"},
        {"loss = U[h, i] U[h, i]\nquery \"series\n", "test.gfd:5:7: syntax error"},
        {"let k = 9 in 1..3\nloss = U[h, i] U[h, i]\n", "test.gfd:4:1: parameter k must be between 1 and 3, got 9"},
        {"loss = (U[h, i] U[g, i])^100000\n", "test.gfd:4:8: a power of a tensor expression may be at most"},
        {"tensor A[h, i] = " + String.join(" + ", java.util.Collections.nCopies(10, "U[h, i]")) + "\nloss = (A[h, i] A[h, i])^5\n",
            "test.gfd:5:8: this product expands to more than 100000 terms"}
    };
    for (String[] c : cases) {
      InputException e = assertThrows(InputException.class, () -> parse(head + c[0]), c[0]);
      assertTrue(e.getMessage().startsWith(c[1]), e.getMessage() + "\n  expected: " + c[1]);
    }
  }
}
