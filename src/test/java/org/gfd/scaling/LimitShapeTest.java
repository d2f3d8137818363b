package org.gfd.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.gfd.algebra.Polynomial;
import org.gfd.algebra.Rational;
import org.gfd.algebra.Variable;
import org.junit.jupiter.api.Test;

class LimitShapeTest {
  private static final Polynomial H = Polynomial.variable(Variable.of("h"));

  @Test
  void exponentialPowerLawAndOther() {
    List<Polynomial> exp = new ArrayList<>();
    List<Polynomial> pow = new ArrayList<>();
    List<Polynomial> other = new ArrayList<>();
    Rational falling = Rational.ONE;
    for (int s = 0; s <= 6; s++) {
      // 1/2 (-4h)^s; 3 (1 + 2 h tau)^(-3/2): 3 (2h)^s (-3/2)(-5/2)...; and s! + 1
      exp.add(H.multiply(Rational.of(-4)).pow(s).multiply(Rational.HALF));
      pow.add(H.multiply(Rational.of(2)).pow(s).multiply(falling.multiply(Rational.of(3))));
      falling = falling.multiply(Rational.of(-3, 2).subtract(Rational.of(s)));
      other.add(Polynomial.constant(Rational.of(s * s + 1)));
    }
    assertEquals(LimitShape.GEOMETRIC, LimitShape.of(exp));
    assertEquals(LimitShape.BINOMIAL, LimitShape.of(pow));
    assertEquals(Rational.of(-3, 2), LimitShape.binomialExponent(pow));
    assertEquals(LimitShape.OTHER, LimitShape.of(other));
  }
}
