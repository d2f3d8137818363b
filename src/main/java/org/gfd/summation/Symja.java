package org.gfd.summation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.gfd.network.WorkBudget;
import org.matheclipse.core.basic.Config;
import org.matheclipse.core.eval.EvalEngine;
import org.matheclipse.core.eval.ExprEvaluator;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IExpr;

/**
 * A Symja engine for the calling thread, with gfd's rule files ({@code rules/*.m} on the class
 * path) loaded. Symja engines must not be shared between threads (one shared by two threads gave
 * wrong results), and symbols belong to their engine, so there is one per thread and expressions
 * cross between engines as text only. Symja's own messages are silenced (they would go to
 * stdout), its iteration limit is lifted, and output lines are not wrapped, so that
 * {@link IExpr#toString()} is input form that parses back. An evaluation cut short at its time
 * limit may go on running in a thread of Symja's own, so the engine is then replaced by a new
 * one. Creating the first engine of a JVM takes about a second and a half; later ones are quick.
 */
public final class Symja {
  /** The rule files loaded into every engine, in order. */
  static final List<String> RULE_FILES = List.of("summation.m");
  /** The longest a single evaluation may take, even without a time limit (Symja can loop). */
  static final long MAX_CALL_SECONDS = 30;
  /**
   * The longest the certificate's expansion may take: the one step not to cut short (the symmetric
   * nu = 2 mean-field closed form takes about 35 s to expand to order 20); the budget still applies.
   */
  static final long MAX_CERTIFICATE_SECONDS = 600;

  private static final ThreadLocal<Symja> PER_THREAD = ThreadLocal.withInitial(Symja::new);

  private ExprEvaluator evaluator;

  private Symja() {
    Config.MAX_OUTPUT_LINE = Integer.MAX_VALUE;
    evaluator = fresh();
  }

  /** A new evaluator with gfd's settings and rule files. */
  private static ExprEvaluator fresh() {
    ExprEvaluator ev = new ExprEvaluator();
    EvalEngine engine = ev.getEvalEngine();
    engine.setQuietMode(true);
    engine.setIterationLimit(-1);
    for (String file : RULE_FILES) {
      ev.eval(ruleText(file));
    }
    return ev;
  }

  /** The calling thread's engine. */
  public static Symja get() {
    return PER_THREAD.get();
  }

  /** The text of a rule file, from the class path. */
  static String ruleText(String file) {
    try (InputStream in = Symja.class.getResourceAsStream("/rules/" + file)) {
      if (in == null) {
        throw new IllegalStateException("the Symja rule file rules/" + file + " is missing from the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Evaluates {@code input} (Symja input form), giving up after the budget's time or
   * {@link #MAX_CALL_SECONDS}, whichever comes first.
   *
   * @return the result, or empty when the evaluation was aborted at the per-call limit
   * @throws org.gfd.error.StoppedException when the budget ran out during the evaluation
   */
  public java.util.Optional<IExpr> eval(String input, WorkBudget budget) {
    return eval(input, budget, MAX_CALL_SECONDS);
  }

  /** {@link #eval(String, WorkBudget)} with a per-call limit of {@code maxSeconds}. */
  java.util.Optional<IExpr> eval(String input, WorkBudget budget, long maxSeconds) {
    budget.checkNow();
    long nanos = Math.min(budget.nanosLeft(), TimeUnit.SECONDS.toNanos(maxSeconds));
    IExpr r = evaluator.evaluateWithTimeout(input, Math.max(1, nanos), TimeUnit.NANOSECONDS, false, null);
    if (r == null || r.equals(S.$Aborted)) {
      // an aborted evaluation may go on in a Symja thread of its own, on this engine: sharing an
      // engine between threads gives wrong results, so this one is dropped for a new one
      evaluator = fresh();
      budget.checkNow();
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(r);
  }

  /** Evaluates {@code input} without a time limit: for quick, bounded steps. */
  public IExpr eval(String input) {
    return evaluator.eval(input);
  }

  /** Whether {@code expr} is the symbol {@code True}. */
  public static boolean isTrue(IExpr expr) {
    return expr.isTrue();
  }
}
