package org.gfd.summation;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gfd.algebra.Monomial;
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
 * linear system of those equations (Symja {@code NullSpace} over the rational functions of the
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
  public Proposal propose(List<Polynomial> coefficients, Symja symja, WorkBudget budget) {
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
        // the rank over the rational functions is at least the rank at any point: full rank at a
        // point proves there is no solution, exactly and without symbolic elimination
        int pointRank = Math.max(rankAt(coefficients, from, d, POINTS.get(0)), rankAt(coefficients, from, d, POINTS.get(1)));
        if (pointRank == unknowns) {
          account.add(what + ": " + equations + "x" + unknowns + " system, rank " + unknowns + ", no solution");
          continue;
        }
        Optional<IExpr> kernel = symja.eval("NullSpace(" + matrix(c, from, d) + ")", budget);
        if (kernel.isEmpty() || !kernel.get().isList()) {
          account.add(what + ": Symja did not finish the null space of the " + equations + "x" + unknowns + " system");
          continue;
        }
        int dim = ((IAST) kernel.get()).argSize();
        String size = equations + "x" + unknowns + " system, rank " + (unknowns - dim);
        if (dim != 1) {
          account.add(what + ": " + size + (dim == 0 ? ", no solution" : ", " + dim + " solutions"));
          continue;
        }
        IAST v = (IAST) ((IAST) kernel.get()).get(1);
        List<String> q = new ArrayList<>();
        List<String> p = new ArrayList<>();
        for (int j = 0; j <= d; j++) {
          q.add(v.get(1 + j).toString());
          p.add(v.get(2 + d + j).toString());
        }
        String pList = "{" + String.join(", ", p) + "}";
        String qList = "{" + String.join(", ", q) + "}";
        // Q(s) = 0 at an order of the recurrence leaves a_(s+1) undetermined (P and Q then share a
        // factor that only fits the equations, as s P(s) / s Q(s) would from order 0)
        Optional<IExpr> qZero = symja.eval("Module({gfdK, gfdQ}, gfdQ = Expand(" + qList + " . Table(gfdK^i, {i, 0, " + d + "})); "
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

  /** Two points of the ray constants' space where the rank of a system is also taken (any values serve). */
  private static final List<Rational> POINT_VALUES = List.of(Rational.of(7, 13), Rational.of(11, 17), Rational.of(5, 19),
      Rational.of(23, 29), Rational.of(3, 31), Rational.of(37, 41));
  private static final List<List<Rational>> POINTS = List.of(POINT_VALUES.subList(0, 3), POINT_VALUES.subList(3, 6));

  /**
   * The rank of the system of {@link #matrix} with every variable of the coefficients given a
   * value from {@code values} (in the variables' order, cycling), by exact elimination.
   */
  static int rankAt(List<Polynomial> c, int from, int d, List<Rational> values) {
    Map<Variable, Rational> point = new HashMap<>();
    for (Polynomial poly : c) {
      for (Monomial mono : poly.terms().keySet()) {
        for (Variable x : mono.powers().keySet()) {
          point.computeIfAbsent(x, k -> values.get(point.size() % values.size()));
        }
      }
    }
    List<Rational> a = new ArrayList<>();
    Rational factorial = Rational.ONE;
    for (int s = 0; s < c.size(); s++) {
      factorial = s == 0 ? Rational.ONE : factorial.multiply(Rational.of(s));
      Polynomial at = c.get(s).substitute(point);
      a.add((at.isZero() ? Rational.ZERO : at.coefficient(Monomial.ONE)).divide(factorial));
    }
    List<Rational[]> rows = new ArrayList<>();
    for (int s = from; s + 1 < c.size(); s++) {
      Rational[] row = new Rational[2 * (d + 1)];
      Rational power = Rational.ONE;
      for (int j = 0; j <= d; j++) {
        row[j] = a.get(s + 1).multiply(power);
        row[d + 1 + j] = a.get(s).multiply(power).negate();
        power = power.multiply(Rational.of(s));
      }
      rows.add(row);
    }
    return rank(rows, 2 * (d + 1));
  }

  /** The rank of a matrix of rationals, by Gaussian elimination (rows are overwritten). */
  static int rank(List<Rational[]> rows, int columns) {
    int rank = 0;
    for (int col = 0; col < columns && rank < rows.size(); col++) {
      int pivot = -1;
      for (int r = rank; r < rows.size(); r++) {
        if (rows.get(r)[col].signum() != 0) {
          pivot = r;
          break;
        }
      }
      if (pivot < 0) {
        continue;
      }
      Rational[] p = rows.get(pivot);
      rows.set(pivot, rows.get(rank));
      rows.set(rank, p);
      for (int r = rank + 1; r < rows.size(); r++) {
        Rational[] row = rows.get(r);
        if (row[col].signum() == 0) {
          continue;
        }
        Rational f = row[col].divide(p[col]);
        for (int k = col; k < columns; k++) {
          row[k] = row[k].subtract(f.multiply(p[k]));
        }
      }
      rank++;
    }
    return rank;
  }

  /** {@code a_s = c_s / s!} in input form. */
  private static String term(List<String> c, int s) {
    return "(" + c.get(s) + ")/" + s + "!";
  }

  /** Rows {@code s = from..m-1}: {@code a_(s+1) s^j} for the {@code Q} unknowns, {@code -a_s s^i} for the {@code P} ones. */
  private static String matrix(List<String> c, int from, int d) {
    List<String> rows = new ArrayList<>();
    for (int s = from; s + 1 < c.size(); s++) {
      List<String> row = new ArrayList<>();
      for (int j = 0; j <= d; j++) {
        row.add(term(c, s + 1) + "*" + BigInteger.valueOf(s).pow(j));
      }
      for (int i = 0; i <= d; i++) {
        row.add("-" + term(c, s) + "*" + BigInteger.valueOf(s).pow(i));
      }
      rows.add("{" + String.join(", ", row) + "}");
    }
    return "{" + String.join(", ", rows) + "}";
  }
}
