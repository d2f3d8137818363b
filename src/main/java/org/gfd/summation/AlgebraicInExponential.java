package org.gfd.summation;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeSet;
import org.gfd.algebra.Monomial;
import org.gfd.algebra.Polynomial;
import org.gfd.algebra.Rational;
import org.gfd.algebra.Variable;
import org.gfd.network.WorkBudget;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;

/**
 * An algebraic relation {@code P(F, u) = 0} with {@code u = e^(kappa tau) - 1}: limits that are
 * rational or algebraic in an exponential rather than in {@code tau} (a flow {@code lambda' = 4
 * lambda (1 - lambda)} averaged over an initial spectrum gives one).
 *
 * <p>The rate {@code kappa} comes from the data ({@link ExponentialRates}). With {@code tau =
 * log(1 + u) / kappa}, the series becomes one in {@code u}: {@code tau^s / s! = sum_n S1(n, s)
 * u^n / (n! kappa^s)}, with {@code S1} the signed Stirling numbers of the first kind, so its
 * coefficient of {@code u^n} is {@code sum_(s <= n) S1(n, s) c_s / (n! kappa^s)}, exact and using
 * orders up to {@code n} only. Then {@code P(F, u) = sum a_ij F^i u^j} with degrees at most
 * {@value #MAX_F_DEGREE} in {@code F} and {@value #MAX_U_DEGREE} in {@code u}, and each
 * {@code a_ij} a polynomial in the ray constants of total degree at most
 * {@value #MAX_CONSTANT_DEGREE}, whose rational coefficients are the unknowns. Every power of
 * {@code u} gives an equation over the rational functions of the constants; degree bounds with
 * at least as many such equations as {@code (dF + 1)(du + 1)} are tried by their number of
 * unknowns, fewest first. The equations are sampled at random integer points of the constants and
 * solved modulo primes ({@link Points}, {@link ModularKernel}); a null vector is accepted only when
 * it is an exact polynomial relation on every order seen ({@link #holds}).
 *
 * <p>Then the roots of {@code P = 0} that are analytic at {@code u = 0} ({@code gfdAnalyticRoot}:
 * degree two at most, in radicals, with the square part of the discriminant outside the radical so
 * that the form follows the analytic root along the real line) are checked against the series'
 * first orders in {@code u}; the first that matches is taken, and {@code u} is replaced by
 * {@code e^(kappa tau) - 1}. The leading coefficient of {@code P} in
 * {@code u} is reported: a finite limit of {@code F} as {@code tau -> infinity} is one of its roots.
 */
final class AlgebraicInExponential implements Strategy {
  static final int MAX_F_DEGREE = 2;
  static final int MAX_U_DEGREE = 12;
  /** The highest total degree in the ray constants of a coefficient of P. */
  static final int MAX_CONSTANT_DEGREE = 6;
  /** Equations beyond the unknowns in the largest system, so that a solution is a property of the data. */
  static final int EXTRA_EQUATIONS = 12;
  /** Points have coordinates in -POINT_RANGE..POINT_RANGE without zero. */
  static final int POINT_RANGE = 20;
  /** Systems with a null space are retried with up to this many times the rows. */
  static final int MAX_POINT_FACTOR = 8;

  @Override
  public String name() {
    return "algebraic in u = e^(kappa tau) - 1";
  }

