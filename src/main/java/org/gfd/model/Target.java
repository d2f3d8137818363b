package org.gfd.model;

import java.util.Locale;

/** Built-in targets {@code T*} of tensor models. */
public enum Target {
  /** {@code T* = 0}. */
  ZERO,
  /** The identity (delta) tensor: {@code T*[i1..inu] = 1} iff all indices are equal. */
  IDENTITY;

  /** The name used on the command line and in reports. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
