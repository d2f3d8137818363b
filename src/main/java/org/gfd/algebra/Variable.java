package org.gfd.algebra;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A named symbol of the polynomials: a size ({@code p}, {@code H}, {@code n}) or a variance
 * ({@code sigma2}). Variables are interned: one instance per name, numbered in order of first use,
 * and that number is also their display order ({@code p, H, n, sigma2} come first).
 */
public final class Variable implements Comparable<Variable> {
  private static final Map<String, Variable> BY_NAME = new ConcurrentHashMap<>();
  private static final List<Variable> BY_INDEX = new ArrayList<>();

  /** Tensor or input dimension. */
  public static final Variable P = of("p");
  /** Rank or latent width. */
  public static final Variable H = of("H");
  /** Number of training samples. */
  public static final Variable N = of("n");
  /** Variance of the Gaussian initialization. */
  public static final Variable SIGMA2 = of("sigma2");

  private final String name;
  private final int index;

  private Variable(String name, int index) {
    this.name = name;
    this.index = index;
  }

  /** The variable of this name, created on first use. */
  public static Variable of(String name) {
    Variable v = BY_NAME.get(name);
    if (v != null) {
      return v;
    }
    synchronized (BY_INDEX) {
      return BY_NAME.computeIfAbsent(name, n -> {
        Variable created = new Variable(n, BY_INDEX.size());
        BY_INDEX.add(created);
        return created;
      });
    }
  }

  /** The variable of this name if it has been used, else null. */
  public static Variable find(String name) {
    return BY_NAME.get(name);
  }

  static Variable byIndex(int index) {
    synchronized (BY_INDEX) {
      return BY_INDEX.get(index);
    }
  }

  public String name() {
    return name;
  }

  public int index() {
    return index;
  }

  @Override
  public int compareTo(Variable o) {
    return Integer.compare(index, o.index);
  }

  @Override
  public String toString() {
    return name;
  }
}
