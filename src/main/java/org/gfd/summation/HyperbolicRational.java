package org.gfd.summation;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.gfd.algebra.Monomial;
import org.gfd.algebra.Polynomial;
import org.gfd.algebra.Rational;
import org.gfd.algebra.Variable;
import org.gfd.network.WorkBudget;
import org.matheclipse.core.interfaces.IExpr;

/**
 * A rational function of {@code C = cosh(kappa tau)} and {@code S = sinh(kappa tau) / kappa}:
 * {@code F = -A0(C, S) / A1(C, S)}, where {@code kappa^2 = q} is a polynomial in the ray constants
 * found from the data, so that {@code kappa} itself may be irrational (the asymmetric nu = 2
 * balanced line has {@code kappa = 2 sqrt(1 + (h v)^2)}).
 *
 * <p>Why these variables: a limit that is rational in {@code e^(kappa tau)} with {@code kappa} a
 * square root has coefficients in the field of that square root, yet its series has rational
 * ones; being fixed by the conjugation {@code kappa -> -kappa}, it is a rational function of the
 * even functions {@code C} and {@code S}, whose Taylor coefficients {@code q^j / (2j)!} and
 * {@code q^j / (2j + 1)!} are polynomials in the constants. No radical enters the linear algebra,
 * and the certificate expands {@code cosh} and {@code sinh} instead of exponentials of radicals
 * (Symja needed over ten minutes on ten orders of the latter).
 *
 * <p>The relation {@code sum_(i <= 1, b) a_ib(constants) F^i B_b = 0} runs over the basis
 * {@code B_b = C^e S^j}, {@code e <= 1}, {@code e + j <= k} ({@code C^2 = 1 + q S^2} reduces
 * higher powers of {@code C}), each {@code a_ib} a polynomial in the constants of total degree at
 * most {@code d}. Every order of {@code tau} gives one equation.
 *
 * <p>The rate: with the constants at a random integer point, the equations for given {@code k}
 * form a matrix {@code M(q)} whose entries are polynomials in {@code q}; a relation exists at the
 * point exactly where {@code M(q)} loses column rank, that is at the common roots of its maximal
 * minors. Two random combinations of the rows give two determinants, computed modulo primes by
 * interpolation in {@code q}; their greatest common divisor, lifted to the rationals by the Chinese
 * remainder theorem and rational reconstruction, has the candidate values of {@code q} at the point
 * as its rational roots. With one nonzero root at each point, {@code q} is fitted as a polynomial
 * in the constants of the lowest degree (up to {@value #MAX_RATE_DEGREE}) that two further points
 * confirm. Then the relation's coefficients are found as the exact null vector of the equations at
 * random points (as {@link AlgebraicInExponential} does), checked exactly on every order seen.
 *
 * <p>When the constants enter only through one monomial ({@link MonomialReduction}) the search runs
 * in that one variable, and the form gets the monomial back.
 */
final class HyperbolicRational implements Strategy {
  /** The highest degree k of the basis in C and S. */
  static final int MAX_BASIS_DEGREE = 3;
  /** The highest degree of the rate q in the constants. */
  static final int MAX_RATE_DEGREE = 6;
  /** The highest total degree in the constants of a coefficient of the relation. */
  static final int MAX_CONSTANT_DEGREE = 8;
  /** Equations beyond the unknowns, so that a rank drop or a null vector is a property of the data. */
  static final int EXTRA = 2;
  /** Primes used at most to lift one greatest common divisor to the rationals. */
  static final int MAX_PRIMES = 12;

  @Override
  public String name() {
    return "rational in cosh(kappa tau) and sinh(kappa tau)/kappa";
  }

