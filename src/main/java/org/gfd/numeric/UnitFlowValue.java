package org.gfd.numeric;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.gfd.algebra.Monomial;
import org.gfd.algebra.Polynomial;
import org.gfd.algebra.Rational;
import org.gfd.network.WorkBudget;
import org.gfd.summation.UnitFlow;
import org.hipparchus.exception.MathRuntimeException;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;

/**
 * The values of a flow of independent units ({@link UnitFlow}) at given {@code tau}: its two
 * equations for {@code alpha} and {@code beta} integrated by Hipparchus's Dormand-Prince 8(5,3) in
 * double precision, with the law's moment generating function {@code M(u)} and its derivative
 * from the trapezoid rule in the angle (as {@link org.gfd.summation.SpectralValue} does: {@code s = 1 + r + 2 sqrt(r)
 * cos(theta)}, weights {@code (2 / n) sin(theta)^2 / s}, plus the mass {@code 1 - 1/r} at 0 when
 * {@code r > 1}), summed with the largest exponent taken out so that neither overflows.
 *
 * <p>Each value is computed twice, with a coarse setting ({@value #COARSE_NODES} nodes, tolerance
 * {@value #COARSE_TOLERANCE}) and a fine one ({@value #FINE_NODES} nodes, tolerance
 * {@value #FINE_TOLERANCE}); the fine value is kept and the difference, plus the round-off of
 * doubles, is its error estimate. So at most about 13 significant digits: a caller asking for more
 * gets the digits the estimate leaves.
 */
public final class UnitFlowValue {
  static final int COARSE_NODES = 64;
  static final double COARSE_TOLERANCE = 1e-10;
  static final int FINE_NODES = 256;
  static final double FINE_TOLERANCE = 1e-14;

  private UnitFlowValue() {}

  /** A value with an estimate of its error. */
  public record Estimate(double value, double error) {}

  /**
   * {@code F} at each of {@code taus}, or empty when a constant of the form has no value, a
   * {@code tau} is negative, or the flow stops being finite before the last of them.
   *
   * @throws org.gfd.error.StoppedException when the budget ran out
   */
  public static Optional<List<Estimate>> at(UnitFlow form, List<Rational> taus, WorkBudget budget) {
    Optional<Rational> k = form.value(form.multiplicity());
    Optional<Rational> sigma = form.value(form.scale());
    Optional<Rational> r = form.value(form.ratio());
    Polynomial offset = form.offset().substitute(form.values());
    if (k.isEmpty() || sigma.isEmpty() || r.isEmpty() || r.get().signum() <= 0
        || !offset.terms().keySet().stream().allMatch(Monomial::isOne) || taus.stream().anyMatch(t -> t.signum() < 0)) {
      return Optional.empty();
    }
    Flow coarse = new Flow(form, sigma.get().doubleValue(), r.get().doubleValue(), COARSE_NODES);
    Flow fine = new Flow(form, sigma.get().doubleValue(), r.get().doubleValue(), FINE_NODES);
    Optional<double[]> low = coarse.observed(taus, COARSE_TOLERANCE, budget);
    Optional<double[]> high = fine.observed(taus, FINE_TOLERANCE, budget);
    if (low.isEmpty() || high.isEmpty()) {
      return Optional.empty();
    }
    double c0 = offset.coefficient(Monomial.ONE).doubleValue();
    double units = k.get().doubleValue();
    List<Estimate> out = new ArrayList<>();
    for (int i = 0; i < taus.size(); i++) {
      double value = c0 + units * high.get()[i];
      double error = Math.abs(units * (high.get()[i] - low.get()[i])) + 1e-15 * (Math.abs(value) + Math.abs(c0));
      out.add(new Estimate(value, error));
    }
    return Optional.of(out);
  }

  /** The flow at numbers: one quadrature rule for {@code M}, the potential's derivatives and the observed polynomial. */
  private static final class Flow implements OrdinaryDifferentialEquation {
    private final double sigma;
    private final double[] nodes;
    private final double[] weights;
    private final double atom;
    private final double top;
    private final Polynomial phiR;
    private final Polynomial phiA;
    private final Polynomial psi;

