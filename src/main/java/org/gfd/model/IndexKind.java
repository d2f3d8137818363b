package org.gfd.model;

import java.util.Objects;
import org.gfd.algebra.Variable;

/**
 * A kind of index, ranging over {@code 1..size}: {@code p} (tensor/input dimension), {@code H}
 * (rank, latent width) or {@code n} (samples).
 *
 * @param name the kind's name, as written in models
 * @param size the symbolic size of its range
 */
public record IndexKind(String name, Variable size) {
  public static final IndexKind P = new IndexKind("p", Variable.P);
  public static final IndexKind H = new IndexKind("H", Variable.H);
  public static final IndexKind N = new IndexKind("n", Variable.N);

  public IndexKind {
    Objects.requireNonNull(name);
    Objects.requireNonNull(size);
  }
}
