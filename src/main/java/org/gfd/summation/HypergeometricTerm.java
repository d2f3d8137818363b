package org.gfd.summation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gfd.algebra.Polynomial;
import org.gfd.algebra.Rational;
import org.gfd.algebra.Variable;
import org.gfd.network.WorkBudget;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;

/**
 * The series is a hypergeometric term: with {@code a_s = c_s / s!} (the Taylor coefficients of
 * {@code F}), {@code a_(s+1) Q(s) = a_s P(s)} for polynomials {@code P, Q} in {@code s} of degree at
 * most {@value #MAX_DEGREE}, whose coefficients may depend on the ray constants. For each degree
 * {@code d} the unknown coefficients of {@code P} and {@code Q} are the null space of the exact
 * linear system of those equations ({@link ExactMatrix}, over the rational functions of the
 * ray constants), asked only when there are at least as many equations as unknowns, so that a
 * solution is a property of the data and not of the count; a null space of dimension one gives
 * the ratio. Then {@code F = a_0 pFq(alpha; beta; lead tau)} with {@code -alpha}, {@code -beta} the
 * roots of {@code P}, {@code Q} and {@code lead} the ratio of their leading coefficients,
 * simplified by Symja ({@code FunctionExpand}: exponentials, powers {@code (1 + k tau)^r}, logs).
 * The ratio may also hold only from order 1 on (a constant term apart, as a loss floor gives): the
 * term is then extended back to order 0 and the difference added as a constant.
 */
final class HypergeometricTerm implements Strategy {
  /** The highest degree of {@code P} and {@code Q} tried. */
  static final int MAX_DEGREE = 2;

  @Override
  public String name() {
    return "hypergeometric term";
  }

  @Override
  public Proposal propose(List<Polynomial> coefficients, List<Polynomial> general, Map<Variable, Rational> values, Symja symja,
      WorkBudget budget) {
    List<String> c = coefficients.stream().map(Summation::inputForm).toList();
    int m = c.size() - 1;
    List<String> account = new ArrayList<>();
    for (int d = 0; d <= MAX_DEGREE; d++) {
      for (int from = 0; from <= 1; from++) {
        int unknowns = 2 * (d + 1);
        int equations = m - from;
        String what = "ratio of degree " + d + " from order " + from;
        if (equations < unknowns) {
          account.add(what + ": " + unknowns + " unknowns, only " + Math.max(equations, 0) + " equations");
          continue;
        }
        ExactMatrix matrix = matrix(coefficients, from, d);
        Optional<List<List<String>>> kernel = matrix.nullSpace(symja, budget);
        if (kernel.isEmpty()) {
          account.add(what + ": Symja did not finish the null space of the " + matrix.size());
          continue;
        }
        int dim = kernel.get().size();
        String size = matrix.size() + ", rank " + (unknowns - dim);
        if (dim != 1) {
          account.add(what + ": " + size + (dim == 0 ? ", no solution" : ", " + dim + " solutions"));
          continue;
        }
        List<String> v = kernel.get().get(0);
        List<String> q = new ArrayList<>();
        List<String> p = new ArrayList<>();
        for (int j = 0; j <= d; j++) {
          q.add(v.get(j));
          p.add(v.get(d + 1 + j));
        }
        String pList = "{" + String.join(", ", p) + "}";
        String qList = "{" + String.join(", ", q) + "}";
        // Q(s) = 0 at an order of the recurrence leaves a_(s+1) undetermined (P and Q then share a
        // factor that only fits the equations, as s P(s) / s Q(s) would from order 0)
        Optional<IExpr> qZero = symja.eval("Module({gfdK, gfdQ}, gfdQ = Expand(" + qList + " . Table(gfdK^gfdI, {gfdI, 0, " + d + "})); "
            + "Select(Range(" + from + ", " + (m - 1) + "), Function(gfdS, gfdZeroQ(gfdQ /. gfdK -> gfdS))))", budget);
        if (qZero.isEmpty() || !qZero.get().isList() || ((IAST) qZero.get()).argSize() > 0) {
          account.add(what + ": " + size + ", but Q(s) vanishes at order " + qZero.map(Object::toString).orElse("?")
              + ": the recurrence does not determine the series there");
          continue;
        }
        String sum;
        if (from == 0) {
          sum = "gfdRatioSum(" + pList + ", " + qList + ", " + term(c, 0) + ", tau)";
        } else {
          // extend the term back to order 0: a'_0 = a_1 Q(0) / P(0), when P(0) is not zero
          Optional<IExpr> p0zero = symja.eval("gfdZeroQ(" + p.get(0) + ")", budget);
          if (p0zero.isEmpty() || p0zero.get().isTrue()) {
            account.add(what + ": " + size + ", but P(0) = 0: the term does not extend to order 0");
            continue;
          }
          String back = "((" + term(c, 1) + ") * (" + q.get(0) + ") / (" + p.get(0) + "))";
          sum = "(" + term(c, 0) + ") - " + back + " + gfdRatioSum(" + pList + ", " + qList + ", " + back + ", tau)";
        }
        Optional<IExpr> f = symja.eval("Simplify(" + sum + ")", budget);
        if (f.isEmpty() || f.get().toString().contains("$Failed")) {
          account.add(what + ": " + size + ", P = " + pList + ", Q = " + qList + " (constant first), but their roots were not found");
          continue;
        }
        account.add(what + ": " + size + ", P = " + pList + ", Q = " + qList + " (constant first)");
        return Proposal.found(f.get().toString(), String.join("; ", account));
      }
    }
    return Proposal.none(String.join("; ", account));
  }

  /** {@code a_s = c_s / s!} in input form. */
  private static String term(List<String> c, int s) {
    return "(" + c.get(s) + ")/" + s + "!";
  }

  /** Rows {@code s = from..m-1}: {@code a_(s+1) s^j} for the {@code Q} unknowns, {@code -a_s s^i} for the {@code P} ones. */
  private static ExactMatrix matrix(List<Polynomial> c, int from, int d) {
    List<Polynomial> a = Summation.taylor(c);
    List<Polynomial[]> rows = new ArrayList<>();
    for (int s = from; s + 1 < c.size(); s++) {
      Polynomial[] row = new Polynomial[2 * (d + 1)];
      Rational power = Rational.ONE;
      for (int j = 0; j <= d; j++) {
        row[j] = a.get(s + 1).multiply(power);
        row[d + 1 + j] = a.get(s).multiply(power.negate());
        power = power.multiply(Rational.of(s));
      }
      rows.add(row);
    }
    return new ExactMatrix(rows, 2 * (d + 1));
  }
}
