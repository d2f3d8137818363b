package org.gfd.summation;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gfd.algebra.Monomial;
import org.gfd.algebra.Polynomial;
import org.gfd.algebra.Rational;
import org.gfd.algebra.Variable;

/**
 * A limit in which units evolve independently: {@code F(tau) = c_0 + k [psi(R, A)(tau) -
 * psi(R, A)(0)]}, {@code k} units, each a vector {@code w} in the eigenbasis of a data covariance
 * whose spectrum has the Marchenko-Pastur law {@code MP(r, 1)} (ratio {@code r}, mean 1; see
 * {@link SpectralAverage}), following the gradient flow {@code w' = -grad_w phi(R, A)} of a
 * potential in its two moments {@code R = |w|^2} and {@code A = w^T Sigma w}, and starting with
 * total weight {@code sigma} spread evenly over the directions. {@code psi} is what is observed:
 * {@code phi} itself for the loss, another polynomial for an observable.
 *
 * <p>In an eigendirection of eigenvalue {@code s} the component moves by {@code x' = -2 (phi_R +
 * s phi_A) x}, so {@code x(tau)^2 = x(0)^2 e^(2 (s alpha + beta))} with
 * <pre>
 *   alpha' = -2 phi_A(R, A),  beta' = -2 phi_R(R, A),  alpha(0) = beta(0) = 0,
 *   R = sigma e^(2 beta) M(2 alpha),  A = sigma e^(2 beta) M'(2 alpha),
 * </pre>
 * {@code M(u) = Integral e^(u s) dMP(r, 1)(s)} the law's moment generating function: two ordinary
 * differential equations. Their Taylor series is exact ({@link #series}: {@code M}'s coefficients
 * are the law's moments, polynomials in {@code r}); their values come from integrating them
 * numerically ({@code numeric.UnitFlowValue}). The weight-tied autoencoder's narrow-latent face
 * is of this kind: a latent unit follows {@code phi = -A + R A / 2} (train loss) and the population loss is
 * {@code psi = R^2 / 2 - R}.
 *
 * @param multiplicity {@code k}, a monomial in the ray constants
 * @param scale {@code sigma}, a monomial in the ray constants
 * @param ratio {@code r}, a monomial in the ray constants
 * @param potential {@code phi}, a polynomial in {@link #R} and {@link #A} with rational coefficients
 * @param observed {@code psi}, likewise
 * @param offset {@code c_0}, a polynomial in the ray constants
 * @param values the ray constants' values, where they have them
 */
