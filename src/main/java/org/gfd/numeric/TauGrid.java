package org.gfd.numeric;

import static org.gfd.error.Messages.quote;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.gfd.algebra.Rational;
import org.gfd.error.InputException;

/**
 * The times at which a loss curve is evaluated, as exact rationals: {@code START:STOP:STEP} (the
 * points {@code START + k STEP} up to and including {@code STOP}; {@code 0:5:0.1} gives 51 points)
 * or a single time. Numbers are exact: integers, fractions such as {@code 1/3}, or decimals such
 * as {@code 0.1}, which mean exactly 1/10. Times are not negative: the series describes the flow
 * forward from its start.
 */
public record TauGrid(List<Rational> points) {
  /** The most points a grid may have. */
  public static final int MAX_POINTS = 100_000;

  public TauGrid {
    points = List.copyOf(points);
  }

  /**
   * Reads {@code text}, as given to the option {@code option}.
   *
   * @throws InputException for anything that is not a single time or a range as above
   */
  public static TauGrid parse(String option, String text) {
    String[] parts = text.strip().split(":", -1);
    if (parts.length != 1 && parts.length != 3) {
      throw new InputException("cannot read " + quote(text) + " in " + option
          + ": write START:STOP:STEP (e.g. 0:5:0.1) or a single time (e.g. 1/2)");
    }
    Rational start = number(option, text, parts[0]);
    if (parts.length == 1) {
      return new TauGrid(List.of(start));
    }
    Rational stop = number(option, text, parts[1]);
    Rational step = number(option, text, parts[2]);
    if (step.signum() <= 0) {
      throw new InputException("the step " + quote(parts[2].strip()) + " in " + option + " " + quote(text) + " must be positive");
    }
    if (stop.compareTo(start) < 0) {
      throw new InputException("the range " + quote(text) + " in " + option + " ends before it starts");
    }
    Rational count = stop.subtract(start).divide(step);
    BigInteger n = count.numerator().divide(count.denominator());
    if (n.compareTo(BigInteger.valueOf(MAX_POINTS - 1)) >= 0) {
      throw new InputException("the range " + quote(text) + " in " + option + " has more than " + MAX_POINTS + " points");
    }
    List<Rational> out = new ArrayList<>();
    for (int k = 0; k <= n.intValue(); k++) {
      out.add(start.add(step.multiply(Rational.of(k))));
    }
    return new TauGrid(out);
  }

  private static Rational number(String option, String text, String part) {
    String t = part.strip();
    Rational x;
    try {
      x = t.contains(".") || t.contains("e") || t.contains("E") ? decimal(t) : Rational.parse(t);
    } catch (NumberFormatException e) {
      throw new InputException("cannot read the time " + quote(t) + " in " + option + " " + quote(text)
          + ": write an integer, a fraction (1/3) or a decimal (0.1)");
    }
    if (x.signum() < 0) {
      throw new InputException("the time " + quote(t) + " in " + option + " is negative: the series runs forward from tau = 0");
    }
    return x;
  }

  private static Rational decimal(String t) {
    BigDecimal d = new BigDecimal(t);
    if (Math.abs(d.scale()) > 1000) {
      throw new NumberFormatException("exponent out of range: " + t);
    }
    return d.scale() <= 0 ? Rational.of(d.toBigIntegerExact())
        : Rational.of(d.unscaledValue(), BigInteger.TEN.pow(d.scale()));
  }
}