    Flow(UnitFlow form, double sigma, double r, int n) {
      this.sigma = sigma;
      nodes = new double[n - 1];
      weights = new double[n - 1];
      for (int j = 1; j < n; j++) {
        double theta = Math.PI * j / n;
        double sin = Math.sin(theta);
        nodes[j - 1] = 1 + r + 2 * Math.sqrt(r) * Math.cos(theta);
        weights[j - 1] = 2.0 / n * sin * sin / nodes[j - 1];
      }
      atom = r > 1 ? 1 - 1 / r : 0;
      top = (1 + Math.sqrt(r)) * (1 + Math.sqrt(r));
      phiR = UnitFlow.derivative(form.potential(), UnitFlow.R).substitute(form.values());
      phiA = UnitFlow.derivative(form.potential(), UnitFlow.A).substitute(form.values());
      psi = form.observed().substitute(form.values());
    }

    /** {@code log E[s^i e^(u s)]} for {@code i = 0, 1}. */
    private double[] logMoments(double u) {
      double shift = Math.max(0, u) * top;
      double m0 = atom * Math.exp(-shift);
      double m1 = 0;
      for (int j = 0; j < nodes.length; j++) {
        double e = weights[j] * Math.exp(u * nodes[j] - shift);
        m0 += e;
        m1 += e * nodes[j];
      }
      return new double[] {shift + Math.log(m0), shift + Math.log(m1)};
    }

    /** {@code (R, A)} at {@code (alpha, beta)}. */
    private double[] moments(double alpha, double beta) {
      double[] log = logMoments(2 * alpha);
      return new double[] {sigma * Math.exp(2 * beta + log[0]), sigma * Math.exp(2 * beta + log[1])};
    }

    @Override
    public int getDimension() {
      return 2;
    }

    @Override
    public double[] computeDerivatives(double t, double[] y) {
      double[] ra = moments(y[0], y[1]);
      return new double[] {-2 * value(phiA, ra), -2 * value(phiR, ra)};
    }

    /** {@code psi(tau) - psi(0)} at each of {@code taus}, or empty when the flow stops being finite. */
    Optional<double[]> observed(List<Rational> taus, double tolerance, WorkBudget budget) {
      TreeMap<Double, List<Integer>> order = new TreeMap<>();
      for (int i = 0; i < taus.size(); i++) {
        order.computeIfAbsent(taus.get(i).doubleValue(), x -> new ArrayList<>()).add(i);
      }
      double start = value(psi, moments(0, 0));
      double[] out = new double[taus.size()];
      DormandPrince853Integrator integrator = new DormandPrince853Integrator(1e-12, 1e3, tolerance, tolerance);
      ODEState state = new ODEState(0, new double[] {0, 0});
      try {
        for (Map.Entry<Double, List<Integer>> e : order.entrySet()) {
          budget.checkNow();
          if (e.getKey() > state.getTime()) {
            ODEStateAndDerivative next = integrator.integrate(this, state, e.getKey());
            state = new ODEState(next.getTime(), next.getPrimaryState());
          }
          double v = value(psi, moments(state.getPrimaryState()[0], state.getPrimaryState()[1])) - start;
          if (!Double.isFinite(v)) {
            return Optional.empty();
          }
          for (int i : e.getValue()) {
            out[i] = v;
          }
        }
      } catch (MathRuntimeException ex) {
        return Optional.empty();
      }
      return Optional.of(out);
    }

    private static double value(Polynomial q, double[] ra) {
      double sum = 0;
      for (Map.Entry<Monomial, Rational> t : q.terms().entrySet()) {
        sum += t.getValue().doubleValue() * Math.pow(ra[0], t.getKey().exponent(UnitFlow.R))
            * Math.pow(ra[1], t.getKey().exponent(UnitFlow.A));
      }
      return sum;
    }
  }
}
