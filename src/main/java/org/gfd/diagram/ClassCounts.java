package org.gfd.diagram;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A polynomial with nonnegative integer coefficients in one variable per index kind,
 * {@code sum_j a_j prod_k x_k^(e_jk)}: the Wick memo's values, where {@code a_j} counts the matchings
 * that leave {@code e_jk} classes of kind {@code k}. Stored compactly, because the memo holds
 * hundreds of thousands of them: each exponent vector is packed into one {@code long}
 * ({@link Packing}), and the coefficients are {@code long}s until one would overflow, then
 * {@link BigInteger}s (exact either way). With constant tensors the exponents are those of
 * {@link org.gfd.network.ContractedValue} (classes less ranks), and a {@link #divisor} names the
 * prime sizes at which they are wrong. Immutable.
 */
final class ClassCounts {
  static final ClassCounts ONE = new ClassCounts(new long[] {0}, new long[] {1}, null, BigInteger.ONE);

  /** Sorted, distinct packed exponent vectors. */
  private final long[] keys;
  /** The coefficients, when all fit in a {@code long}; else null. */
  private final long[] small;
  /** The coefficients, when some do not fit in a {@code long}; else null. */
  private final BigInteger[] big;
  /** Sizes of constrained kinds that are primes dividing this are where the counts are wrong. */
  private final BigInteger divisor;

  private ClassCounts(long[] keys, long[] small, BigInteger[] big, BigInteger divisor) {
    this.keys = keys;
    this.small = small;
    this.big = big;
    this.divisor = divisor;
  }

  /** One fully contracted network of value {@code x^key}, valid for prime sizes not dividing {@code divisor}. */
  static ClassCounts single(long key, BigInteger divisor) {
    return new ClassCounts(new long[] {key}, new long[] {1}, null, divisor);
  }

  /**
   * A positive integer: at a prime size of a constrained kind that divides it, some of the counted
   * networks have another value ({@link org.gfd.network.ContractedValue}); 1 without constant tensors.
   */
  BigInteger divisor() {
    return divisor;
  }

  int size() {
    return keys.length;
  }

  long key(int i) {
    return keys[i];
  }

  BigInteger coefficient(int i) {
    return small != null ? BigInteger.valueOf(small[i]) : big[i];
  }

  /**
   * Exponent vectors packed into a {@code long}: {@code 64 / kinds} bits per kind (at most 32),
   * so packed vectors add like the monomials they stand for while no exponent exceeds {@link #max}.
   */
  record Packing(int kinds, int bits) {
    static Packing of(int kinds) {
      return new Packing(kinds, Math.min(32, 64 / Math.max(1, kinds)));
    }

    /** The largest exponent a field holds. */
    long max() {
      return (1L << bits) - 1;
    }

    /** The packed vector of {@code exponents} (one per kind, each {@code 0..max}). */
    long pack(int[] exponents) {
      long key = 0;
      for (int k = 0; k < kinds; k++) {
        key |= (long) exponents[k] << (k * bits);
      }
      return key;
    }

    /** The exponent of kind {@code k} in {@code key}. */
    int exponent(long key, int k) {
      return (int) ((key >>> (k * bits)) & max());
    }
  }

  /** A mutable sum of {@code multiplier * x^offset * counts} terms; not thread-safe. */
  static final class Accumulator {
    private long[] keys = new long[64];
    private long[] values = new long[64];
    private boolean[] used = new boolean[64];
    private int count;
    /** The exact sums once a {@code long} sum overflowed (then the table above is unused). */
    private Map<Long, BigInteger> exact;
    /** The least common multiple of the divisors of the counts added. */
    private BigInteger divisor = BigInteger.ONE;

    /** Adds {@code multiplier * x^offset * counts}; {@code multiplier > 0}. */
    void add(ClassCounts counts, long multiplier, long offset) {
      divisor = lcm(divisor, counts.divisor);
      for (int i = 0; i < counts.keys.length; i++) {
        long key = counts.keys[i] + offset;
        if (exact == null && counts.small != null) {
          try {
            addSmall(key, Math.multiplyExact(counts.small[i], multiplier));
            continue;
          } catch (ArithmeticException overflow) {
            goExact();
          }
        }
        if (exact == null) {
          goExact();
        }
        exact.merge(key, counts.coefficient(i).multiply(BigInteger.valueOf(multiplier)), BigInteger::add);
      }
    }

    private void addSmall(long key, long value) {
      if (2 * (count + 1) > keys.length) {
        grow();
      }
      int mask = keys.length - 1;
      int i = slot(key, mask);
      while (used[i] && keys[i] != key) {
        i = (i + 1) & mask;
      }
      if (used[i]) {
        values[i] = Math.addExact(values[i], value); // may throw: the caller then goes exact
      } else {
        used[i] = true;
        keys[i] = key;
        values[i] = value;
        count++;
      }
    }

    /** The first slot to probe for {@code key}. */
    private static int slot(long key, int mask) {
      return (int) (key ^ (key >>> 29) ^ (key >>> 47)) * 0x9E3779B1 >>> 7 & mask;
    }

    private void grow() {
      long[] oldKeys = keys;
      long[] oldValues = values;
      boolean[] oldUsed = used;
      keys = new long[oldKeys.length * 2];
      values = new long[oldKeys.length * 2];
      used = new boolean[oldKeys.length * 2];
      count = 0;
      for (int i = 0; i < oldKeys.length; i++) {
        if (oldUsed[i]) {
          addSmall(oldKeys[i], oldValues[i]);
        }
      }
    }

    /** Moves the {@code long} table into exact sums. */
    private void goExact() {
      exact = new HashMap<>();
      for (int i = 0; i < keys.length; i++) {
        if (used[i]) {
          exact.put(keys[i], BigInteger.valueOf(values[i]));
        }
      }
    }

    ClassCounts build() {
      if (exact == null) {
        long[] k = new long[count];
        int j = 0;
        for (int i = 0; i < keys.length; i++) {
          if (used[i]) {
            k[j++] = keys[i];
          }
        }
        Arrays.sort(k);
        long[] v = new long[count];
        for (int i = 0; i < count; i++) {
          v[i] = valueOf(k[i]);
        }
        return new ClassCounts(k, v, null, divisor);
      }
      long[] k = exact.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
      BigInteger[] v = new BigInteger[k.length];
      for (int i = 0; i < k.length; i++) {
        v[i] = exact.get(k[i]);
      }
      return new ClassCounts(k, null, v, divisor);
    }

    private long valueOf(long key) {
      int mask = keys.length - 1;
      int i = slot(key, mask);
      while (keys[i] != key || !used[i]) {
        i = (i + 1) & mask;
      }
      return values[i];
    }
  }

  /** The least common multiple of two positive integers. */
  static BigInteger lcm(BigInteger a, BigInteger b) {
    if (a.equals(BigInteger.ONE)) {
      return b;
    }
    if (b.equals(BigInteger.ONE) || a.equals(b)) {
      return a;
    }
    return a.divide(a.gcd(b)).multiply(b);
  }
}
