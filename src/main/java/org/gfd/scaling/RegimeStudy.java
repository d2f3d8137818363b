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
 * @param changes each difference between the two; empty when the map is stable
 * @param faces the faces around the map's vertices, for a map in three exponents (the regimes
 *     that meet there, as facets of the Newton polytope of the limit coefficients: {@link Faces})
 */
public record RegimeStudy(RegimeMap map, Optional<RegimeMap> previous, List<Change> changes, List<VertexFaces> faces) {
  /** The faces around one vertex of the map. */
  public record VertexFaces(List<org.gfd.algebra.Rational> point, Faces.Result faces) {
    public VertexFaces {
      point = List.copyOf(point);
    }
  }

  /** What changed in one cell from {@code S-1} to {@code S}. */
  public enum Kind {
    /** Same regime, same region, another time exponent. */
    TIME_SCALE,
    /** Same regime and time exponent, another region. */
    REGION,
    /** Same regime, another region and time exponent. */
    REGION_AND_TIME_SCALE,
    /** A cell of a regime the map from {@code S-1} did not have. */
    NEW,
    /** A cell of the map from {@code S-1} with no counterpart. */
    GONE
  }

  /**
   * One change.
   *
   * @param kind what changed
   * @param current the cell in the map from {@code 0..S} (absent for {@code GONE})
   * @param previous its counterpart in the map from {@code 0..S-1} (absent for {@code NEW})
   * @param explanation why, when it is known
   */
  public record Change(Kind kind, Optional<RegimeCell> current, Optional<RegimeCell> previous,
      String explanation) {}

  public RegimeStudy {
    Objects.requireNonNull(map);
    Objects.requireNonNull(previous);
    changes = List.copyOf(changes);
    faces = List.copyOf(faces);
  }

  /** The same study with the faces around its vertices. */
  public RegimeStudy withFaces(List<VertexFaces> vertexFaces) {
    return new RegimeStudy(map, previous, changes, vertexFaces);
  }

  /**
   * The study of {@code current} against {@code previous}. Cells are matched by regime name and
   * normalization; within a match, by region or time exponent.
   */
  public static RegimeStudy compare(RegimeMap current, Optional<RegimeMap> previous) {
    List<Change> changes = new ArrayList<>();
    if (previous.isPresent()) {
      List<RegimeCell> unmatched = new ArrayList<>(previous.get().cells());
      for (RegimeCell c : current.cells()) {
        List<RegimeCell> kin = unmatched.stream().filter(o -> o.name() == c.name()
            && o.normExponent().equals(c.normExponent())).toList();
        Optional<RegimeCell> same = kin.stream().filter(o -> o.facets().equals(c.facets())
            && o.timeExponent().equals(c.timeExponent())).findFirst();
        if (same.isPresent()) {
          unmatched.remove(same.get());
          continue;
        }
        Optional<RegimeCell> sameRegion = kin.stream().filter(o -> o.facets().equals(c.facets())).findFirst();
        Optional<RegimeCell> sameTime = kin.stream().filter(o -> o.timeExponent().equals(c.timeExponent())).findFirst();
        Kind kind;
        Optional<RegimeCell> match;
        if (sameRegion.isPresent()) {
          kind = Kind.TIME_SCALE;
          match = sameRegion;
        } else if (sameTime.isPresent()) {
          kind = Kind.REGION;
          match = sameTime;
        } else if (!kin.isEmpty()) {
          kind = Kind.REGION_AND_TIME_SCALE;
          match = Optional.of(kin.get(0));
        } else {
          kind = Kind.NEW;
          match = Optional.empty();
        }
        match.ifPresent(unmatched::remove);
        changes.add(new Change(kind, Optional.of(c), match, explain(c, current, previous.get())));
      }
      for (RegimeCell o : unmatched) {
        changes.add(new Change(Kind.GONE, Optional.empty(), Optional.of(o), explain(o, previous.get(), previous.get())));
      }
    }
    return new RegimeStudy(current, previous, changes, List.of());
  }

  /** Why a cell may move with S, when the reason is structural. */
  private static String explain(RegimeCell c, RegimeMap map, RegimeMap previous) {
    if (c.name() == RegimeName.DRIFTING) {
      return "expected: its time scale is set by the highest order computed";
    }
    if (previous.maxOrder() < LimitShape.MIN_COEFFICIENTS - 1) {
      return "regime names that depend on the shape of the limit need orders 0.."
          + (LimitShape.MIN_COEFFICIENTS - 1);
    }
    boolean drivenByNeighbour = map.cells().stream().anyMatch(o -> o != c
        && o.name() == RegimeName.DRIFTING
        && o.vertices().stream().anyMatch(v -> c.vertices().contains(v)));
    return drivenByNeighbour
        ? "its boundary is shared with a cell whose time scale is set by the highest order, so it moves with S"
        : "";
  }

  /** Whether the map from {@code 0..S} equals the one from {@code 0..S-1} up to growing orders. */
  public boolean isStable() {
    return changes.isEmpty();
  }
}
