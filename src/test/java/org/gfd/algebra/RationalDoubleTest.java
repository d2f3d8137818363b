package org.gfd.algebra;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** {@link Rational#doubleValue}: exact small quotients, and quotients of numbers beyond a double's range. */
class RationalDoubleTest {
  @Test
  void nearestDouble() {
    assertEquals(1.0 / 3, Rational.of(1, 3).doubleValue(), 0);
    assertEquals(-2.5, Rational.of(-5, 2).doubleValue(), 0);
    assertEquals(0, Rational.ZERO.doubleValue(), 0);
    // 10^400 / (3 * 10^399): both far beyond Double.MAX_VALUE, their quotient 10/3 is not
    Rational huge = Rational.of(BigInteger.TEN.pow(400), BigInteger.valueOf(3).multiply(BigInteger.TEN.pow(399)));
    assertEquals(10.0 / 3, huge.doubleValue(), 1e-15);
  }
}
