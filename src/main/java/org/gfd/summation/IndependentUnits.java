package org.gfd.summation;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.gfd.algebra.Monomial;
import org.gfd.algebra.Polynomial;
import org.gfd.algebra.Rational;
import org.gfd.algebra.Variable;
import org.gfd.network.WorkBudget;

/**
 * Limits in which units evolve independently ({@link UnitFlow}): {@code k} units, each the
 * gradient flow of a potential {@code phi(R, A)} in its squared norm and its quadratic form in a
 * data covariance with the Marchenko-Pastur spectrum of ratio {@code r}, from a total weight
 * {@code sigma}. On a loss's own series the observed quantity is the potential; on an
 * observable's, the potential is read from the loss's series ({@link #following}) and the
 * observed polynomial is solved for.
 *
 * <p>How the potential is found, exactly: the strategy tries each constant as {@code sigma}, each
 * other constant and its inverse as {@code r}, and each product of the remaining ones to the
 * powers -1, 0, 1 as {@code k}, every constant used. The coefficients divided by {@code k} must be
 * polynomials in {@code sigma} and {@code r} alone. Their part linear in {@code sigma} is the
 * flow linearized about {@code w = 0}, where each direction decays at the rate {@code 4 lambda(s)},
 * {@code lambda(s) = phi_(1,0) + phi_(0,1) s}: {@code c_1 = -4 k sigma E[lambda(s)^2]}, so
 * {@code lambda^2} is solved for by the law's moments and its square root taken exactly (the sign
 * from {@code c_2 = 16 k sigma E[lambda^3]}). The part of degree {@code d} in {@code sigma} is then
 * affine in the coefficients of degree {@code d} of {@code phi} (they first act at that order of
 * the amplitude), which are solved for by exact elimination over every order seen, for {@code d
 * = 2..}{@value #MAX_DEGREE}, until the flow reproduces every order seen. The answer is certified
 * like any proposal: its exact Taylor series ({@link UnitFlow#series}) against every order,
 * held-out ones included.
 */
final class IndependentUnits implements Strategy {
  /** The highest degree of the potential and of the observed polynomial in {@code (R, A)}. */
  static final int MAX_DEGREE = 3;
  /** The variable that stacks the equations of several orders into one polynomial. */
  private static final Variable ORDER = Variable.of("gfd_order");

  /** The loss's limit coefficients (symbolic) when this strategy sums an observable's; empty for the loss itself. */
  private final Optional<List<Polynomial>> loss;

  IndependentUnits() {
    this(Optional.empty());
  }

  private IndependentUnits(Optional<List<Polynomial>> loss) {
    this.loss = loss;
  }

  @Override
  public String name() {
    return "independent units";
  }

  @Override
  public Strategy following(List<Polynomial> lossCoefficients) {
    return new IndependentUnits(Optional.of(List.copyOf(lossCoefficients)));
  }

  @Override
  public Proposal propose(List<Polynomial> c, List<Polynomial> general, Map<Variable, Rational> values, Symja symja,
      WorkBudget budget) {
    List<Polynomial> driver = loss.orElse(general);
    TreeSet<Variable> constants = MarchenkoPastur.constants(driver);
    constants.addAll(MarchenkoPastur.constants(general));
    if (constants.size() < 2 || driver.size() < 3) {
      return Proposal.none("needs two constants (a weight and a law's ratio) and three orders");
    }
    List<String> account = new ArrayList<>();
    for (Variable sigma : constants) {
      for (Variable x : constants) {
        if (x.equals(sigma)) {
          continue;
        }
        for (int sign : new int[] {-1, 1}) {
          Monomial r = Monomial.of(x, sign);
          List<Variable> rest = constants.stream().filter(y -> !y.equals(sigma) && !y.equals(x)).toList();
          for (Monomial k : multiplicities(rest)) {
            budget.checkNow();
            Optional<Polynomial> phi = potential(driver, k, sigma, r, budget);
            if (phi.isEmpty()) {
              continue;
            }
            String setting = "k = " + MarchenkoPastur.inputForm(k) + ", weight " + sigma.name() + ", r = "
                + MarchenkoPastur.inputForm(r);
            Polynomial psi = phi.get();
            if (loss.isPresent()) {
              Optional<Polynomial> observed = observed(general, phi.get(), k, sigma, r);
              if (observed.isEmpty()) {
                account.add("the loss is a flow of independent units (" + setting + ", phi = " + phi.get()
                    + "), but the observable is no polynomial of degree at most " + MAX_DEGREE + " in R and A along it");
                continue;
              }
              psi = observed.get();
            }
            UnitFlow form = new UnitFlow(k, Monomial.of(sigma, 1), r, phi.get(), psi, general.get(0), values);
            account.add("units evolve independently (" + setting + "): phi = " + phi.get() + ", psi = " + psi);
            return Proposal.units(form, String.join("; ", account));
          }
        }
      }
    }
    if (account.isEmpty()) {
      account.add("no flow of independent units in a Marchenko-Pastur spectrum (weight, ratio and number of units each a constant "
          + "or a product of constants; potentials of degree at most " + MAX_DEGREE + " in R and A) gives these coefficients");
    }
    return Proposal.none(String.join("; ", account));
  }

