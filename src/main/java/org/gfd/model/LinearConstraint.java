package org.gfd.model;

import java.util.List;

/**
 * Linear equations over {@code Z_p} that define a constant 0/1 tensor: the entry
 * {@code A[i_1..i_k]} is 1 when {@code sum_j r_j i_j = 0 (mod p)} for every row {@code r}, else 0,
 * {@code p} being the size of the tensor's legs' kind (all its legs are of that kind). Modular
 * addition {@code [a + b = c mod p]} is the one row {@code (1, 1, -1)}.
 *
 * <p>A network of such tensors, its classes summed over {@code 0..p-1}, counts the solutions of the
 * linear system whose unknowns are the classes: {@code p^(classes - rank)} when {@code p} is prime,
 * the rank being taken over the field {@code Z_p}. It equals the rank over the rationals unless
 * {@code p} divides every maximal nonzero minor (the determinantal divisor).
 *
 * @param rows the equations, each with one integer coefficient per leg
 */
public record LinearConstraint(List<List<Integer>> rows) {
  public LinearConstraint {
    rows = rows.stream().map(List::copyOf).toList();
    if (rows.isEmpty()) {
      throw new IllegalArgumentException("a linear constraint needs at least one equation");
    }
    int arity = rows.get(0).size();
    if (rows.stream().anyMatch(r -> r.size() != arity)) {
      throw new IllegalArgumentException("the equations of a constraint must have one coefficient per leg");
    }
  }

  /** The number of legs of the tensor. */
  public int arity() {
    return rows.get(0).size();
  }
}
