package org.gfd.dmft;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.gfd.algebra.Rational;

/**
 * The site function {@code f(theta) = sum_k c_k prod_q theta_q^(a_kq)}: a polynomial with exact
 * rational coefficients in the {@code d} trainable numbers {@code theta_1..theta_d} of one
 * coordinate (linear regression {@code f = w}; diagonal networks {@code f = u v},
 * {@code f = u^2 - v^2}). An immutable value; its evaluations write into arrays the caller owns.
 *
 * @param names the trainable species, one per number of the site, in order
 * @param terms the monomials with nonzero coefficients, none repeated
 */
public record SiteFunction(List<String> names, List<Term> terms) {
  /** One monomial {@code coefficient * prod_q theta_q^(powers[q])}. */
  public record Term(Rational coefficient, int[] powers) {
    public Term {
      Objects.requireNonNull(coefficient);
      powers = powers.clone();
    }

    /** The total degree. */
    public int degree() {
      int d = 0;
      for (int a : powers) {
        d += a;
      }
      return d;
    }
  }

  public SiteFunction {
    names = List.copyOf(names);
    terms = List.copyOf(terms);
    for (Term t : terms) {
      if (t.powers().length != names.size() || t.coefficient().isZero()) {
        throw new IllegalArgumentException("a term of f has " + t.powers().length + " powers for " + names.size()
            + " numbers, or a zero coefficient");
      }
    }
  }

  /** The number of trainable numbers per site. */
  public int dimension() {
    return names.size();
  }

  /** Whether {@code f} is affine, {@code f = c0 + sum_q c_q theta_q}: then the equations close in matrices. */
  public boolean affine() {
    return terms.stream().allMatch(t -> t.degree() <= 1);
  }

  /** {@code |grad f|^2} of an affine {@code f} (its constant gradient's squared norm). */
  public Rational affineRate() {
    if (!affine()) {
      throw new IllegalStateException("f is not affine");
    }
    Rational r = Rational.ZERO;
    for (Term t : terms) {
      if (t.degree() == 1) {
        r = r.add(t.coefficient().pow(2));
      }
    }
    return r;
  }

  /** The constant term {@code f(0)}. */
  public Rational constant() {
    return terms.stream().filter(t -> t.degree() == 0).map(Term::coefficient).findFirst().orElse(Rational.ZERO);
  }

  /** The coefficient of {@code theta_q} in an affine {@code f}. */
  public Rational linearCoefficient(int q) {
    for (Term t : terms) {
      if (t.degree() == 1 && t.powers()[q] == 1) {
        return t.coefficient();
      }
    }
    return Rational.ZERO;
  }

  /** A compiled form for fast evaluation in doubles. */
  public Compiled compile() {
    return new Compiled(this);
  }

  /** {@code f} written with the species' names: {@code u v}, {@code w}, {@code u^2 - v^2}. */
  @Override
  public String toString() {
    return write(false);
  }

  /** {@code f} in LaTeX, the numbers of the site written {@code name_i}. */
  public String latex() {
    return write(true);
  }

  private String write(boolean latex) {
    StringBuilder sb = new StringBuilder();
    for (Term t : terms) {
      Rational c = t.coefficient();
      boolean first = sb.length() == 0;
      sb.append(c.signum() < 0 ? (first ? "-" : " - ") : (first ? "" : " + "));
      Rational a = c.abs();
      List<String> factors = new ArrayList<>();
      for (int q = 0; q < names.size(); q++) {
        if (t.powers()[q] > 0) {
          String name = latex ? "\\mathrm{" + names.get(q) + "}_i" : names.get(q);
          factors.add(t.powers()[q] == 1 ? name : name + "^" + (latex ? "{" + t.powers()[q] + "}" : t.powers()[q]));
        }
      }
      if (!a.equals(Rational.ONE) || factors.isEmpty()) {
        String num = latex && !a.isInteger() ? "\\tfrac{" + a.numerator() + "}{" + a.denominator() + "}" : a.toString();
        factors.add(0, num);
      }
      sb.append(String.join(" ", factors));
    }
    return sb.length() == 0 ? "0" : sb.toString();
  }

  /**
   * {@code f}, its gradient and its Hessian in doubles, from flat arrays of coefficients and
   * powers. Not thread safe only in the sense that callers pass their own output arrays; the
   * value itself is immutable.
   */
  public static final class Compiled {
    private final int d;
    private final double[] coefficients;
    private final int[][] powers;

    private Compiled(SiteFunction f) {
      d = f.dimension();
      coefficients = new double[f.terms().size()];
      powers = new int[f.terms().size()][];
      for (int k = 0; k < coefficients.length; k++) {
        coefficients[k] = f.terms().get(k).coefficient().doubleValue();
        powers[k] = f.terms().get(k).powers().clone();
      }
    }

    /** {@code f(theta)}, theta read from {@code theta[offset .. offset + d)}. */
    public double value(double[] theta, int offset) {
      double s = 0;
      for (int k = 0; k < coefficients.length; k++) {
        double m = coefficients[k];
        for (int q = 0; q < d; q++) {
          m *= pow(theta[offset + q], powers[k][q]);
        }
        s += m;
      }
      return s;
    }

    /** Writes {@code grad f(theta)} to {@code out[at .. at + d)}. */
    public void gradient(double[] theta, int offset, double[] out, int at) {
      for (int q = 0; q < d; q++) {
        double s = 0;
        for (int k = 0; k < coefficients.length; k++) {
          int a = powers[k][q];
          if (a == 0) {
            continue;
          }
          double m = coefficients[k] * a * pow(theta[offset + q], a - 1);
          for (int r = 0; r < d; r++) {
            if (r != q) {
              m *= pow(theta[offset + r], powers[k][r]);
            }
          }
          s += m;
        }
        out[at + q] = s;
      }
    }

    /** Writes the Hessian of {@code f} at theta to {@code out[at + q * d + r]}. */
    public void hessian(double[] theta, int offset, double[] out, int at) {
      for (int q = 0; q < d; q++) {
        for (int r = 0; r < d; r++) {
          double s = 0;
          for (int k = 0; k < coefficients.length; k++) {
            // d/dtheta_r d/dtheta_q of c prod theta_j^a_j: c a_q (a_r - [q = r]) prod theta_j^(a_j - [j = q] - [j = r])
            int[] a = powers[k];
            double m = coefficients[k] * a[q] * (a[r] - (q == r ? 1 : 0));
            if (m == 0) {
              continue;
            }
            for (int j = 0; j < d; j++) {
              m *= pow(theta[offset + j], a[j] - (j == q ? 1 : 0) - (j == r ? 1 : 0));
            }
            s += m;
          }
          out[at + q * d + r] = s;
        }
      }
    }

    private static double pow(double x, int a) {
      double r = 1;
      for (int i = 0; i < a; i++) {
        r *= x;
      }
      return r;
    }
  }
}