  @Override
  public Proposal propose(List<Polynomial> c, List<Polynomial> general, Map<Variable, Rational> values, Symja symja,
      WorkBudget budget) {
    Optional<MonomialReduction> reduction = MonomialReduction.of(c);
    List<Polynomial> series = reduction.map(MonomialReduction::reduced).orElse(c);
    List<String> account = new ArrayList<>();
    reduction.ifPresent(r -> account.add(r.describe()));
    int n = series.size();
    List<Polynomial> f = new ArrayList<>(); // ordinary Taylor coefficients c_s / s!
    Rational factorial = Rational.ONE;
    for (int s = 0; s < n; s++) {
      factorial = s == 0 ? Rational.ONE : factorial.multiply(Rational.of(s));
      f.add(series.get(s).multiply(Rational.ONE.divide(factorial)));
    }
    TreeSet<Variable> constants = new TreeSet<>();
    series.forEach(p -> p.terms().keySet().forEach(mono -> constants.addAll(mono.powers().keySet())));
    Sampler sampler = new Sampler(f, constants);
    for (int k = 1; k <= MAX_BASIS_DEGREE; k++) {
      budget.checkNow();
      if (2 * (2 * k + 1) + EXTRA > n) {
        account.add("basis degree " + k + " and above need " + (2 * (2 * k + 1) + EXTRA) + " orders, " + n + " seen");
        break;
      }
      Optional<Polynomial> q = rate(sampler, k, constants, account);
      if (q.isEmpty()) {
        continue;
      }
      Optional<Proposal> p = relation(sampler, f, k, q.get(), constants, reduction, symja, budget, account);
      if (p.isPresent()) {
        return p.get();
      }
    }
    return Proposal.none(String.join("; ", account));
  }

  /** The basis C^e S^j (e <= 1, e + j <= k) as exponent pairs. */
  private static List<int[]> basis(int k) {
    List<int[]> out = new ArrayList<>();
    for (int j = 0; j <= k; j++) {
      out.add(new int[] {0, j});
      if (j < k) {
        out.add(new int[] {1, j});
      }
    }
    return out;
  }

  // ---- the rate q: rank drop of M(q) at points, modulo primes -------------------------------

  private Optional<Polynomial> rate(Sampler sampler, int k, TreeSet<Variable> constants, List<String> account) {
    List<Map<Variable, Rational>> at = new ArrayList<>();
    List<Rational> values = new ArrayList<>();
    for (int d = 0; d <= (constants.isEmpty() ? 0 : MAX_RATE_DEGREE); d++) {
      List<Monomial> mus = AlgebraicInExponential.monomials(constants, d);
      while (at.size() < mus.size() + EXTRA && !(constants.isEmpty() && at.size() == 1)) {
        Map<Variable, Rational> point = sampler.point(at.size());
        Optional<List<Rational>> roots = rootsAt(sampler.valuesAt(at.size()), k);
        if (roots.isEmpty()) {
          account.add("basis degree " + k + ": the rank drop" + (point.isEmpty() ? "" : " at " + point)
              + " was not located (the system is rank-deficient for every q, or its lift to the rationals did not settle"
              + " within " + MAX_PRIMES + " primes)");
          return Optional.empty();
        }
        List<Rational> nonzero = roots.get().stream().filter(r -> r.signum() != 0).toList();
        if (nonzero.size() != 1) {
          account.add("basis degree " + k + ": " + (nonzero.isEmpty() ? "no rate q = kappa^2 at which the "
              + sampler.rows() + "x" + 2 * basis(k).size() + " system drops rank" : "several candidate rates " + nonzero)
              + (point.isEmpty() ? "" : " at " + point));
          return Optional.empty();
        }
        at.add(point);
        values.add(nonzero.get(0));
      }
      List<Rational[]> rows = new ArrayList<>();
      for (int i = 0; i < at.size(); i++) {
        Rational[] row = new Rational[mus.size() + 1];
        for (int m = 0; m < mus.size(); m++) {
          row[m] = AlgebraicInExponential.valueAt(Polynomial.term(Rational.ONE, mus.get(m)), at.get(i));
        }
        row[mus.size()] = values.get(i).negate();
        rows.add(row);
      }
      ModularKernel.Kernel kernel = ModularKernel.of(rows, mus.size() + 1);
      if (kernel.dimension() == 1 && kernel.vector().isPresent() && kernel.vector().get()[mus.size()].signum() != 0) {
        Rational[] v = kernel.vector().get();
        Polynomial.Builder q = new Polynomial.Builder();
        for (int m = 0; m < mus.size(); m++) {
          q.add(v[m].divide(v[mus.size()]), mus.get(m));
        }
        Polynomial rate = q.build();
        account.add("basis degree " + k + ": the system drops rank at q = kappa^2 = " + rate
            + " (fitted on " + at.size() + " points)");
        return Optional.of(rate);
      }
    }
    account.add("basis degree " + k + ": the rates at " + at.size() + " points fit no polynomial of degree " + MAX_RATE_DEGREE
        + " or less in the constants");
    return Optional.empty();
  }