  @Override
  public Proposal propose(List<Polynomial> c, List<Polynomial> general, Map<Variable, Rational> values, Symja symja,
      WorkBudget budget) {
    ExponentialRates.Found rates = ExponentialRates.of(general, symja, budget);
    if (rates.rates().isEmpty() && !general.equals(c)) {
      rates = ExponentialRates.of(c, symja, budget);
    }
    List<String> account = new ArrayList<>();
    account.add(rates.account());
    if (rates.rates().isEmpty()) {
      return Proposal.none(String.join("; ", account));
    }
    TreeSet<Variable> constants = new TreeSet<>();
    c.forEach(p -> p.terms().keySet().forEach(mono -> constants.addAll(mono.powers().keySet())));
    int n = c.size();
    List<int[]> degrees = new ArrayList<>();
    for (int dF = 1; dF <= MAX_F_DEGREE; dF++) {
      for (int du = 0; du <= MAX_U_DEGREE && (dF + 1) * (du + 1) <= n; du++) {
        for (int dc = 0; dc <= (constants.isEmpty() ? 0 : MAX_CONSTANT_DEGREE); dc++) {
          degrees.add(new int[] {dF, du, dc});
        }
      }
    }
    List<List<Monomial>> monomialsUpTo = new ArrayList<>();
    for (int dc = 0; dc <= MAX_CONSTANT_DEGREE; dc++) {
      monomialsUpTo.add(monomials(constants, dc));
    }
    degrees.sort(Comparator.comparingInt((int[] d) -> (d[0] + 1) * (d[1] + 1) * monomialsUpTo.get(d[2]).size())
        .thenComparingInt(d -> d[0]).thenComparingInt(d -> d[1]));
    for (Rational kappa : rates.rates()) {
      List<Polynomial> b = inU(c, kappa);
      List<List<Polynomial>> powers = TauSeries.powers(b, MAX_F_DEGREE);
      Points points = new Points(powers, constants);
      int tried = 0;
      String largest = "";
      for (int[] d : degrees) {
        budget.checkNow();
        List<Monomial> mus = monomialsUpTo.get(d[2]);
        int unknowns = (d[0] + 1) * (d[1] + 1) * mus.size();
        // a null vector of too few points' rows may be spurious: more points until it is exact or gone
        ModularKernel.Kernel kernel = null;
        List<Rational[]> rows = List.of();
        Polynomial[] a = null;
        for (int factor = 1; factor <= MAX_POINT_FACTOR && a == null; factor *= 2) {
          rows = points.rows(d[0], d[1], mus, factor * (unknowns + EXTRA_EQUATIONS));
          kernel = ModularKernel.of(rows, unknowns);
          if (kernel.dimension() == 0) {
            break;
          }
          if (kernel.vector().isPresent()) {
            Polynomial[] candidate = coefficients(kernel.vector().get(), d[0], d[1], mus);
            if (holds(candidate, powers.subList(0, d[0] + 1), d[1])) {
              a = candidate;
            }
          }
        }
        tried++;
        String what = "degrees " + d[0] + " in F, " + d[1] + " in u, " + d[2] + " in the constants: " + rows.size() + "x"
            + unknowns + " system, rank " + (unknowns - kernel.dimension());
        largest = what;
        if (kernel.dimension() == 0) {
          continue;
        }
        if (a == null) {
          account.add("kappa = " + kappa + ": " + what + (kernel.dimension() > 1 ? "" : ", and its null vector is not a relation"));
          continue;
        }
        Optional<Proposal> p = solve(a, b, kappa, d[0], d[1], symja, budget, account);
        if (p.isPresent()) {
          account.add("kappa = " + kappa + ": " + tried + " degree bounds tried, fewest unknowns first; " + what);
          return p.get().withAccount(String.join("; ", account));
        }
      }
      account.add("kappa = " + kappa + ": " + tried + " degree bounds tried, fewest unknowns first, none with a solution"
          + (largest.isEmpty() ? "" : "; the largest: " + largest));
    }
    return Proposal.none(String.join("; ", account));
  }

  /** The powers F^i of the series evaluated at one point of the constants. */
  private record Point(Map<Variable, Rational> at, List<List<Rational>> powers) {}

  /**
   * Random small integer points of the constants (fixed seed), evaluated on demand. At a point the
   * equations over the rational functions of the constants become rational ones; the rows that a
   * point contributes for given degrees are its independent equations (in {@code F} and {@code u})
   * times the values of the monomials {@code mu}, and points are added until there are
   * {@value #EXTRA_EQUATIONS} more rows than unknowns. The rows are linear combinations of the
   * equations split by monomials of the constants, so a system of full rank proves that no
   * relation with these degrees exists; a null vector is checked exactly ({@link #holds}).
   */
  private static final class Points {
    private final List<List<Polynomial>> powers;
    private final TreeSet<Variable> constants;
    private final List<Point> points = new ArrayList<>();
    private final Random random = new Random(20261124L);
    private final java.util.Set<Map<Variable, Rational>> used = new java.util.HashSet<>();

    /** {@code powers}: the series' powers {@code F^0 .. F^MAX_F_DEGREE} in {@code u}. */
    Points(List<List<Polynomial>> powers, TreeSet<Variable> constants) {
      this.powers = powers;
      this.constants = constants;
    }

