package org.gfd.summation;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.gfd.algebra.Rational;

/**
 * The null space over the rationals of a matrix of rationals, by elimination modulo primes: the
 * dimension from the first prime (a rank modulo a prime never exceeds the rank over the
 * rationals, and equals it for all but finitely many primes, so full rank modulo one prime proves a
 * trivial null space), and, when that dimension is one, the null vector by Chinese remaindering
 * over further primes and rational reconstruction, accepted only when it satisfies every row
 * exactly. Cost: {@code O(rows * columns^2)} word operations per prime; no growth of numbers
 * during elimination.
 *
 * <p>Primes whose pivot columns differ from the first prime's are unlucky and skipped.
 */
final class ModularKernel {
  /** At most this many primes are used for one null vector. */
  static final int MAX_PRIMES = 60;
  static final long FIRST_PRIME = 2147483629L; // the largest prime below 2^31

  /** The dimension of the null space (modulo the first prime) and, when it is one, the exact null vector. */
  record Kernel(int dimension, Optional<Rational[]> vector) {}

  private ModularKernel() {}

  static Kernel of(List<Rational[]> rows, int columns) {
    List<BigInteger[]> integer = integerRows(rows, columns);
    long p = FIRST_PRIME;
    Echelon first = Echelon.of(integer, columns, p);
    int dimension = columns - first.pivots.length;
    if (dimension != 1) {
      return new Kernel(dimension, Optional.empty());
    }
    BigInteger modulus = BigInteger.valueOf(p);
    BigInteger[] residues = first.nullVector();
    Rational[] previous = null;
    for (int used = 1; used < MAX_PRIMES; ) {
      Optional<Rational[]> candidate = reconstruct(residues, modulus);
      if (candidate.isPresent() && Arrays.equals(candidate.get(), previous) && satisfies(integer, candidate.get())) {
        return new Kernel(1, candidate);
      }
      previous = candidate.orElse(null);
      p = previousPrime(p);
      Echelon e = Echelon.of(integer, columns, p);
      if (!Arrays.equals(e.pivots, first.pivots)) {
        continue;
      }
      used++;
      combine(residues, modulus, e.nullVector(), p);
      modulus = modulus.multiply(BigInteger.valueOf(p));
    }
    return new Kernel(1, Optional.empty());
  }

  /**
   * Indices of rows that are linearly independent over the rationals, the first such in order, as
   * many as the rank modulo the first prime (independent modulo a prime implies independent over
   * the rationals): the pivot columns of the transposed matrix.
   */
  static List<Integer> independentRows(List<Rational[]> rows, int columns) {
    List<BigInteger[]> integer = integerRows(rows, columns);
    List<BigInteger[]> transposed = new ArrayList<>();
    for (int j = 0; j < columns; j++) {
      BigInteger[] column = new BigInteger[integer.size()];
      for (int i = 0; i < integer.size(); i++) {
        column[i] = integer.get(i)[j];
      }
      transposed.add(column);
    }
    return Arrays.stream(Echelon.of(transposed, integer.size(), FIRST_PRIME).pivots).boxed().toList();
  }

  /** Each row times the least common multiple of its denominators (rows keep their span and independence). */
  private static List<BigInteger[]> integerRows(List<Rational[]> rows, int columns) {
    List<BigInteger[]> integer = new ArrayList<>();
    for (Rational[] row : rows) {
      BigInteger lcm = BigInteger.ONE;
      for (Rational r : row) {
        lcm = lcm.divide(lcm.gcd(r.denominator())).multiply(r.denominator());
      }
      BigInteger[] out = new BigInteger[columns];
      for (int j = 0; j < columns; j++) {
        out[j] = row[j].numerator().multiply(lcm.divide(row[j].denominator()));
      }
      integer.add(out);
    }
    return integer;
  }

  static long previousPrime(long p) {
    long q = p - 2;
    while (!BigInteger.valueOf(q).isProbablePrime(64)) {
      q -= 2;
    }
    return q;
  }

