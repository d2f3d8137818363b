package org.gfd.numeric;

import org.apfloat.Apfloat;
import org.gfd.algebra.Rational;

/**
 * One value of a loss curve: {@code F(tau)}, an estimate of its absolute error, and the number of
 * significant digits that estimate leaves (at most the digits asked for).
 */
public record CurvePoint(Rational tau, Apfloat value, Apfloat error, long digits) {}