    /** At least {@code wanted} rows (fewer only without constants, where one point is all there is). */
    List<Rational[]> rows(int dF, int du, List<Monomial> mus, int wanted) {
      List<Rational[]> rows = new ArrayList<>();
      for (int index = 0; rows.size() < wanted; index++) {
        if (index == points.size()) {
          if (constants.isEmpty() && index == 1) {
            break;
          }
          points.add(next());
        }
        Point pt = points.get(index);
        Rational[] muAt = new Rational[mus.size()];
        for (int m = 0; m < mus.size(); m++) {
          muAt[m] = valueAt(Polynomial.term(Rational.ONE, mus.get(m)), pt.at());
        }
        int n = powers.get(0).size();
        List<Rational[]> local = new ArrayList<>();
        for (int k = 0; k < n; k++) {
          Rational[] row = new Rational[(dF + 1) * (du + 1)];
          for (int i = 0; i <= dF; i++) {
            for (int j = 0; j <= du; j++) {
              row[i * (du + 1) + j] = k >= j ? pt.powers().get(i).get(k - j) : Rational.ZERO;
            }
          }
          local.add(row);
        }
        for (int k : ModularKernel.independentRows(local, (dF + 1) * (du + 1))) {
          Rational[] row = new Rational[(dF + 1) * (du + 1) * mus.size()];
          int col = 0;
          for (Rational x : local.get(k)) {
            for (int m = 0; m < mus.size(); m++) {
              row[col++] = x.multiply(muAt[m]);
            }
          }
          rows.add(row);
        }
      }
      return rows;
    }

    private Point next() {
      Map<Variable, Rational> at;
      do {
        at = randomPoint(random, constants);
      } while (!used.add(at));
      Map<Variable, Rational> point = at;
      return new Point(point, powers.stream().map(series -> series.stream().map(p -> valueAt(p, point)).toList()).toList());
    }
  }

  /** A random point of the constants with integer coordinates in -POINT_RANGE..POINT_RANGE, none zero. */
  static Map<Variable, Rational> randomPoint(Random random, TreeSet<Variable> constants) {
    Map<Variable, Rational> at = new HashMap<>();
    for (Variable x : constants) {
      int k = random.nextInt(2 * POINT_RANGE) - POINT_RANGE;
      at.put(x, Rational.of(k >= 0 ? k + 1 : k));
    }
    return at;
  }

  /** The value of a polynomial at a point of all its variables. */
  static Rational valueAt(Polynomial p, Map<Variable, Rational> at) {
    Polynomial v = p.substitute(at);
    return v.isZero() ? Rational.ZERO : v.coefficient(Monomial.ONE);
  }

  /** The coefficient a_ij of F^i u^j, a polynomial in the constants, from the null vector. */
  private static Polynomial[] coefficients(Rational[] v, int dF, int du, List<Monomial> mus) {
    Polynomial[] a = new Polynomial[(dF + 1) * (du + 1)];
    int col = 0;
    for (int ij = 0; ij < a.length; ij++) {
      Polynomial.Builder p = new Polynomial.Builder();
      for (Monomial mu : mus) {
        p.add(v[col++], mu);
      }
      a[ij] = p.build();
    }
    return a;
  }

  /** Whether sum a_ij F^i u^j vanishes identically in the constants on every order of the series. */
  private static boolean holds(Polynomial[] a, List<List<Polynomial>> powers, int du) {
    int n = powers.get(0).size();
    for (int k = 0; k < n; k++) {
      Polynomial.Builder sum = new Polynomial.Builder();
      for (int i = 0; i < powers.size(); i++) {
        for (int j = 0; j <= Math.min(du, k); j++) {
          sum.add(a[i * (du + 1) + j].multiply(powers.get(i).get(k - j)));
        }
      }
      if (!sum.build().isZero()) {
        return false;
      }
    }
    return true;
  }

  /** The monomials of total degree at most d in the constants. */
  static List<Monomial> monomials(TreeSet<Variable> constants, int d) {
    List<Monomial> out = new ArrayList<>(List.of(Monomial.ONE));
    for (Variable x : constants) {
      List<Monomial> next = new ArrayList<>();
      for (Monomial m : out) {
        for (int e = 0; m.degree() + e <= d; e++) {
          next.add(m.multiply(Monomial.of(x, e)));
        }
      }
      out = next;
    }
    return out;
  }

