package org.gfd.summation;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of the summation of a limit series: a certified closed form, or none, with every
 * strategy tried and what it did.
 */
public record SummationResult(Optional<ClosedForm> closedForm, List<Attempt> tried) {
  public SummationResult {
    tried = List.copyOf(tried);
  }
}
