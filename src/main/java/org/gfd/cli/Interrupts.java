package org.gfd.cli;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.gfd.error.StopReason;
import org.gfd.network.WorkBudget;

/**
 * What an interrupt (SIGINT, SIGTERM) does: a shutdown hook cancels every live work budget, so
 * that the running verb stops at its next budget check, keeps and writes its finished work as for
 * any other limit, and then the hook lets the process end. The hook waits for that at most
 * {@link #GRACE_SECONDS}; a checkpointed output file is already on disk in any case.
 */
final class Interrupts {
  /** How long an interrupted run may take to write its finished work before the process ends. */
  static final long GRACE_SECONDS = 10;

  private static final List<WorkBudget> LIVE = new CopyOnWriteArrayList<>();
  private static final CountDownLatch DONE = new CountDownLatch(1);

  private Interrupts() {}

  /** Installs the shutdown hook; called once by {@link GfdCommand#main}. */
  static void install() {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      for (WorkBudget b : LIVE) {
        b.cancel(new StopReason(StopReason.Limit.INTERRUPT, ""));
      }
      try {
        DONE.await(GRACE_SECONDS, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "gfd-interrupt"));
  }

  /** Registers {@code budget} to be cancelled on an interrupt; returns it. */
  static WorkBudget watch(WorkBudget budget) {
    LIVE.add(budget);
    return budget;
  }

  /** Says that the verb has written everything: an interrupt need not wait any longer. */
  static void finished() {
    DONE.countDown();
  }
}