  /** The products of {@code ys} to the powers -1, 0 and 1 that use every one of them. */
  private static List<Monomial> multiplicities(List<Variable> ys) {
    List<Monomial> out = new ArrayList<>(List.of(Monomial.ONE));
    for (Variable y : ys) {
      List<Monomial> next = new ArrayList<>();
      for (Monomial m : out) {
        next.add(m.multiply(Monomial.of(y, 1)));
        next.add(m.multiply(Monomial.of(y, -1)));
      }
      out = next;
    }
    return out;
  }

  /**
   * The potential whose flow gives {@code c} (orders 1 and up divided by {@code k}, as polynomials
   * in {@code sigma} and {@code r}), or empty.
   */
  static Optional<Polynomial> potential(List<Polynomial> c, Monomial k, Variable sigma, Monomial r, WorkBudget budget) {
    Optional<List<Polynomial>> perUnit = perUnit(c, k, sigma, r);
    if (perUnit.isEmpty()) {
      return Optional.empty();
    }
    List<Polynomial> target = perUnit.get();
    // degree 1: c_s / (k sigma) = (-4)^s E[lambda(s)^(s+1)], lambda = a + b s; with the law's mean 1,
    // E[lambda^2] = (a + b)^2 + b^2 r
    Polynomial first = part(target.get(1), sigma, 1);
    Rational quarter = Rational.of(-1, 4);
    Optional<Rational> u = sqrt(first.coefficient(Monomial.ONE).multiply(quarter));
    Optional<Rational> b = sqrt(first.coefficient(r).multiply(quarter));
    if (u.isEmpty() || b.isEmpty() || first.terms().keySet().stream().anyMatch(m -> !m.isOne() && !m.equals(r))) {
      return Optional.empty();
    }
    for (int signU : new int[] {1, -1}) {
      for (int signB : new int[] {1, -1}) {
        Rational lb = b.get().multiply(Rational.of(signB));
        Rational la = u.get().multiply(Rational.of(signU)).subtract(lb);
        if (!part(target.get(1), sigma, 1).equals(linearOrder(la, lb, r, 1))
            || !part(target.get(2), sigma, 1).equals(linearOrder(la, lb, r, 2))) {
          continue;
        }
        Polynomial phi = Polynomial.term(la, Monomial.of(UnitFlow.R, 1)).add(Polynomial.term(lb, Monomial.of(UnitFlow.A, 1)));
        Optional<Polynomial> full = higher(target, phi, sigma, r, budget);
        if (full.isPresent()) {
          return full;
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The potential's parts of degree 2.. {@value #MAX_DEGREE}, solved for degree by degree from the
   * parts of the same degree in {@code sigma}, until the flow gives every order of {@code target}.
   */
  private static Optional<Polynomial> higher(List<Polynomial> target, Polynomial linear, Variable sigma, Monomial r,
      WorkBudget budget) {
    Polynomial phi = linear;
    for (int d = 2; ; d++) {
      budget.checkNow();
      List<Polynomial> base = perUnitSeries(phi, phi, sigma, r, target.size());
      if (base.equals(target)) {
        return Optional.of(phi);
      }
      if (d > MAX_DEGREE) {
        return Optional.empty();
      }
      List<Monomial> unknowns = monomials(d);
      List<Polynomial> cols = new ArrayList<>();
      for (Monomial u : unknowns) {
        Polynomial trial = phi.add(Polynomial.term(Rational.ONE, u));
        cols.add(stacked(perUnitSeries(trial, trial, sigma, r, target.size()), base, sigma, d));
      }
      Polynomial rhs = stacked(target, base, sigma, d);
      Optional<List<Rational>> x = InitialSpectrumAverage.solve(cols, rhs);
      if (x.isEmpty()) {
        return Optional.empty();
      }
      for (int i = 0; i < unknowns.size(); i++) {
        phi = phi.add(Polynomial.term(x.get().get(i), unknowns.get(i)));
      }
    }
  }

  /**
   * The observed polynomial {@code psi} (degree 1.. {@value #MAX_DEGREE} in {@code R} and {@code A})
   * with {@code c = c_0 + k (psi(tau) - psi(0))} along the flow of {@code phi}: linear in its
   * coefficients, solved by exact elimination; empty when there is no such polynomial or several.
   */
  static Optional<Polynomial> observed(List<Polynomial> c, Polynomial phi, Monomial k, Variable sigma, Monomial r) {
    Optional<List<Polynomial>> perUnit = perUnit(c, k, sigma, r);
    if (perUnit.isEmpty()) {
      return Optional.empty();
    }
    List<Polynomial> zero = TauSeries.constant(Polynomial.ZERO, c.size());
    Polynomial rhs = stacked(perUnit.get(), zero, sigma, -1);
    List<Monomial> unknowns = new ArrayList<>();
    List<Polynomial> cols = new ArrayList<>();
    for (int d = 1; d <= MAX_DEGREE; d++) {
      for (Monomial u : monomials(d)) {
        unknowns.add(u);
        cols.add(stacked(perUnitSeries(phi, Polynomial.term(Rational.ONE, u), sigma, r, c.size()), zero, sigma, -1));
      }
      // the lowest degree that fits
      Optional<List<Rational>> x = InitialSpectrumAverage.solve(cols, rhs);
      if (x.isPresent()) {
        Polynomial.Builder psi = new Polynomial.Builder();
        for (int i = 0; i < unknowns.size(); i++) {
          psi.add(x.get().get(i), unknowns.get(i));
        }
        return Optional.of(psi.build());
      }
    }
    return Optional.empty();
  }

  /** Orders 1.. of {@code c} divided by {@code k}, when they are polynomials in {@code sigma} and {@code r}'s constant alone (order 0 set to zero). */
  private static Optional<List<Polynomial>> perUnit(List<Polynomial> c, Monomial k, Variable sigma, Monomial r) {
    Variable x = r.powers().keySet().iterator().next();
    Monomial inverse = k.pow(-1);
    List<Polynomial> out = new ArrayList<>(List.of(Polynomial.ZERO));
    for (int s = 1; s < c.size(); s++) {
      Polynomial q = c.get(s).multiply(Rational.ONE, inverse);
      for (Monomial m : q.terms().keySet()) {
        for (Map.Entry<Variable, Integer> e : m.powers().entrySet()) {
          boolean allowed = e.getKey().equals(sigma) ? e.getValue() > 0
              : e.getKey().equals(x) && Integer.signum(e.getValue()) != -r.exponent(x);
          if (!allowed) {
            return Optional.empty();
          }
        }
        if (m.exponent(sigma) == 0) {
          return Optional.empty();
        }
      }
      out.add(q);
    }
    return Optional.of(out);
  }

  /** Orders 0.. of {@code psi(tau) - psi(0)} along the flow of {@code phi}, one unit, symbolic weight and ratio. */
  private static List<Polynomial> perUnitSeries(Polynomial phi, Polynomial psi, Variable sigma, Monomial r, int orders) {
    List<Polynomial> s = new UnitFlow(Monomial.ONE, Monomial.of(sigma, 1), r, phi, psi, Polynomial.ZERO, Map.of()).series(orders);
    List<Polynomial> out = new ArrayList<>(s);
    out.set(0, Polynomial.ZERO);
    return out;
  }

  /**
   * {@code sum_s ORDER^s (a_s - b_s)} restricted to the part of degree {@code d} in {@code sigma}
   * ({@code d < 0}: every part): the equations of every order in one polynomial.
   */
  private static Polynomial stacked(List<Polynomial> a, List<Polynomial> b, Variable sigma, int d) {
    Polynomial.Builder out = new Polynomial.Builder();
    for (int s = 1; s < a.size(); s++) {
      Polynomial diff = a.get(s).subtract(b.get(s));
      out.add(d < 0 ? diff : part(diff, sigma, d).multiply(Rational.ONE, Monomial.of(sigma, d)), Rational.ONE,
          Monomial.of(ORDER, s));
    }
    return out.build();
  }

  /** The coefficient of {@code sigma^d} in {@code q}, a polynomial in the other variables. */
  private static Polynomial part(Polynomial q, Variable sigma, int d) {
    Polynomial.Builder b = new Polynomial.Builder();
    q.terms().forEach((m, v) -> {
      if (m.exponent(sigma) == d) {
        Map<Variable, Integer> rest = new HashMap<>(m.powers());
        rest.remove(sigma);
        b.add(v, Monomial.of(rest));
      }
    });
    return b.build();
  }

  /** {@code (-4)^s E[lambda^(s+1)]}, {@code lambda = a + b s} under the law of ratio {@code r} and mean 1. */
  private static Polynomial linearOrder(Rational a, Rational b, Monomial r, int s) {
    Polynomial.Builder out = new Polynomial.Builder();
    int e = s + 1;
    Rational binomial = Rational.ONE;
    for (int i = 0; i <= e; i++) {
      out.add(MarchenkoPastur.moment(i, r, Monomial.ONE), binomial.multiply(a.pow(e - i)).multiply(b.pow(i)));
      binomial = binomial.multiply(Rational.of(e - i, i + 1));
    }
    return out.build().multiply(Rational.of(-4).pow(s));
  }

  /** The monomials {@code R^i A^j} with {@code i + j = d}. */
  private static List<Monomial> monomials(int d) {
    List<Monomial> out = new ArrayList<>();
    for (int i = d; i >= 0; i--) {
      out.add(Monomial.of(UnitFlow.R, i).multiply(Monomial.of(UnitFlow.A, d - i)));
    }
    return out;
  }

  /** The exact rational square root, if there is one. */
  private static Optional<Rational> sqrt(Rational q) {
    if (q.signum() < 0) {
      return Optional.empty();
    }
    BigInteger n = q.numerator().sqrt();
    BigInteger d = q.denominator().sqrt();
    return n.multiply(n).equals(q.numerator()) && d.multiply(d).equals(q.denominator()) ? Optional.of(Rational.of(n).divide(Rational.of(d)))
        : Optional.empty();
  }
}
