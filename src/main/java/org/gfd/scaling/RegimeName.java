package org.gfd.scaling;

import java.util.Optional;

/**
 * The name of a regime cell or vertex (docs/specification.md &sect;5.2), as recognized by the rules of
 * {@link RegimeNames}; {@link #UNNAMED} when no known regime applies, so that "no name" is a value
 * of its own rather than an empty string.
 */
public enum RegimeName {
  /** The target sets the normalization, every order survives, the limit is exponential. */
  NTK("NTK/lazy"),
  /** As {@link #NTK}, with the model's initial output setting the normalization. */
  LAZY_OUTPUT("lazy, initial output dominates"),
  /** The output sets the normalization, every order survives, components do not interact. */
  FREE("free evolution"),
  /** A single order {@code s >= 2} survives: the time scale drifts with the highest order. */
  DRIFTING("no stable time scale (set by the highest order)"),
  /** Vertices where target and output tie and every order survives with several monomials. */
  MEAN_FIELD("mean-field"),
  /** No known regime applies; the cell is described by its data. */
  UNNAMED(null);

  private final String label;

  RegimeName(String label) {
    this.label = label;
  }

  /** The name as printed ({@code NTK/lazy}, ...); empty for {@link #UNNAMED}. */
  public Optional<String> label() {
    return Optional.ofNullable(label);
  }

  /** Whether a known regime applies. */
  public boolean isNamed() {
    return label != null;
  }

  /** The label, or {@code unnamed}; for messages (writers use {@link #label()}). */
  @Override
  public String toString() {
    return label != null ? label : "unnamed";
  }
}
