package org.gfd.api;

import org.gfd.numeric.Curve;

/**
 * What {@link Gfd#evaluate} found: the solution it rests on (the ray's verification, the limit
 * coefficients with the constants' values, and the summation's outcome, empty when the series
 * itself was evaluated) and the curve's values.
 */
public record Evaluation(Solution solution, Curve curve) {}
