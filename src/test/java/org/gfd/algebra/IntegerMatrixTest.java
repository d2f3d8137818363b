package org.gfd.algebra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link IntegerMatrix} against its definition, computed separately: the rank as the largest
 * size of a nonzero minor, the divisor as the gcd of all minors of that size (every minor by
 * cofactor expansion), and the rank modulo small primes by Gaussian elimination over Z_q.
 */
class IntegerMatrixTest {
  @Test
  void rankAndDivisorAreThoseOfTheMinors() {
    Random random = new Random(20261125L);
    for (int trial = 0; trial < 400; trial++) {
      int m = 1 + random.nextInt(4);
      int n = 1 + random.nextInt(5);
      long[][] a = new long[m][n];
      for (long[] row : a) {
        for (int j = 0; j < n; j++) {
          // small entries, zeros common: like the equations of networks of constant tensors
          row[j] = random.nextInt(3) == 0 ? 0 : random.nextInt(7) - 3;
        }
      }
      int rank = 0;
      BigInteger divisor = BigInteger.ONE;
      for (int k = Math.min(m, n); k >= 1; k--) {
        BigInteger g = gcdOfMinors(a, k, 0, new int[k], 0, new int[k]);
        if (g.signum() != 0) {
          rank = k;
          divisor = g;
          break;
        }
      }
      IntegerMatrix result = IntegerMatrix.of(a);
      assertEquals(rank, result.rank(), () -> Arrays.deepToString(a));
      assertEquals(divisor, result.divisor(), () -> Arrays.deepToString(a));
      for (int q : new int[] {2, 3, 5, 7}) {
        // the rank over Z_q drops exactly at the primes dividing the divisor
        int rankQ = rankModulo(a, q);
        boolean divides = divisor.mod(BigInteger.valueOf(q)).signum() == 0;
        assertTrue(rankQ <= rank);
        assertEquals(!divides, rankQ == rank, () -> "q=" + q + " " + Arrays.deepToString(a));
      }
    }
  }

  /** The gcd of the k x k minors with rows chosen from {@code rowFrom} on and columns likewise. */
  private static BigInteger gcdOfMinors(long[][] a, int k, int rowFrom, int[] rows, int chosen, int[] cols) {
    if (chosen == k) {
      return gcdOverColumns(a, k, rows, 0, cols, 0);
    }
    BigInteger g = BigInteger.ZERO;
    for (int i = rowFrom; i < a.length; i++) {
      rows[chosen] = i;
      g = g.gcd(gcdOfMinors(a, k, i + 1, rows, chosen + 1, cols));
    }
    return g;
  }

  private static BigInteger gcdOverColumns(long[][] a, int k, int[] rows, int colFrom, int[] cols, int chosen) {
    if (chosen == k) {
      long[][] sub = new long[k][k];
      for (int i = 0; i < k; i++) {
        for (int j = 0; j < k; j++) {
          sub[i][j] = a[rows[i]][cols[j]];
        }
      }
      return determinant(sub).abs();
    }
    BigInteger g = BigInteger.ZERO;
    for (int j = colFrom; j < a[0].length; j++) {
      cols[chosen] = j;
      g = g.gcd(gcdOverColumns(a, k, rows, j + 1, cols, chosen + 1));
    }
    return g;
  }

  /** Cofactor expansion along the first row. */
  private static BigInteger determinant(long[][] a) {
    int k = a.length;
    if (k == 1) {
      return BigInteger.valueOf(a[0][0]);
    }
    BigInteger det = BigInteger.ZERO;
    for (int j = 0; j < k; j++) {
      long[][] minor = new long[k - 1][k - 1];
      for (int i = 1; i < k; i++) {
        for (int c = 0, d = 0; c < k; c++) {
          if (c != j) {
            minor[i - 1][d++] = a[i][c];
          }
        }
      }
      BigInteger term = BigInteger.valueOf(a[0][j]).multiply(determinant(minor));
      det = j % 2 == 0 ? det.add(term) : det.subtract(term);
    }
    return det;
  }

  /** The rank over Z_q by Gaussian elimination. */
  private static int rankModulo(long[][] a, int q) {
    int m = a.length;
    int n = a[0].length;
    long[][] b = new long[m][n];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        b[i][j] = Math.floorMod(a[i][j], q);
      }
    }
    int rank = 0;
    for (int col = 0; col < n && rank < m; col++) {
      int pivot = -1;
      for (int i = rank; i < m; i++) {
        if (b[i][col] != 0) {
          pivot = i;
          break;
        }
      }
      if (pivot < 0) {
        continue;
      }
      long[] t = b[pivot];
      b[pivot] = b[rank];
      b[rank] = t;
      long inverse = BigInteger.valueOf(b[rank][col]).modInverse(BigInteger.valueOf(q)).longValue();
      for (int i = 0; i < m; i++) {
        if (i != rank && b[i][col] != 0) {
          long f = b[i][col] * inverse % q;
          for (int j = 0; j < n; j++) {
            b[i][j] = Math.floorMod(b[i][j] - f * b[rank][j], q);
          }
        }
      }
      rank++;
    }
    return rank;
  }
}
