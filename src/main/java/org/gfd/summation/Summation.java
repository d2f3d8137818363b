package org.gfd.summation;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.gfd.algebra.Monomial;
import org.gfd.algebra.Polynomial;
import org.gfd.algebra.Rational;
import org.gfd.algebra.Variable;
import org.gfd.error.InputException;
import org.gfd.network.WorkBudget;
import org.matheclipse.core.interfaces.IExpr;

/**
 * Sums a limit series {@code F(tau) = sum_s c_s tau^s / s!} into a certified closed form. The
 * strategies ({@link #strategies()}, in order) see the coefficients except the last
 * {@value #HELD_OUT}; the first proposal that {@link Certificate} accepts on every order, the
 * held-out ones included, is the answer. No certificate, no closed form: the result then lists
 * each strategy and where it stopped.
 */
public final class Summation {
  /** Orders no strategy sees, checked by the certificate only. */
  public static final int HELD_OUT = 2;
  /** The fewest orders a summation is attempted on: three for the strategies, the held-out ones. */
  public static final int MIN_ORDERS = 3 + HELD_OUT;

  private Summation() {}

  /** The strategies by the short names the command line uses, in the order they are tried. */
  public static Map<String, Strategy> strategies() {
    Map<String, Strategy> out = new LinkedHashMap<>();
    out.put("hypergeometric", new HypergeometricTerm());
    out.put("pde", new FirstOrderPde());
    out.put("algebraic", new AlgebraicInExponential());
    out.put("hyperbolic", new HyperbolicRational());
    out.put("data-spectrum", new DataSpectrumAverage());
    out.put("initial-spectrum", new InitialSpectrumAverage());
    out.put("units", new IndependentUnits());
    return out;
  }

  /**
   * The strategies that sum a series as it is, without an average over a spectrum: the ones the
   * spectral strategies sum their kernels with.
   */
  static List<Strategy> plainStrategies() {
    return strategies().values().stream()
        .filter(s -> !(s instanceof DataSpectrumAverage) && !(s instanceof InitialSpectrumAverage)
            && !(s instanceof IndependentUnits)).toList();
  }

  /** {@link #solve(List, List, WorkBudget)} with every strategy. */
  public static SummationResult solve(List<Polynomial> c, WorkBudget budget) {
    return solve(c, List.copyOf(strategies().values()), budget);
  }

  /** {@link #solve(List, Map, List, WorkBudget)} for a series whose constants were not given values. */
  public static SummationResult solve(List<Polynomial> c, List<Strategy> strategies, WorkBudget budget) {
    return solve(c, Map.of(), strategies, budget);
  }

  /**
   * The certified closed form of the series with coefficients {@code general} (orders 0, 1, ...)
   * after the constants of {@code values} are given those values, by the first of
   * {@code strategies} whose proposal is certified, or none with their accounts. Strategies see
   * both the symbolic and the valued coefficients (they may read value-independent facts from the
   * first, see {@link Strategy#propose}); the certificate checks the valued ones.
   *
   * @throws InputException when there are fewer than {@link #MIN_ORDERS} coefficients
   * @throws org.gfd.error.StoppedException when the budget ran out
   */
  public static SummationResult solve(List<Polynomial> general, Map<Variable, Rational> values, List<Strategy> strategies,
      WorkBudget budget) {
    if (general.size() < MIN_ORDERS) {
      throw new InputException("a series of " + general.size() + " orders is too short to find and certify a closed form: at least "
          + MIN_ORDERS + " are needed (" + HELD_OUT + " of them held out); raise --max-order");
    }
    List<Polynomial> c = general.stream().map(p -> p.substitute(values)).toList();
    Symja symja = Symja.get();
    List<String> all = c.stream().map(Summation::inputForm).toList();
    int seen = all.size() - HELD_OUT;
    List<Attempt> tried = new ArrayList<>();
    for (Strategy strategy : strategies) {
      Proposal proposal = strategy.propose(c.subList(0, seen), general.subList(0, seen), values, symja, budget);
      if (proposal.closedForm().isEmpty()) {
        tried.add(new Attempt(strategy.name(), false, proposal.account()));
        continue;
      }
      String f = proposal.closedForm().get();
      Optional<String> failure;
      String latex;
      if (proposal.units().isPresent()) {
        failure = Certificate.firstUnitsMismatch(proposal.units().get(), c)
            .map(m -> "the flow's Taylor series differs at order " + m);
        latex = proposal.units().get().latex();
      } else if (proposal.spectral().isPresent()) {
        failure = Certificate.firstSpectralMismatch(proposal.spectral().get(), all, symja, budget)
            .map(m -> m < 0 ? "Symja could not expand its kernel" : "the moments of its kernel differ at order " + m);
        latex = spectralLatex(proposal.spectral().get(), symja, budget);
      } else {
        // the tidy (real) form when it is certified, else the form as proposed
        String raw = f;
        f = symja.eval("gfdTidy(" + raw + ")", budget).map(IExpr::toString).orElse(raw);
        Optional<Integer> mismatch = Certificate.firstMismatch(f, all, symja, budget);
        if (mismatch.isPresent() && !f.equals(raw)) {
          f = raw;
          mismatch = Certificate.firstMismatch(f, all, symja, budget);
        }
        failure = mismatch.map(m -> m < 0 ? "Symja could not expand it" : "its expansion differs at order " + m);
        latex = latex(f, symja, budget);
      }
      if (failure.isPresent()) {
        tried.add(new Attempt(strategy.name(), false, proposal.account() + "; proposed " + f + ", but " + failure.get()));
        continue;
      }
      tried.add(new Attempt(strategy.name(), true, proposal.account()));
      ClosedForm form = new ClosedForm(f, latex, strategy.name(), IntStream.range(0, seen).boxed().toList(),
          IntStream.range(seen, all.size()).boxed().toList(), proposal.pde(), proposal.characteristics(), proposal.relation(),
          proposal.spectral(), proposal.units());
      return new SummationResult(Optional.of(form), tried);
    }
    return new SummationResult(Optional.empty(), tried);
  }

