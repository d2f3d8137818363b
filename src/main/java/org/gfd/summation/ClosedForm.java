package org.gfd.summation;

import java.util.List;
import java.util.Optional;

/**
 * A certified closed form {@code F(tau)} of a limit series {@code sum_s c_s tau^s / s!}: Symja
 * input form and LaTeX, the strategy that found it, the orders the strategy saw and the held-out
 * orders it did not; the certificate covers both. A form found by the PDE route also carries the
 * equation and its characteristics; one found by the algebraic route, its relation; a
 * Marchenko-Pastur average, its law and kernel (then {@code inputForm} is the integral, which
 * Symja does not evaluate: its values come from a quadrature, {@link SpectralValue}); a flow of
 * independent units, its flow (then {@code inputForm} describes it; its values come from
 * integrating the flow, {@code numeric.UnitFlowValue}).
 */
public record ClosedForm(String inputForm, String latex, String strategy, List<Integer> certifiedOrders,
    List<Integer> heldOutOrders, Optional<String> pde, Optional<String> characteristics, Optional<String> relation,
    Optional<SpectralAverage> spectral, Optional<UnitFlow> units) {
  public ClosedForm {
    certifiedOrders = List.copyOf(certifiedOrders);
    heldOutOrders = List.copyOf(heldOutOrders);
  }
}
