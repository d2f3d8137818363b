package org.gfd.scaling;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A regime map from orders {@code 0..S}, with the map from {@code 0..S-1} and what changed.
 *
 * @param map the map from {@code 0..S}
 * @param previous the map from {@code 0..S-1}, when {@code S >= 2}
 * @param changes each difference between the two, in words; empty when the map is stable
 */
public record RegimeStudy(RegimeMap map, Optional<RegimeMap> previous, List<String> changes) {
  public RegimeStudy {
    Objects.requireNonNull(map);
    Objects.requireNonNull(previous);
    changes = List.copyOf(changes);
  }

  /** The study of {@code current} against {@code previous}. */
  public static RegimeStudy compare(RegimeMap current, Optional<RegimeMap> previous) {
    List<String> changes = new ArrayList<>();
    previous.ifPresent(prev -> {
      for (RegimeCell c : current.cells()) {
        Optional<RegimeCell> same = prev.cells().stream().filter(o -> sameCell(o, c)).findFirst();
        if (same.isEmpty()) {
          Optional<RegimeCell> moved = prev.cells().stream()
              .filter(o -> o.facets().equals(c.facets()) && o.normExponent().equals(c.normExponent()))
              .findFirst();
          if (moved.isPresent()) {
            changes.add("cell " + c.id() + " (" + label(c) + "): time exponent changed from "
                + moved.get().timeExponent() + " to " + c.timeExponent() + " (surviving orders "
                + moved.get().survivingOrders() + " -> " + c.survivingOrders() + ")"
                + (c.name().equals(RegimeNames.DRIFTING)
                    ? ": expected, its time scale is set by the highest order" : ""));
          } else {
            changes.add("cell " + c.id() + " (" + label(c) + ") is new or changed shape");
          }
        }
      }
      for (RegimeCell o : prev.cells()) {
        boolean kept = current.cells().stream().anyMatch(c -> o.facets().equals(c.facets())
            && o.normExponent().equals(c.normExponent()));
        if (!kept) {
          changes.add("cell " + o.id() + " of the map from orders 0.." + prev.maxOrder() + " ("
              + label(o) + ") is gone or changed shape");
        }
      }
    });
    return new RegimeStudy(current, previous, changes);
  }

  private static String label(RegimeCell c) {
    return c.name().isEmpty() ? "unnamed" : c.name();
  }

  /** Same region, normalization, time scale and name (surviving orders may grow with S). */
  private static boolean sameCell(RegimeCell a, RegimeCell b) {
    return a.facets().equals(b.facets()) && a.normExponent().equals(b.normExponent())
        && a.timeExponent().equals(b.timeExponent()) && a.name().equals(b.name());
  }

  /** Whether the map from {@code 0..S} equals the one from {@code 0..S-1} up to growing orders. */
  public boolean isStable() {
    return changes.isEmpty();
  }
}