  /**
   * The rational roots q of the gcd of two random maximal minors of M(q), the equations of basis
   * degree k at one point whose Taylor coefficients are {@code f}; empty when the lift fails.
   */
  private static Optional<List<Rational>> rootsAt(List<Rational> f, int k) {
    List<int[]> b = basis(k);
    int n = f.size();
    int unknowns = 2 * b.size();
    int degree = unknowns * ((n - 1) / 2) + 1;
    Random random = new Random(20261125L);
    long p = ModularKernel.FIRST_PRIME;
    BigInteger modulus = BigInteger.ONE;
    BigInteger[] residues = null;
    Rational[] previous = null;
    for (int used = 0; used < MAX_PRIMES; used++, p = ModularKernel.previousPrime(p)) {
      long[] fp = new long[n];
      boolean ok = true;
      for (int s = 0; s < n && ok; s++) {
        fp[s] = Mod.residue(f.get(s), p);
        ok = fp[s] >= 0;
      }
      if (!ok) {
        continue;
      }
      long[] g = null;
      for (int trial = 0; trial < 2; trial++) {
        long[][] r = new long[unknowns][n];
        for (long[] row : r) {
          for (int j = 0; j < n; j++) {
            row[j] = random.nextInt(1000);
          }
        }
        long[] xs = new long[degree + 1];
        long[] ys = new long[degree + 1];
        for (int t = 0; t <= degree; t++) {
          xs[t] = t + 1;
          ys[t] = Mod.det(Mod.times(r, matrix(fp, b, xs[t], p), p), p);
        }
        long[] d = Mod.interpolate(xs, ys, p);
        g = g == null ? d : Mod.gcd(g, d, p);
      }
      int deg = Mod.degree(g);
      if (deg < 0) {
        return Optional.empty(); // M(q) has a null vector for every q
      }
      long[] monic = Mod.monic(g, p);
      if (residues != null && residues.length != deg + 1) {
        if (residues.length > deg + 1) { // the earlier primes were unlucky
          residues = null;
          modulus = BigInteger.ONE;
          previous = null;
        } else {
          continue;
        }
      }
      if (residues == null) {
        residues = new BigInteger[deg + 1];
        for (int i = 0; i <= deg; i++) {
          residues[i] = BigInteger.valueOf(monic[i]);
        }
        modulus = BigInteger.valueOf(p);
      } else {
        ModularKernel.combine(residues, modulus, Arrays.stream(monic).mapToObj(BigInteger::valueOf)
            .toArray(BigInteger[]::new), p);
        modulus = modulus.multiply(BigInteger.valueOf(p));
      }
      Optional<Rational[]> candidate = ModularKernel.reconstruct(residues, modulus);
      if (candidate.isPresent() && previous != null && Arrays.equals(candidate.get(), previous)) {
        return Optional.of(rationalRoots(candidate.get()));
      }
      previous = candidate.orElse(null);
    }
    return Optional.empty();
  }

