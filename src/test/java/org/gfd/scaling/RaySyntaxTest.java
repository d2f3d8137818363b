package org.gfd.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.gfd.algebra.Rational;
import org.gfd.algebra.Variable;
import org.gfd.error.InputException;
import org.junit.jupiter.api.Test;

class RaySyntaxTest {
  private static final Map<String, Variable> KNOWN = Map.of("H", Variable.H, "sigma2", Variable.SIGMA2);

  @Test
  void readsRationalExponentsAndConstants() {
    Ray r = RaySyntax.scale("H=p^2, sigma2 = 3/2*p^(-3/2)", KNOWN, Optional.empty(), Optional.empty());
    assertEquals(Rational.of(2), r.exponents().get(Variable.H));
    assertEquals(Rational.of(-3, 2), r.exponents().get(Variable.SIGMA2));
    assertEquals(Map.of(Variable.SIGMA2, Rational.of(3, 2)), r.constantValues());
    assertEquals(Rational.ONE, RaySyntax.scale("H=p", KNOWN, Optional.empty(), Optional.empty())
        .exponents().get(Variable.H));
    assertEquals(Rational.ZERO, RaySyntax.scale("H=4", KNOWN, Optional.empty(), Optional.empty())
        .exponents().get(Variable.H));
    assertEquals(Rational.of(-1), RaySyntax.time("t=p^-1"));
    assertEquals(Rational.of(1, 3), RaySyntax.norm("p^(1/3)"));
  }

  @Test
  void rejectsBadInputNamingIt() {
    assertTrue(assertThrows(InputException.class,
        () -> RaySyntax.scale("Q=p^2", KNOWN, Optional.empty(), Optional.empty())).getMessage().contains("'Q'"));
    assertTrue(assertThrows(InputException.class,
        () -> RaySyntax.scale("H=p^^2", KNOWN, Optional.empty(), Optional.empty())).getMessage().contains("p^^2"));
    assertTrue(assertThrows(InputException.class,
        () -> RaySyntax.scale("H=p^2, H=p", KNOWN, Optional.empty(), Optional.empty())).getMessage().contains("twice"));
    assertThrows(InputException.class, () -> RaySyntax.scale("H=-2*p", KNOWN, Optional.empty(), Optional.empty()));
    assertThrows(InputException.class, () -> RaySyntax.time("s=p^2"));
    assertThrows(InputException.class, () -> RaySyntax.norm("q^2"));
  }
}
