package org.gfd.algebra;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The rank of an integer matrix and its determinantal divisor: the greatest common divisor
 * {@code d_r} of its {@code r x r} minors, {@code r} being its rank over the rationals.
 *
 * <p>Why both. Over the field {@code Z_q} ({@code q} prime) the rank of the matrix read modulo
 * {@code q} is {@code r} when {@code q} does not divide {@code d_r}, and less when it does (every
 * {@code r x r} minor then vanishes mod {@code q}, and larger minors vanish already). So
 * {@code d_r} names exactly the primes at which counting solutions with the rational rank goes
 * wrong.
 *
 * <p>Method. Unimodular row and column operations (swaps, adding an integer multiple of one row or
 * column to another) keep every {@code d_k}. They bring the matrix to diagonal form by the
 * Euclidean steps of the Smith normal form, without its divisibility fix-up: a diagonal matrix
 * with nonzero entries {@code a_1..a_r} has one nonzero {@code r x r} minor, so
 * {@code d_r = |a_1 ... a_r|}. Cost: polynomial in the size and entries; the matrices met (one row
 * per equation of a constant tensor in a network, one column per index class) are small. Exact,
 * with {@link BigInteger} entries. Immutable.
 *
 * @param rank the rank over the rationals
 * @param divisor {@code d_r}, positive ({@code 1} for the zero matrix)
 */
public record IntegerMatrix(int rank, BigInteger divisor) {
  /** The rank and determinantal divisor of {@code rows} (all of one length; not modified). */
  public static IntegerMatrix of(long[][] rows) {
    int m = rows.length;
    int n = m == 0 ? 0 : rows[0].length;
    List<BigInteger[]> a = new ArrayList<>();
    for (long[] row : rows) {
      if (row.length != n) {
        throw new IllegalArgumentException("rows of different lengths");
      }
      BigInteger[] r = new BigInteger[n];
      for (int j = 0; j < n; j++) {
        r[j] = BigInteger.valueOf(row[j]);
      }
      a.add(r);
    }
    int rank = 0;
    BigInteger divisor = BigInteger.ONE;
    for (int t = 0; t < Math.min(m, n); t++) {
      if (!pivotAt(a, t, n)) {
        break;
      }
      clearCross(a, t, n);
      rank++;
      divisor = divisor.multiply(a.get(t)[t].abs());
    }
    return new IntegerMatrix(rank, divisor);
  }

  /** Moves a nonzero entry of least absolute value in rows and columns {@code >= t} to {@code (t, t)}. */
  private static boolean pivotAt(List<BigInteger[]> a, int t, int n) {
    int bi = -1;
    int bj = -1;
    for (int i = t; i < a.size(); i++) {
      for (int j = t; j < n; j++) {
        BigInteger x = a.get(i)[j];
        if (x.signum() != 0 && (bi < 0 || x.abs().compareTo(a.get(bi)[bj].abs()) < 0)) {
          bi = i;
          bj = j;
        }
      }
    }
    if (bi < 0) {
      return false;
    }
    BigInteger[] row = a.get(bi);
    a.set(bi, a.get(t));
    a.set(t, row);
    for (BigInteger[] r : a) {
      BigInteger x = r[bj];
      r[bj] = r[t];
      r[t] = x;
    }
    return true;
  }

  /**
   * Zeroes row {@code t} and column {@code t} beyond the diagonal: each entry is reduced by the
   * pivot; a nonzero remainder is smaller than the pivot and becomes the new pivot, so this ends.
   */
  private static void clearCross(List<BigInteger[]> a, int t, int n) {
    while (true) {
      BigInteger pivot = a.get(t)[t];
      boolean remainder = false;
      for (int i = t + 1; i < a.size(); i++) {
        BigInteger[] r = a.get(i);
        BigInteger q = r[t].divide(pivot);
        if (q.signum() != 0) {
          for (int j = t; j < n; j++) {
            r[j] = r[j].subtract(q.multiply(a.get(t)[j]));
          }
        }
        remainder |= r[t].signum() != 0;
      }
      for (int j = t + 1; j < n; j++) {
        BigInteger q = a.get(t)[j].divide(pivot);
        if (q.signum() != 0) {
          for (BigInteger[] r : a.subList(t, a.size())) {
            r[j] = r[j].subtract(q.multiply(r[t]));
          }
        }
        remainder |= a.get(t)[j].signum() != 0;
      }
      if (!remainder) {
        return;
      }
      pivotAt(a, t, n);
    }
  }
}
