package org.gfd.summation;

import java.math.BigInteger;
import org.gfd.algebra.Rational;

/**
 * Arithmetic modulo a prime {@code p < 2^31} (so that products fit in a {@code long}): matrices,
 * determinants, truncated series, and polynomials in one variable given by their coefficients,
 * constant first (interpolation, greatest common divisors). For the rank-drop search of
 * {@link HyperbolicRational}, where exact rational determinants of polynomial matrices would swell.
 */
final class Mod {
  private Mod() {}

  static long inverse(long a, long p) {
    return BigInteger.valueOf(a).modInverse(BigInteger.valueOf(p)).longValue();
  }

  /** {@code x} modulo {@code p} in {@code 0..p-1}, or -1 when {@code p} divides its denominator. */
  static long residue(Rational x, long p) {
    BigInteger bp = BigInteger.valueOf(p);
    BigInteger den = x.denominator().mod(bp);
    if (den.signum() == 0) {
      return -1;
    }
    return x.numerator().mod(bp).multiply(den.modInverse(bp)).mod(bp).longValue();
  }

  /** r times m, an r-rows-by-n times n-by-c product. */
  static long[][] times(long[][] r, long[][] m, long p) {
    long[][] out = new long[r.length][m[0].length];
    for (int i = 0; i < r.length; i++) {
      for (int k = 0; k < m.length; k++) {
        if (r[i][k] != 0) {
          for (int j = 0; j < m[0].length; j++) {
            out[i][j] = (out[i][j] + r[i][k] * m[k][j]) % p;
          }
        }
      }
    }
    return out;
  }

  /** The determinant of a square matrix, by Gaussian elimination (the argument is overwritten). */
  static long det(long[][] a, long p) {
    int n = a.length;
    long det = 1;
    for (int k = 0; k < n; k++) {
      int pivot = k;
      while (pivot < n && a[pivot][k] == 0) {
        pivot++;
      }
      if (pivot == n) {
        return 0;
      }
      if (pivot != k) {
        long[] t = a[pivot];
        a[pivot] = a[k];
        a[k] = t;
        det = p - det;
      }
      det = det * a[k][k] % p;
      long inverse = inverse(a[k][k], p);
      for (int i = k + 1; i < n; i++) {
        long factor = a[i][k] * inverse % p;
        if (factor != 0) {
          for (int j = k; j < n; j++) {
            a[i][j] = ((a[i][j] - factor * a[k][j]) % p + p) % p;
          }
        }
      }
    }
    return det % p;
  }

  /** The truncated product of two series of equal length. */
  static long[] product(long[] x, long[] y, long p) {
    long[] out = new long[x.length];
    for (int j = 0; j < x.length; j++) {
      long sum = 0;
      for (int i = 0; i <= j; i++) {
        sum = (sum + x[i] * y[j - i]) % p;
      }
      out[j] = sum;
    }
    return out;
  }

  /** The truncated series x^a y^b. */
  static long[] power(long[] x, int a, long[] y, int b, long p) {
    long[] out = new long[x.length];
    out[0] = 1;
    for (int i = 0; i < a; i++) {
      out = product(out, x, p);
    }
    for (int i = 0; i < b; i++) {
      out = product(out, y, p);
    }
    return out;
  }

  /** The polynomial of degree below xs.length through the points (xs distinct), by Newton's divided differences. */
  static long[] interpolate(long[] xs, long[] ys, long p) {
    int n = xs.length;
    long[] d = ys.clone();
    for (int j = 1; j < n; j++) {
      for (int i = n - 1; i >= j; i--) {
        long num = ((d[i] - d[i - 1]) % p + p) % p;
        long den = ((xs[i] - xs[i - j]) % p + p) % p;
        d[i] = num * inverse(den, p) % p;
      }
    }
    // Horner on the Newton form: P = d0 + (x - x0)(d1 + (x - x1)(d2 + ...))
    long[] out = new long[n];
    for (int i = n - 1; i >= 0; i--) {
      long[] next = new long[n];
      for (int k = 0; k < n - 1; k++) { // out * (x - xs[i])
        next[k + 1] = (next[k + 1] + out[k]) % p;
        next[k] = ((next[k] - out[k] * (xs[i] % p)) % p + p) % p;
      }
      next[0] = (next[0] + d[i]) % p;
      out = next;
    }
    return out;
  }

  /** The degree of a polynomial, -1 for zero. */
  static int degree(long[] a) {
    int d = a.length - 1;
    while (d >= 0 && a[d] == 0) {
      d--;
    }
    return d;
  }

  /** The polynomial divided by its leading coefficient, trimmed to its degree. */
  static long[] monic(long[] a, long p) {
    int d = degree(a);
    long inverse = inverse(a[d], p);
    long[] out = new long[d + 1];
    for (int i = 0; i <= d; i++) {
      out[i] = a[i] * inverse % p;
    }
    return out;
  }

  /** The monic greatest common divisor (zero only when both are zero). */
  static long[] gcd(long[] a, long[] b, long p) {
    long[] x = a.clone();
    long[] y = b.clone();
    while (degree(y) >= 0) {
      long[] r = remainder(x, y, p);
      x = y;
      y = r;
    }
    return degree(x) < 0 ? x : monic(x, p);
  }

  private static long[] remainder(long[] a, long[] b, long p) {
    long[] r = a.clone();
    int db = degree(b);
    long inverse = inverse(b[db], p);
    for (int d = degree(r); d >= db; d = degree(r)) {
      long factor = r[d] * inverse % p;
      for (int i = 0; i <= db; i++) {
        r[d - db + i] = ((r[d - db + i] - factor * b[i]) % p + p) % p;
      }
      if (d == 0) {
        break;
      }
    }
    return r;
  }
}
