package org.gfd.summation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gfd.algebra.Monomial;
import org.gfd.algebra.Polynomial;
import org.gfd.algebra.Rational;
import org.gfd.algebra.Variable;
import org.gfd.network.WorkBudget;
import org.junit.jupiter.api.Test;

/**
 * The strategy of independent units on series whose answer is known: a flow's series recovered
 * from a potential it was not told, in symbolic constants; an observable's polynomial read along
 * a flow it is given; series of other kinds refused; and a certificate that fails when one held-out
 * coefficient changes. That the flow's series equals the engine's limit on the autoencoder's
 * narrow-latent face, and its values an oracle's, is {@code org.gfd.numeric.UnitFlowsTest}.
 */
class IndependentUnitsTest {
  private static final Variable K = Variable.of("h");
  private static final Variable SIGMA = Variable.of("v");
  private static final Variable X = Variable.of("m");
  private static final Variable R = UnitFlow.R;
  private static final Variable A = UnitFlow.A;

  private static Polynomial poly(Object... termsAsCoefficientThenR_A) {
    Polynomial.Builder b = new Polynomial.Builder();
    for (int i = 0; i < termsAsCoefficientThenR_A.length; i += 3) {
      b.add((Rational) termsAsCoefficientThenR_A[i],
          Monomial.of(R, (Integer) termsAsCoefficientThenR_A[i + 1]).multiply(Monomial.of(A, (Integer) termsAsCoefficientThenR_A[i + 2])));
    }
    return b.build();
  }

  /** A potential unlike the autoencoder's: both moments at degree 1 and every monomial of degree 2. */
  private static final Polynomial PHI = poly(Rational.of(1, 2), 1, 0, Rational.of(-1), 0, 1, Rational.of(1, 3), 2, 0,
      Rational.of(1, 4), 1, 1, Rational.of(1, 5), 0, 2);

  private static UnitFlow flow(Polynomial phi, Polynomial psi) {
    return new UnitFlow(Monomial.of(K, 1), Monomial.of(SIGMA, 1), Monomial.of(X, -1), phi, psi, Polynomial.ZERO, Map.of());
  }

  private static Proposal propose(Strategy s, List<Polynomial> c) {
    return s.propose(c, c, Map.of(), Symja.get(), WorkBudget.unlimited());
  }

  @Test
  void aPotentialIsRecoveredFromItsFlowsSeries() {
    List<Polynomial> c = flow(PHI, PHI).series(7);
    Proposal p = propose(new IndependentUnits(), c.subList(0, 5));
    UnitFlow found = p.units().orElseThrow(() -> new AssertionError(p.account()));
    assertEquals(PHI, found.potential());
    assertEquals(PHI, found.observed());
    assertEquals(Monomial.of(X, -1), found.ratio());
    assertEquals(Monomial.of(K, 1), found.multiplicity());
    assertEquals(Optional.empty(), Certificate.firstUnitsMismatch(found, c), "the held-out orders too");
  }

  @Test
  void anObservablesPolynomialIsReadAlongTheLossesFlow() {
    Polynomial psi = poly(Rational.of(-1), 1, 0, Rational.of(3), 0, 1, Rational.of(1, 2), 2, 0);
    List<Polynomial> loss = flow(PHI, PHI).series(6);
    List<Polynomial> observed = flow(PHI, psi).series(6);
    Proposal p = propose(new IndependentUnits().following(loss), observed);
    UnitFlow found = p.units().orElseThrow(() -> new AssertionError(p.account()));
    assertEquals(PHI, found.potential());
    assertEquals(psi, found.observed());
  }

  @Test
  void anExponentialIsNoFlowOfUnits() {
    // F = h v (e^(-4 tau / m) - 1): one direction, no law, no nonlinearity to read
    List<Polynomial> c = new ArrayList<>();
    for (int s = 0; s < 6; s++) {
      c.add(s == 0 ? Polynomial.ZERO
          : Polynomial.term(Rational.of(-4).pow(s), Monomial.of(K, 1).multiply(Monomial.of(SIGMA, 1)).multiply(Monomial.of(X, -s))));
    }
    Proposal p = propose(new IndependentUnits(), c);
    assertTrue(p.units().isEmpty(), p.account());
  }

  @Test
  void theCertificateFailsAtAChangedHeldOutOrder() {
    List<Polynomial> c = new ArrayList<>(flow(PHI, PHI).series(7));
    c.set(6, c.get(6).add(Polynomial.term(Rational.of(1, 1000), Monomial.of(K, 1).multiply(Monomial.of(SIGMA, 3)))));
    UnitFlow found = propose(new IndependentUnits(), c.subList(0, 5)).units().orElseThrow();
    assertEquals(Optional.of(6), Certificate.firstUnitsMismatch(found, c));
  }
}