  /**
   * The rational roots of a polynomial over the rationals (constant first): zero, the root of a
   * linear factor directly, otherwise by the rational root test on the integer form (divisors by
   * trial division, so only for coefficients below 2^40; larger ones only try 1 and themselves).
   */
  private static List<Rational> rationalRoots(Rational[] coefficients) {
    BigInteger lcm = BigInteger.ONE;
    for (Rational r : coefficients) {
      lcm = lcm.divide(lcm.gcd(r.denominator())).multiply(r.denominator());
    }
    BigInteger[] a = new BigInteger[coefficients.length];
    for (int i = 0; i < a.length; i++) {
      a[i] = coefficients[i].numerator().multiply(lcm.divide(coefficients[i].denominator()));
    }
    List<Rational> roots = new ArrayList<>();
    int low = 0;
    while (low < a.length && a[low].signum() == 0) {
      low++;
    }
    if (low > 0) {
      roots.add(Rational.ZERO);
    }
    if (low >= a.length - 1) {
      return roots;
    }
    if (a.length - low == 2) { // linear: its one root directly, whatever the size of its coefficients
      roots.add(Rational.of(a[low].negate(), a[low + 1]));
      return roots;
    }
    // candidates u/w with u | a_low and w | a_lead; feasible for the small degrees met here
    List<BigInteger> us = divisors(a[low].abs());
    List<BigInteger> ws = divisors(a[a.length - 1].abs());
    Set<Rational> found = new HashSet<>();
    for (BigInteger u : us) {
      for (BigInteger w : ws) {
        for (int sign = -1; sign <= 1; sign += 2) {
          Rational x = Rational.of(u.multiply(BigInteger.valueOf(sign)), w);
          Rational value = Rational.ZERO;
          for (int i = a.length - 1; i >= 0; i--) {
            value = value.multiply(x).add(Rational.of(a[i]));
          }
          if (value.signum() == 0 && found.add(x)) {
            roots.add(x);
          }
        }
      }
    }
    return roots;
  }

  /** The positive divisors of n, by trial division up to 10^6 (beyond that only n and 1 are tried). */
  private static List<BigInteger> divisors(BigInteger n) {
    List<BigInteger> out = new ArrayList<>();
    if (n.bitLength() > 40) {
      return List.of(BigInteger.ONE, n);
    }
    long v = n.longValueExact();
    for (long d = 1; d * d <= v; d++) {
      if (v % d == 0) {
        out.add(BigInteger.valueOf(d));
        if (d != v / d) {
          out.add(BigInteger.valueOf(v / d));
        }
      }
    }
    return out;
  }

  /** M(q) modulo p: row n is the coefficient of tau^n of B_b (columns 0..) and of F B_b (the rest). */
  private static long[][] matrix(long[] f, List<int[]> b, long q, long p) {
    int n = f.length;
    long[] cosh = new long[n];
    long[] sinh = new long[n];
    long factorial = 1;
    long qPower = 1;
    for (int s = 0; s < n; s++) {
      if (s > 0) {
        factorial = factorial * s % p;
      }
      long inverse = Mod.inverse(factorial, p);
      if (s % 2 == 0) {
        cosh[s] = qPower * inverse % p;
      } else {
        sinh[s] = qPower * inverse % p;
        qPower = qPower * q % p;
      }
    }
    long[][] m = new long[n][2 * b.size()];
    for (int col = 0; col < b.size(); col++) {
      long[] basis = Mod.power(cosh, b.get(col)[0], sinh, b.get(col)[1], p);
      long[] withF = Mod.product(f, basis, p);
      for (int s = 0; s < n; s++) {
        m[s][col] = basis[s];
        m[s][b.size() + col] = withF[s];
      }
    }
    return m;
  }

  // ---- the relation, with q known ------------------------------------------------------------