public record UnitFlow(Monomial multiplicity, Monomial scale, Monomial ratio, Polynomial potential, Polynomial observed,
    Polynomial offset, Map<Variable, Rational> values) {
  /** The unit's squared norm {@code |w|^2} in {@link #potential} and {@link #observed}. */
  public static final Variable R = Variable.of("R");
  /** The unit's quadratic form {@code w^T Sigma w} in {@link #potential} and {@link #observed}. */
  public static final Variable A = Variable.of("A");

  public UnitFlow {
    values = Map.copyOf(values);
  }

  /**
   * The coefficients {@code c_0..c_(orders-1)} of {@code F(tau) = sum_s c_s tau^s / s!}, exactly,
   * as polynomials in the constants without values.
   */
  public List<Polynomial> series(int orders) {
    Polynomial sigma = valued(Polynomial.term(Rational.ONE, scale));
    List<Polynomial> moments = new ArrayList<>();
    for (int i = 0; i <= orders + 1; i++) {
      moments.add(valued(MarchenkoPastur.moment(i, ratio, Monomial.ONE)));
    }
    Polynomial dR = derivative(potential, R);
    Polynomial dA = derivative(potential, A);
    List<Polynomial> alpha = new ArrayList<>(List.of(Polynomial.ZERO));
    List<Polynomial> beta = new ArrayList<>(List.of(Polynomial.ZERO));
    for (int n = 0; n + 1 < orders; n++) {
      List<List<Polynomial>> ra = moments(alpha, beta, sigma, moments);
      Rational step = Rational.of(-2).divide(Rational.of(n + 1));
      alpha.add(evaluate(dA, ra.get(0), ra.get(1)).get(n).multiply(step));
      beta.add(evaluate(dR, ra.get(0), ra.get(1)).get(n).multiply(step));
    }
    List<List<Polynomial>> ra = moments(alpha, beta, sigma, moments);
    List<Polynomial> psi = evaluate(observed, ra.get(0), ra.get(1));
    Polynomial k = valued(Polynomial.term(Rational.ONE, multiplicity));
    List<Polynomial> out = new ArrayList<>();
    Rational factorial = Rational.ONE;
    for (int s = 0; s < orders; s++) {
      factorial = s == 0 ? Rational.ONE : factorial.multiply(Rational.of(s));
      out.add(s == 0 ? valued(offset) : psi.get(s).multiply(k).multiply(factorial));
    }
    return out;
  }

  /** The form as one line, for reports and as the closed form's input form. */
  public String description() {
    String k = MarchenkoPastur.inputForm(multiplicity);
    String sigma = MarchenkoPastur.inputForm(scale);
    List<String> given = new ArrayList<>();
    for (Monomial m : List.of(multiplicity, scale, ratio)) {
      value(m).filter(x -> !m.isOne()).ifPresent(x -> given.add(MarchenkoPastur.inputForm(m) + " = " + x));
    }
    return (offset.isZero() ? "" : "(" + offset + ") + ") + (k.equals("1") ? "" : k + " ") + "(psi(tau) - psi(0)), psi = "
        + observed + "; a unit w (R = |w|^2, A = w^T Sigma w) follows w' = -grad phi, phi = " + potential + ", from |w(0)|^2 = "
        + sigma + " spread evenly over the eigendirections of Sigma, whose spectrum has the Marchenko-Pastur law of ratio r = "
        + MarchenkoPastur.inputForm(ratio) + " and mean 1: alpha' = -2 phi_A, beta' = -2 phi_R, R = " + sigma
        + " e^(2 beta) M(2 alpha), A = " + sigma + " e^(2 beta) M'(2 alpha), M(u) = E[e^(u s)]"
        + (given.isEmpty() ? "" : " (" + String.join(", ", given) + ")");
  }

  /** The form in LaTeX: the observed difference, then the two equations of the flow. */
  public String latex() {
    String k = latex(Polynomial.term(Rational.ONE, multiplicity).substitute(values));
    String sigma = latex(Polynomial.term(Rational.ONE, scale).substitute(values));
    String r = latex(Polynomial.term(Rational.ONE, ratio).substitute(values));
    return (offset.isZero() ? "" : latex(offset.substitute(values)) + " + ") + (k.equals("1") ? "" : k + " ")
        + "\\bigl[\\psi(\\tau) - \\psi(0)\\bigr], \\quad \\psi = " + latex(observed) + ", \\quad \\phi = " + latex(potential)
        + ", \\quad \\dot\\alpha = -2\\,\\partial_A \\phi, \\quad \\dot\\beta = -2\\,\\partial_R \\phi, \\quad R = " + sigma
        + "\\, e^{2\\beta} M(2\\alpha), \\quad A = " + sigma + "\\, e^{2\\beta} M'(2\\alpha), \\quad "
        + "M(u) = \\int e^{u s}\\, d\\mu_{\\mathrm{MP}}(s), \\quad \\mu_{\\mathrm{MP}} \\text{ of ratio } " + r + " \\text{ and mean } 1";
  }

  /** A polynomial with rational coefficients in LaTeX, e.g. {@code -A + \frac{1}{2} R A}. */
  private static String latex(Polynomial q) {
    if (q.isZero()) {
      return "0";
    }
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<Monomial, Rational> t : q.terms().entrySet()) {
      Rational c = t.getValue();
      sb.append(sb.length() == 0 ? (c.signum() < 0 ? "-" : "") : (c.signum() < 0 ? " - " : " + "));
      c = c.abs();
      StringBuilder up = new StringBuilder();
      StringBuilder down = new StringBuilder();
      for (Map.Entry<Variable, Integer> pw : t.getKey().powers().entrySet()) {
        int e = pw.getValue();
        StringBuilder to = e > 0 ? up : down;
        to.append(to.length() == 0 ? "" : " ").append(pw.getKey().name()).append(Math.abs(e) == 1 ? "" : "^{" + Math.abs(e) + "}");
      }
      Rational num = Rational.of(c.numerator());
      boolean plain = down.length() == 0 && c.denominator().equals(BigInteger.ONE);
      if (plain) {
        sb.append(num.equals(Rational.ONE) && up.length() > 0 ? "" : num + (up.length() > 0 ? " " : "")).append(up);
      } else {
        sb.append("\\frac{").append(num.equals(Rational.ONE) && up.length() > 0 ? "" : num + (up.length() > 0 ? " " : ""))
            .append(up).append("}{").append(c.denominator().equals(BigInteger.ONE) ? "" : c.denominator() + " ")
            .append(down).append('}');
      }
    }
    return sb.toString().replace("{ ", "{").replace(" }", "}");
  }

  /** A constant's value as a number, when it has one. */
  public Optional<Rational> value(Monomial m) {
    return MarchenkoPastur.value(m, values);
  }

  private Polynomial valued(Polynomial p) {
    return p.substitute(values);
  }

  /**
   * The series of {@code R} and {@code A} from those of {@code alpha} and {@code beta} (the
   * length of {@code alpha}): {@code sigma e^(2 beta) sum_j M_(j+i) (2 alpha)^j / j!} for
   * {@code i = 0, 1}.
   */
  private static List<List<Polynomial>> moments(List<Polynomial> alpha, List<Polynomial> beta, Polynomial sigma,
      List<Polynomial> m) {
    int n = alpha.size();
    List<Polynomial> growth = exp(TauSeries.scaled(beta, Polynomial.constant(Rational.of(2))));
    List<List<Polynomial>> u = TauSeries.powers(TauSeries.scaled(alpha, Polynomial.constant(Rational.of(2))), n - 1);
    List<List<Polynomial>> out = new ArrayList<>();
    for (int i = 0; i <= 1; i++) {
      List<Polynomial> mgf = TauSeries.constant(Polynomial.ZERO, n);
      Rational factorial = Rational.ONE;
      for (int j = 0; j < n; j++) {
        factorial = j == 0 ? Rational.ONE : factorial.multiply(Rational.of(j));
        Polynomial weight = m.get(j + i).multiply(Rational.ONE.divide(factorial));
        List<Polynomial> term = TauSeries.scaled(u.get(j), weight);
        for (int d = 0; d < n; d++) {
          mgf.set(d, mgf.get(d).add(term.get(d)));
        }
      }
      out.add(TauSeries.scaled(TauSeries.times(growth, mgf), sigma));
    }
    return out;
  }

  /** {@code e^f} for a series with {@code f_0 = 0}: {@code g_n = (1/n) sum_(k=1..n) k f_k g_(n-k)}. */
  private static List<Polynomial> exp(List<Polynomial> f) {
    List<Polynomial> g = new ArrayList<>(List.of(Polynomial.ONE));
    for (int n = 1; n < f.size(); n++) {
      Polynomial.Builder b = new Polynomial.Builder();
      for (int k = 1; k <= n; k++) {
        b.add(f.get(k).multiply(g.get(n - k)), Rational.of(k, n));
      }
      g.add(b.build());
    }
    return g;
  }

  /** {@code q(R, A)} on the series of {@code R} and {@code A}. */
  static List<Polynomial> evaluate(Polynomial q, List<Polynomial> r, List<Polynomial> a) {
    int n = r.size();
    int degree = q.terms().keySet().stream().mapToInt(Monomial::degree).max().orElse(0);
    List<List<Polynomial>> rp = TauSeries.powers(r, degree);
    List<List<Polynomial>> ap = TauSeries.powers(a, degree);
    List<Polynomial> out = TauSeries.constant(Polynomial.ZERO, n);
    for (Map.Entry<Monomial, Rational> t : q.terms().entrySet()) {
      List<Polynomial> term = TauSeries.times(rp.get(t.getKey().exponent(R)), ap.get(t.getKey().exponent(A)));
      for (int d = 0; d < n; d++) {
        out.set(d, out.get(d).add(term.get(d).multiply(t.getValue())));
      }
    }
    return out;
  }

  /** The partial derivative of a polynomial in {@code x}. */
  public static Polynomial derivative(Polynomial q, Variable x) {
    return TauSeries.derivative(List.of(q), x).get(0);
  }
}