  private static String spectralLatex(SpectralAverage form, Symja symja, WorkBudget budget) {
    String r = form.ratioValue().map(Object::toString).orElse(form.ratio());
    String mu = form.meanValue().map(Object::toString).orElse(form.mean());
    return "\\int K(s, \\tau)\\, d\\mu_{\\mathrm{MP}}(s), \\quad \\mu_{\\mathrm{MP}} \\text{ of ratio } " + latex(r, symja, budget)
        + " \\text{ and mean } " + latex(mu, symja, budget) + ", \\quad K(s, \\tau) = " + latex(form.kernel(), symja, budget);
  }

  private static String latex(String f, Symja symja, WorkBudget budget) {
    return symja.eval("TeXForm(" + f + ")", budget).map(IExpr::toString).orElse("");
  }

  /** The Taylor coefficients {@code c_s / s!} of {@code F(tau) = sum_s c_s tau^s / s!}. */
  public static List<Polynomial> taylor(List<Polynomial> c) {
    List<Polynomial> out = new ArrayList<>();
    Rational factorial = Rational.ONE;
    for (int s = 0; s < c.size(); s++) {
      factorial = s == 0 ? Rational.ONE : factorial.multiply(Rational.of(s));
      out.add(c.get(s).multiply(Rational.ONE.divide(factorial)));
    }
    return out;
  }

  /**
   * A polynomial in Symja input form. Variable names become Symja symbols: lower case letters and
   * digits only (an underscore is a pattern in Symja and is dropped).
   *
   * @throws IllegalArgumentException for a name that is no safe Symja symbol that way
   */
  public static String inputForm(Polynomial poly) {
    if (poly.isZero()) {
      return "0";
    }
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<Monomial, Rational> t : poly.terms().entrySet()) {
      Rational r = t.getValue();
      sb.append(sb.length() == 0 ? "" : " + ").append('(').append(r.numerator());
      if (!r.denominator().equals(BigInteger.ONE)) {
        sb.append('/').append(r.denominator());
      }
      sb.append(')');
      for (Map.Entry<Variable, Integer> pw : t.getKey().powers().entrySet()) {
        sb.append('*').append(symbol(pw.getKey())).append('^').append(pw.getValue());
      }
    }
    return sb.toString();
  }

  /** Symja output with the strategies' internal symbols of {@code F}, {@code u}, {@code C} and {@code S} written as F, u, C and S. */
  static String shown(String e) {
    return e.replace("gfdf", "F").replace("gfdF", "F").replace("gfdu", "u").replace("gfdU", "u").replace("gfdc", "C")
        .replace("gfdC", "C").replace("gfds", "S").replace("gfdS", "S");
  }

  /** The Symja symbol of a variable. */
  public static String symbol(Variable v) {
    String s = v.name().replace("_", "");
    if (!s.matches("[a-z][a-z0-9]*") || s.equals("tau")) {
      throw new IllegalArgumentException("no Symja symbol for the variable " + v.name());
    }
    return s;
  }
}