  private Optional<Proposal> relation(Sampler sampler, List<Polynomial> f, int k, Polynomial q, TreeSet<Variable> constants,
      Optional<MonomialReduction> reduction, Symja symja, WorkBudget budget, List<String> account) {
    List<int[]> b = basis(k);
    int n = f.size();
    // exact series of the basis elements: C_s = q^(s/2)/s! (s even), S_s = q^((s-1)/2)/s! (s odd)
    List<Polynomial> cosh = new ArrayList<>();
    List<Polynomial> sinh = new ArrayList<>();
    Rational factorial = Rational.ONE;
    Polynomial qPower = Polynomial.ONE;
    for (int s = 0; s < n; s++) {
      factorial = s == 0 ? Rational.ONE : factorial.multiply(Rational.of(s));
      Rational inverse = Rational.ONE.divide(factorial);
      if (s % 2 == 0) {
        cosh.add(qPower.multiply(inverse));
        sinh.add(Polynomial.ZERO);
      } else {
        cosh.add(Polynomial.ZERO);
        sinh.add(qPower.multiply(inverse));
        qPower = qPower.multiply(q);
      }
    }
    List<List<Polynomial>> columns = new ArrayList<>();
    for (int[] e : b) {
      columns.add(TauSeries.times(TauSeries.powers(cosh, e[0]).get(e[0]), TauSeries.powers(sinh, e[1]).get(e[1])));
    }
    for (int col = 0; col < b.size(); col++) {
      columns.add(TauSeries.times(f, columns.get(col)));
    }
    for (int d = 0; d <= (constants.isEmpty() ? 0 : MAX_CONSTANT_DEGREE); d++) {
      budget.checkNow();
      List<Monomial> mus = AlgebraicInExponential.monomials(constants, d);
      int unknowns = columns.size() * mus.size();
      List<Rational[]> rows = sampler.rows(columns, mus, unknowns + AlgebraicInExponential.EXTRA_EQUATIONS);
      ModularKernel.Kernel kernel = ModularKernel.of(rows, unknowns);
      String what = "basis degree " + k + ", degree " + d + " in the constants: " + rows.size() + "x" + unknowns
          + " system, rank " + (unknowns - kernel.dimension());
      if (kernel.dimension() == 0) {
        if (d == MAX_CONSTANT_DEGREE || constants.isEmpty()) {
          account.add(what + " (no relation up to this degree)");
        }
        continue;
      }
      if (kernel.vector().isEmpty()) {
        account.add(what + (kernel.dimension() > 1 ? ", a null space of dimension " + kernel.dimension() : ", its null vector not lifted"));
        return Optional.empty();
      }
      Rational[] v = kernel.vector().get();
      Polynomial[] a = new Polynomial[columns.size()];
      for (int col = 0; col < a.length; col++) {
        Polynomial.Builder p = new Polynomial.Builder();
        for (int m = 0; m < mus.size(); m++) {
          p.add(v[col * mus.size() + m], mus.get(m));
        }
        a[col] = p.build();
      }
      Polynomial.Builder check = new Polynomial.Builder();
      for (int s = 0; s < n; s++) {
        for (int col = 0; col < a.length; col++) {
          check.add(a[col].multiply(columns.get(col).get(s)));
        }
        if (!check.build().isZero()) {
          account.add(what + ", and its null vector is not a relation on every order");
          return Optional.empty();
        }
      }
      account.add(what);
      return form(a, b, q, reduction, symja, budget, account);
    }
    return Optional.empty();
  }

  /** F = -A0 / A1 with C, S and, when reduced, x put back; the relation is reported. */
  private static Optional<Proposal> form(Polynomial[] a, List<int[]> b, Polynomial q, Optional<MonomialReduction> reduction,
      Symja symja, WorkBudget budget, List<String> account) {
    StringBuilder a0 = new StringBuilder("0");
    StringBuilder a1 = new StringBuilder("0");
    for (int col = 0; col < b.size(); col++) {
      String basis = "gfdC^" + b.get(col)[0] + "*gfdS^" + b.get(col)[1];
      a0.append(" + (").append(Summation.inputForm(a[col])).append(")*").append(basis);
      a1.append(" + (").append(Summation.inputForm(a[b.size() + col])).append(")*").append(basis);
    }
    String back = reduction.map(r -> " /. " + r.back()).orElse("");
    Optional<IExpr> kappa = symja.eval("gfdSquareFreeRoot(" + Summation.inputForm(q) + ")" + back, budget);
    Optional<IExpr> ratio = symja.eval("Together(-(" + a0 + ")/(" + a1 + "))" + back, budget);
    if (kappa.isEmpty() || ratio.isEmpty()) {
      account.add("Symja did not simplify the relation");
      return Optional.empty();
    }
    String k = kappa.get().toString();
    Optional<IExpr> f = symja.eval("(" + ratio.get() + ") /. {gfdC -> Cosh((" + k + ")*tau), gfdS -> Sinh((" + k + ")*tau)/(" + k
        + ")}", budget);
    if (f.isEmpty()) {
      account.add("Symja did not substitute C and S");
      return Optional.empty();
    }
    String qShown = Summation.shown(symja.eval(Summation.inputForm(q) + back, budget).map(IExpr::toString).orElse("?"));
    String relation = "F = " + Summation.shown(ratio.get().toString()) + " with C = cosh(kappa tau), S = sinh(kappa tau)/kappa, kappa^2 = "
        + qShown;
    return Optional.of(new Proposal(Optional.of(f.get().toString()), String.join("; ", account), Optional.empty(), Optional.empty(),
        Optional.of(relation)));
  }

