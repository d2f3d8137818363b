package org.gfd.summation;

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
 * The exact linear algebra of the strategies: matrices of polynomials in the ray constants, whose
 * null space over the rational functions of those constants gives a strategy's unknowns.
 * The rank over the rational functions is at least the rank at any rational point (a
 * specialization cannot raise it), so full rank at one point proves a trivial null space without
 * symbolic elimination, which in Symja can take minutes; Symja's {@code RowReduce} runs only for
 * the systems that lose rank at both points tried.
 */
final class ExactMatrix {
  /** Values given to the constants at the two points (in the constants' order, cycling). */
  private static final List<List<Rational>> POINTS = List.of(
      List.of(Rational.of(7, 13), Rational.of(11, 17), Rational.of(5, 19)),
      List.of(Rational.of(23, 29), Rational.of(3, 31), Rational.of(37, 41)));

  private final List<Polynomial[]> rows;
  private final int columns;

  ExactMatrix(List<Polynomial[]> rows, int columns) {
    this.rows = rows;
    this.columns = columns;
  }

  int rowCount() {
    return rows.size();
  }

  int columns() {
    return columns;
  }

  /** "RxC system". */
  String size() {
    return rows.size() + "x" + columns + " system";
  }

  /** The larger rank at the two points: a lower bound on the rank over the rational functions. */
  int rankAtPoints() {
    int best = 0;
    for (List<Rational> values : POINTS) {
      Map<Variable, Rational> point = new HashMap<>();
      for (Polynomial[] row : rows) {
        for (Polynomial p : row) {
          for (Monomial m : p.terms().keySet()) {
            for (Variable x : m.powers().keySet()) {
              point.computeIfAbsent(x, k -> values.get(point.size() % values.size()));
            }
          }
        }
      }
      List<Rational[]> numeric = new ArrayList<>();
      for (Polynomial[] row : rows) {
        Rational[] r = new Rational[columns];
        for (int j = 0; j < columns; j++) {
          Polynomial at = row[j].substitute(point);
          r[j] = at.isZero() ? Rational.ZERO : at.coefficient(Monomial.ONE);
        }
        numeric.add(r);
      }
      best = Math.max(best, rank(numeric, columns));
    }
    return best;
  }

  /**
   * A basis of the null space over the rational functions of the constants (from Symja's
   * {@code RowReduce}), each vector in input form; empty when the rank at a point is already full
   * (no call to Symja). Empty optional when Symja did not finish.
   */
  Optional<List<List<String>>> nullSpace(Symja symja, WorkBudget budget) {
    if (rankAtPoints() == columns) {
      return Optional.of(List.of());
    }
    List<String> r = new ArrayList<>();
    for (Polynomial[] row : rows) {
      List<String> entries = new ArrayList<>();
      for (Polynomial p : row) {
        entries.add(Summation.inputForm(p));
      }
      r.add("{" + String.join(", ", entries) + "}");
    }
    // Symja's NullSpace leaves some symbolic matrices unevaluated (a 7x7 of rank 6 in h did);
    // its RowReduce does not, and the null space is read off the reduced echelon form
    Optional<IExpr> reduced = symja.eval("RowReduce({" + String.join(", ", r) + "})", budget);
    if (reduced.isEmpty() || !reduced.get().isList()) {
      return Optional.empty();
    }
    IAST echelon = (IAST) reduced.get();
    int[] pivotOfRow = new int[echelon.argSize()];
    boolean[] pivot = new boolean[columns];
    for (int i = 0; i < echelon.argSize(); i++) {
      pivotOfRow[i] = -1;
      IExpr row = echelon.get(i + 1);
      if (!row.isList() || ((IAST) row).argSize() != columns) {
        return Optional.empty();
      }
      for (int j = 0; j < columns; j++) {
        if (!((IAST) row).get(j + 1).isZero()) {
          pivotOfRow[i] = j;
          pivot[j] = true;
          break;
        }
      }
    }
    List<List<String>> basis = new ArrayList<>();
    for (int free = 0; free < columns; free++) {
      if (pivot[free]) {
        continue;
      }
      String[] vector = new String[columns];
      java.util.Arrays.fill(vector, "0");
      vector[free] = "1";
      for (int i = 0; i < pivotOfRow.length; i++) {
        if (pivotOfRow[i] >= 0) {
          vector[pivotOfRow[i]] = "-(" + ((IAST) echelon.get(i + 1)).get(free + 1) + ")";
        }
      }
      basis.add(List.of(vector));
    }
    return Optional.of(basis);
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
}
