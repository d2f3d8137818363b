package org.gfd.export;

import java.util.List;
import org.gfd.algebra.Polynomial;
import org.gfd.algebra.Rational;
import org.gfd.summation.SummationResult;

/**
 * The summation of one named regime's limit series, as {@code gfd report} shows it.
 *
 * @param where the regime and where it is ({@code cell 3 (NTK/lazy)}, {@code vertex (1, -1) (mean-field)})
 * @param point a point of exponent space inside it, the ray the limit is taken on
 * @param limit the limit coefficients {@code hat c_0..hat c_S}
 * @param result the summation's outcome; its account says why when it was skipped or stopped
 */
public record RegimeSum(String where, List<Rational> point, List<Polynomial> limit, SummationResult result) {
  public RegimeSum {
    point = List.copyOf(point);
    limit = List.copyOf(limit);
  }
}