  /** Random integer points of the constants (fixed seed, no zero coordinate), and the series' values there. */
  private static final class Sampler {
    private final List<Polynomial> f;
    private final TreeSet<Variable> constants;
    private final List<Map<Variable, Rational>> points = new ArrayList<>();
    private final Random random = new Random(20261125L);
    private final Set<Map<Variable, Rational>> used = new HashSet<>();
    /** For each list of columns (by identity), the independent equations at each point so far. */
    private final Map<List<List<Polynomial>>, List<List<Rational[]>>> evaluated = new IdentityHashMap<>();

    Sampler(List<Polynomial> f, TreeSet<Variable> constants) {
      this.f = f;
      this.constants = constants;
    }

    int rows() {
      return f.size();
    }

    Map<Variable, Rational> point(int index) {
      while (points.size() <= index) {
        Map<Variable, Rational> at;
        do {
          at = AlgebraicInExponential.randomPoint(random, constants);
        } while (!used.add(at) && !constants.isEmpty());
        points.add(at);
      }
      return points.get(index);
    }

    List<Rational> valuesAt(int index) {
      Map<Variable, Rational> at = point(index);
      return f.stream().map(p -> AlgebraicInExponential.valueAt(p, at)).toList();
    }

    /**
     * At least {@code wanted} independent rows (fewer without constants), each order's equation
     * times the monomials' values. The equations at a point are evaluated once per {@code columns}
     * (the same list is asked for with every degree in the constants).
     */
    List<Rational[]> rows(List<List<Polynomial>> columns, List<Monomial> mus, int wanted) {
      List<List<Rational[]>> atPoints = evaluated.computeIfAbsent(columns, key -> new ArrayList<>());
      List<Rational[]> rows = new ArrayList<>();
      for (int index = 0; rows.size() < wanted && !(constants.isEmpty() && index == 1); index++) {
        Map<Variable, Rational> at = point(index);
        if (atPoints.size() == index) {
          List<Rational[]> local = new ArrayList<>();
          for (int s = 0; s < f.size(); s++) {
            Rational[] row = new Rational[columns.size()];
            for (int col = 0; col < columns.size(); col++) {
              row[col] = AlgebraicInExponential.valueAt(columns.get(col).get(s), at);
            }
            local.add(row);
          }
          atPoints.add(ModularKernel.independentRows(local, columns.size()).stream().map(local::get).toList());
        }
        Rational[] muAt = mus.stream().map(mu -> AlgebraicInExponential.valueAt(Polynomial.term(Rational.ONE, mu), at))
            .toArray(Rational[]::new);
        for (Rational[] equation : atPoints.get(index)) {
          Rational[] row = new Rational[columns.size() * mus.size()];
          for (int col = 0; col < columns.size(); col++) {
            for (int m = 0; m < mus.size(); m++) {
              row[col * mus.size() + m] = equation[col].multiply(muAt[m]);
            }
          }
          rows.add(row);
        }
      }
      return rows;
    }
  }
}