  private static boolean satisfies(List<BigInteger[]> rows, Rational[] v) {
    for (BigInteger[] row : rows) {
      Rational sum = Rational.ZERO;
      for (int j = 0; j < v.length; j++) {
        if (row[j].signum() != 0 && v[j].signum() != 0) {
          sum = sum.add(v[j].multiply(row[j]));
        }
      }
      if (sum.signum() != 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * The Chinese remainder step, in place: {@code residues} modulo {@code modulus} and {@code next}
   * modulo the prime {@code p} become residues modulo {@code modulus * p}.
   */
  static void combine(BigInteger[] residues, BigInteger modulus, BigInteger[] next, long p) {
    BigInteger bp = BigInteger.valueOf(p);
    BigInteger inverse = modulus.modInverse(bp);
    for (int j = 0; j < residues.length; j++) {
      // x = r mod M, x = s mod p: x = r + M ((s - r) M^-1 mod p)
      BigInteger t = next[j].subtract(residues[j]).multiply(inverse).mod(bp);
      residues[j] = residues[j].add(modulus.multiply(t));
    }
  }

  /** Each residue as a rational {@code a/b} with {@code |a|, b <= sqrt(M/2)} (Wang's method), when all exist. */
  static Optional<Rational[]> reconstruct(BigInteger[] residues, BigInteger modulus) {
    BigInteger bound = modulus.shiftRight(1).sqrt();
    Rational[] out = new Rational[residues.length];
    for (int j = 0; j < residues.length; j++) {
      BigInteger r0 = modulus;
      BigInteger r1 = residues[j].mod(modulus);
      BigInteger t0 = BigInteger.ZERO;
      BigInteger t1 = BigInteger.ONE;
      while (r1.compareTo(bound) > 0) {
        BigInteger q = r0.divide(r1);
        BigInteger r2 = r0.subtract(q.multiply(r1));
        BigInteger t2 = t0.subtract(q.multiply(t1));
        r0 = r1;
        r1 = r2;
        t0 = t1;
        t1 = t2;
      }
      if (t1.signum() == 0 || t1.abs().compareTo(bound) > 0 || !r1.gcd(t1).equals(BigInteger.ONE)) {
        return Optional.empty();
      }
      out[j] = Rational.of(r1, t1);
    }
    return Optional.of(out);
  }

  /** A reduced row echelon form modulo a prime below 2^31. */
  private static final class Echelon {
    final long p;
    final long[][] rows;
    final int[] pivots;
    final int columns;

    private Echelon(long p, long[][] rows, int[] pivots, int columns) {
      this.p = p;
      this.rows = rows;
      this.pivots = pivots;
      this.columns = columns;
    }

    static Echelon of(List<BigInteger[]> integer, int columns, long p) {
      BigInteger bp = BigInteger.valueOf(p);
      long[][] m = new long[integer.size()][];
      for (int i = 0; i < m.length; i++) {
        m[i] = new long[columns];
        for (int j = 0; j < columns; j++) {
          m[i][j] = integer.get(i)[j].mod(bp).longValue();
        }
      }
      List<Integer> pivots = new ArrayList<>();
      int rank = 0;
      for (int col = 0; col < columns && rank < m.length; col++) {
        int pivot = -1;
        for (int r = rank; r < m.length; r++) {
          if (m[r][col] != 0) {
            pivot = r;
            break;
          }
        }
        if (pivot < 0) {
          continue;
        }
        long[] t = m[pivot];
        m[pivot] = m[rank];
        m[rank] = t;
        long inv = Mod.inverse(t[col], p);
        for (int k = col; k < columns; k++) {
          t[k] = t[k] * inv % p;
        }
        for (int r = 0; r < m.length; r++) {
          long f = m[r][col];
          if (r == rank || f == 0) {
            continue;
          }
          long[] row = m[r];
          for (int k = col; k < columns; k++) {
            if (t[k] != 0) {
              row[k] = Math.floorMod(row[k] - f * t[k] % p, p);
            }
          }
        }
        pivots.add(col);
        rank++;
      }
      return new Echelon(p, m, pivots.stream().mapToInt(Integer::intValue).toArray(), columns);
    }

    /** The null vector with its (only) free column set to one; for a null space of dimension one. */
    BigInteger[] nullVector() {
      boolean[] isPivot = new boolean[columns];
      for (int c : pivots) {
        isPivot[c] = true;
      }
      int free = 0;
      while (isPivot[free]) {
        free++;
      }
      BigInteger[] v = new BigInteger[columns];
      Arrays.fill(v, BigInteger.ZERO);
      v[free] = BigInteger.ONE;
      for (int i = 0; i < pivots.length; i++) {
        v[pivots[i]] = BigInteger.valueOf(Math.floorMod(-rows[i][free], p));
      }
      return v;
    }
  }
}
