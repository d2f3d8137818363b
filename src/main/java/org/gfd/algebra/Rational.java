package org.gfd.algebra;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/**
 * An exact rational number {@code numerator / denominator} in lowest terms with a positive
 * denominator. Immutable; arbitrary size.
 */
public final class Rational implements Comparable<Rational> {
  public static final Rational ZERO = new Rational(BigInteger.ZERO, BigInteger.ONE);
  public static final Rational ONE = new Rational(BigInteger.ONE, BigInteger.ONE);
  public static final Rational MINUS_ONE = new Rational(BigInteger.ONE.negate(), BigInteger.ONE);
  public static final Rational HALF = new Rational(BigInteger.ONE, BigInteger.TWO);

  private final BigInteger numerator;
  private final BigInteger denominator;

  private Rational(BigInteger numerator, BigInteger denominator) {
    this.numerator = numerator;
    this.denominator = denominator;
  }

  /** The rational {@code n / d}, reduced; throws {@link ArithmeticException} when {@code d = 0}. */
  public static Rational of(BigInteger n, BigInteger d) {
    if (d.signum() == 0) {
      throw new ArithmeticException("zero denominator");
    }
    if (d.signum() < 0) {
      n = n.negate();
      d = d.negate();
    }
    BigInteger g = n.gcd(d);
    if (!g.equals(BigInteger.ONE) && g.signum() != 0) {
      n = n.divide(g);
      d = d.divide(g);
    }
    if (n.signum() == 0) {
      d = BigInteger.ONE;
    }
    return new Rational(n, d);
  }

  public static Rational of(long n, long d) {
    return of(BigInteger.valueOf(n), BigInteger.valueOf(d));
  }

  public static Rational of(long n) {
    return new Rational(BigInteger.valueOf(n), BigInteger.ONE);
  }

  public static Rational of(BigInteger n) {
    return new Rational(n, BigInteger.ONE);
  }

  /**
   * Parses {@code "a"} or {@code "a/b"} with optional sign; throws {@link NumberFormatException}
   * naming the text when it is not such a number.
   */
  public static Rational parse(String text) {
    String t = text.strip();
    int slash = t.indexOf('/');
    try {
      if (slash < 0) {
        return of(new BigInteger(t));
      }
      BigInteger d = new BigInteger(t.substring(slash + 1).strip());
      if (d.signum() == 0) {
        throw new NumberFormatException("zero denominator in '" + text + "'");
      }
      return of(new BigInteger(t.substring(0, slash).strip()), d);
    } catch (NumberFormatException e) {
      throw new NumberFormatException("not an exact rational: '" + text + "'");
    }
  }

  public BigInteger numerator() {
    return numerator;
  }

  public BigInteger denominator() {
    return denominator;
  }

  public int signum() {
    return numerator.signum();
  }

  public boolean isZero() {
    return numerator.signum() == 0;
  }

  public boolean isInteger() {
    return denominator.equals(BigInteger.ONE);
  }

  public Rational add(Rational o) {
    if (o.isZero()) {
      return this;
    }
    if (isZero()) {
      return o;
    }
    if (denominator.equals(o.denominator)) {
      return of(numerator.add(o.numerator), denominator);
    }
    return of(numerator.multiply(o.denominator).add(o.numerator.multiply(denominator)),
        denominator.multiply(o.denominator));
  }

  public Rational subtract(Rational o) {
    return add(o.negate());
  }

  public Rational multiply(Rational o) {
    if (isZero() || o.isZero()) {
      return ZERO;
    }
    if (isInteger() && o.isInteger()) {
      return new Rational(numerator.multiply(o.numerator), BigInteger.ONE);
    }
    return of(numerator.multiply(o.numerator), denominator.multiply(o.denominator));
  }

  public Rational multiply(BigInteger k) {
    return multiply(of(k));
  }

  public Rational divide(Rational o) {
    if (o.isZero()) {
      throw new ArithmeticException("division by zero");
    }
    return of(numerator.multiply(o.denominator), denominator.multiply(o.numerator));
  }

  /**
   * The nearest double, by a decimal quotient of 16 significant digits (so that numerator and
   * denominator beyond the range of a double still give their finite quotient).
   */
  public double doubleValue() {
    return new BigDecimal(numerator).divide(new BigDecimal(denominator), MathContext.DECIMAL64).doubleValue();
  }

  public Rational negate() {
    return new Rational(numerator.negate(), denominator);
  }

  public Rational abs() {
    return signum() < 0 ? negate() : this;
  }

  /** {@code this^k} for any integer {@code k} (negative powers of zero throw). */
  public Rational pow(int k) {
    if (k < 0) {
      return ONE.divide(this).pow(-k);
    }
    return new Rational(numerator.pow(k), denominator.pow(k));
  }

  @Override
  public int compareTo(Rational o) {
    return numerator.multiply(o.denominator).compareTo(o.numerator.multiply(denominator));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Rational r && numerator.equals(r.numerator) && denominator.equals(r.denominator);
  }

  @Override
  public int hashCode() {
    return numerator.hashCode() * 31 + denominator.hashCode();
  }

  /** {@code "a"} or {@code "a/b"}, the form {@link #parse} reads. */
  @Override
  public String toString() {
    return isInteger() ? numerator.toString() : numerator + "/" + denominator;
  }
}
