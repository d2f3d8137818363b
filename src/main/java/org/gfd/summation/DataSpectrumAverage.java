package org.gfd.summation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gfd.algebra.Monomial;
import org.gfd.algebra.Polynomial;
import org.gfd.algebra.Rational;
import org.gfd.algebra.Variable;
import org.gfd.network.WorkBudget;
import org.matheclipse.core.interfaces.IExpr;

/**
 * Limits that average a flow over the spectrum of the data: {@code F(tau) = Integral s^j G(s tau)
 * dMP_r(s)}, {@code MP_r} the Marchenko-Pastur law of ratio {@code r} and mean 1 (see
 * {@link SpectralAverage}). A linear model trained on {@code n} Gaussian samples in {@code p}
 * dimensions evolves each eigendirection of {@code X X^T / n} on its own, at a speed proportional
 * to its eigenvalue {@code s}; when {@code p} and {@code n} grow together the eigenvalues follow
 * the law of ratio {@code r = p / n}.
 *
 * <p>Term by term, the coefficients are then {@code c_k = M_(k+j)(r) g_k}, with {@code M} the
 * law's moments and {@code g_k} the coefficients of {@code G}, free of {@code r}. The strategy
 * tries each ray constant {@code x} of the (symbolic) coefficients as {@code r = x} and
 * {@code r = 1/x}, and each weight {@code j = 0..}{@value #MAX_WEIGHT}: {@code g_k} is the part of
 * {@code c_k} free of {@code x} ({@code M_i} has constant term 1), and the factorization must hold
 * exactly on every order seen, with {@code x} present in some order. Then {@code G} is summed by
 * the strategies that sum plain series, from {@code g} with the constants' values, and the
 * proposal is the average with kernel {@code K(s, tau) = s^j G(s tau)}.
 */
final class DataSpectrumAverage implements Strategy {
  /** The highest power of {@code s} in front of the kernel. */
  static final int MAX_WEIGHT = 2;

  @Override
  public String name() {
    return "average over the data spectrum";
  }

  @Override
  public Proposal propose(List<Polynomial> c, List<Polynomial> general, Map<Variable, Rational> values, Symja symja,
      WorkBudget budget) {
    List<String> account = new ArrayList<>();
    for (Variable x : MarchenkoPastur.constants(general)) {
      for (int sign : new int[] {-1, 1}) {
        Monomial r = Monomial.of(x, sign);
        for (int weight = 0; weight <= MAX_WEIGHT; weight++) {
          budget.checkNow();
          Optional<List<Polynomial>> g = kernelCoefficients(general, r, x, weight);
          if (g.isEmpty()) {
            continue;
          }
          String law = "r = " + MarchenkoPastur.inputForm(r) + ", weight s^" + weight;
          List<Polynomial> gValues = g.get().stream().map(p -> p.substitute(values)).toList();
          List<String> gForms = gValues.stream().map(Summation::inputForm).toList();
          for (Strategy strategy : Summation.plainStrategies()) {
            Proposal k = strategy.propose(gValues, g.get(), values, symja, budget);
            if (k.closedForm().isEmpty() || Certificate.firstMismatch(k.closedForm().get(), gForms, symja, budget).isPresent()) {
              continue;
            }
            String kernelG = k.closedForm().get();
            String scaled = symja.eval("(" + kernelG + ") /. tau -> s*tau", budget).map(IExpr::toString).orElse("");
            if (scaled.isEmpty()) {
              continue;
            }
            String kernel = weight == 0 ? scaled : "s^" + weight + "*(" + scaled + ")";
            SpectralAverage form = new SpectralAverage(MarchenkoPastur.inputForm(r), "1", MarchenkoPastur.value(r, values),
                Optional.of(Rational.ONE), kernel, (weight == 0 ? "" : weight == 1 ? "s " : "s^" + weight + " ")
                    + "G(s tau), G(tau) = " + kernelG, strategy.name());
            account.add("coefficients are moments of the Marchenko-Pastur law times a kernel's (" + law + "); G summed by the "
                + strategy.name() + " strategy: " + k.account());
            return Proposal.spectral(form, String.join("; ", account));
          }
          account.add("coefficients are moments of the Marchenko-Pastur law times a kernel's (" + law
              + "), but no strategy sums the kernel");
        }
      }
    }
    if (account.isEmpty()) {
      account.add("no constant enters as the ratio of a Marchenko-Pastur law (each constant and its inverse tried, weights s^0..s^"
          + MAX_WEIGHT + ")");
    }
    return Proposal.none(String.join("; ", account));
  }

  /**
   * The kernel coefficients {@code g_k} with {@code c_k = M_(k+weight)(r) g_k} exactly for every
   * {@code k}, {@code g_k} free of {@code x}, the constant of {@code r}; empty when there are none,
   * or when no {@code c_k} depends on {@code x} (then the law says nothing).
   */
  static Optional<List<Polynomial>> kernelCoefficients(List<Polynomial> c, Monomial r, Variable x, int weight) {
    List<Polynomial> g = new ArrayList<>();
    boolean depends = false;
    for (int k = 0; k < c.size(); k++) {
      Polynomial ck = c.get(k);
      Polynomial.Builder free = new Polynomial.Builder();
      ck.terms().forEach((m, q) -> {
        if (m.exponent(x) == 0) {
          free.add(q, m);
        }
      });
      Polynomial gk = free.build();
      depends |= !gk.equals(ck);
      if (!MarchenkoPastur.moment(k + weight, r, Monomial.ONE).multiply(gk).equals(ck)) {
        return Optional.empty();
      }
      g.add(gk);
    }
    return depends ? Optional.of(g) : Optional.empty();
  }
}
