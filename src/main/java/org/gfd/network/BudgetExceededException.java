package org.gfd.network;

/** Thrown by {@link WorkBudget#check()} when a computation passes its time or memory limit. */
public final class BudgetExceededException extends RuntimeException {
  public BudgetExceededException(String message) {
    super(message);
  }
}