  /** P = 0 solved for F with Symja: the root analytic at u = 0, matched with the series, then u = e^(kappa tau) - 1. */
  private Optional<Proposal> solve(Polynomial[] a, List<Polynomial> b, Rational kappa, int dF, int du, Symja symja,
      WorkBudget budget, List<String> account) {
    List<String> terms = new ArrayList<>();
    for (int i = 0; i <= dF; i++) {
      for (int j = 0; j <= du; j++) {
        terms.add("(" + Summation.inputForm(a[i * (du + 1) + j]) + ")*gfdF^" + i + "*gfdU^" + j);
      }
    }
    Optional<IExpr> pe = symja.eval("Collect(Numerator(Factor(Together(" + String.join(" + ", terms) + "))), {gfdF, gfdU}, Factor)", budget);
    if (pe.isEmpty()) {
      account.add("Symja did not simplify P");
      return Optional.empty();
    }
    String p = pe.get().toString();
    String relation = "P(F, u) = " + Summation.shown(p) + " = 0";
    // the root analytic at u = 0, checked against the series' first orders in u
    List<String> bs = b.stream().limit(Math.min(b.size(), 4)).map(Summation::inputForm).toList();
    Optional<IExpr> roots = symja.eval("gfdAnalyticRoot(" + p + ", gfdF, gfdU)", budget);
    if (roots.isEmpty() || !roots.get().isList() || roots.get().argSize() == 0) {
      account.add(relation + ", but no root of it is analytic at u = 0" + (roots.isEmpty() ? " (Symja did not finish)" : ""));
      return Optional.empty();
    }
    Optional<IExpr> root = Optional.empty();
    for (IExpr candidate : (IAST) roots.get()) {
      Optional<IExpr> matches = symja.eval("Module({gfdT = gfdTaylor(" + candidate + ", gfdU, " + (bs.size() - 1) + ")}, "
          + "AllTrue(Range(" + bs.size() + "), Function(gfdI, gfdZeroQ(gfdT[[gfdI]] - {" + String.join(", ", bs)
          + "}[[gfdI]]))))", budget);
      if (matches.isPresent() && matches.get().isTrue()) {
        root = Optional.of(candidate);
        break;
      }
    }
    if (root.isEmpty()) {
      account.add(relation + ", but no root of it analytic at u = 0 matches the series");
      return Optional.empty();
    }
    Optional<IExpr> f = symja.eval("(" + root.get() + ") /. gfdU -> E^((" + kappa + ")*tau) - 1", budget);
    if (f.isEmpty()) {
      account.add(relation + ", but Symja did not substitute u in its root");
      return Optional.empty();
    }
    // as tau -> infinity (u -> infinity, kappa > 0) a finite limit of F is a root of P's leading coefficient in u
    String lead = symja.eval("Factor(Coefficient(" + p + ", gfdU, Exponent(" + p + ", gfdU)))", budget).map(IExpr::toString)
        .orElse("?");
    return Optional.of(new Proposal(Optional.of(f.get().toString()), "", Optional.empty(), Optional.empty(),
        Optional.of(relation + " with u = e^(" + kappa + " tau) - 1; as tau -> infinity a finite limit of F is a root of "
            + Summation.shown(lead))));
  }

  /**
   * The coefficients of {@code u^n}, {@code n < c.size()}, of {@code F = sum_s c_s tau^s / s!} with
   * {@code tau = log(1 + u) / kappa}.
   */
  static List<Polynomial> inU(List<Polynomial> c, Rational kappa) {
    int len = c.size();
    // signed Stirling numbers of the first kind, row by row: s(n+1, k) = s(n, k-1) - n s(n, k)
    BigInteger[] row = {BigInteger.ONE};
    List<Polynomial> out = new ArrayList<>();
    Rational nFactorial = Rational.ONE;
    for (int n = 0; n < len; n++) {
      if (n > 0) {
        BigInteger[] next = new BigInteger[n + 1];
        for (int k = 0; k <= n; k++) {
          BigInteger left = k > 0 ? row[k - 1] : BigInteger.ZERO;
          BigInteger right = k < n ? row[k].multiply(BigInteger.valueOf(n - 1)) : BigInteger.ZERO;
          next[k] = left.subtract(right);
        }
        row = next;
        nFactorial = nFactorial.multiply(Rational.of(n));
      }
      Polynomial.Builder sum = new Polynomial.Builder();
      Rational kappaPower = Rational.ONE;
      for (int s = 0; s <= n; s++) {
        if (row[s].signum() != 0) {
          sum.add(c.get(s), Rational.of(row[s]).divide(kappaPower.multiply(nFactorial)));
        }
        kappaPower = kappaPower.multiply(kappa);
      }
      out.add(sum.build());
    }
    return out;
  }
}
