package org.gfd.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The oracle against values worked out by hand. */
class MeanFieldOracleTest {
  @Test
  void momentsAreTheMarchenkoPasturMoments() {
    // m_1 = alpha v, m_2 = (alpha + alpha^2) v^2 (direct Wick count), m_3 = (alpha + 3 alpha^2 + alpha^3) v^3
    assertEquals("1", MeanFieldOracle.moment("2", "3", 0));
    assertEquals("6", MeanFieldOracle.moment("2", "3", 1));
    assertEquals("54", MeanFieldOracle.moment("2", "3", 2));
    assertEquals("594", MeanFieldOracle.moment("2", "3", 3));
    assertEquals("1/4", MeanFieldOracle.moment("1/2", "1/2", 1));
  }

  @Test
  void firstCoefficientsMatchTheHandDerivation() {
    // alpha = 2, v = 1: m = 1, 2, 6, 22. F(0) = 1/2 (m2 - 2 m1 + 1) = 3/2;
    // F'(0) = Integral (lambda - 1) 4 lambda (1 - lambda) = -4 (m1 - 2 m2 + m3) = -48
    List<String> c = MeanFieldOracle.limitCoefficients("2", "1", 1);
    assertEquals(List.of("3/2", "-48"), c);
    // alpha = 1/2, v = 1: m = 1, 1/2, 3/4, 11/8: F(0) = 1/2 (3/4 - 1 + 1) = 3/8; F'(0) = -4 (1/2 - 3/2 + 11/8) = -3/2
    assertEquals(List.of("3/8", "-3/2"), MeanFieldOracle.limitCoefficients("1/2", "1", 1));
  }

  @Test
  void aPointMassStartAtTheFixedPointDoesNotMove() {
    // with alpha -> any and v = 0 every eigenvalue starts at 0, a fixed point: F = 1/2 for all t
    List<String> c = MeanFieldOracle.limitCoefficients("1", "0", 6);
    assertEquals("1/2", c.get(0));
    for (int s = 1; s <= 6; s++) {
      assertEquals("0", c.get(s));
    }
  }
}
