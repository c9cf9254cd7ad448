package dev.lookalike.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class DecodeBudgetTest {

  @Test
  void decodesTogetherNeverExceedTheBudget() throws Exception {
    DecodeBudget budget = DecodeBudget.of(3, Duration.ofSeconds(30));
    AtomicLong peak = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (int i = 0; i < 32; i++) {
        runs.add(
            pool.submit(
                () -> {
                  try (DecodeBudget.Permit permit = budget.acquire(1000, 1000)) {
                    peak.accumulateAndGet(budget.pixelsInUse(), Math::max);
                    Thread.sleep(5);
                  }
                  return null;
                }));
      }
      for (Future<?> run : runs) {
        run.get();
      }
    } finally {
      pool.shutdown();
    }
    assertTrue(peak.get() <= 3_000_000 + 1024, "peak " + peak.get());
    assertTrue(peak.get() >= 1_000_000, "peak " + peak.get());
    assertEquals(0, budget.pixelsInUse(), "every permit given back");
  }

  @Test
  void pastTheWaitADecodeIsRefusedAndAPermitIsGivenBackOnce() {
    DecodeBudget budget = DecodeBudget.of(1, Duration.ofMillis(50));
    DecodeBudget.Permit held = budget.acquire(800, 1000);
    DecoderBusyException busy =
        assertThrows(DecoderBusyException.class, () -> budget.acquire(500, 500));
    assertTrue(busy.getMessage().contains("500x500"), busy.getMessage());
    held.close();
    held.close();
    // A picture larger than the budget takes all of it rather than never decoding.
    try (DecodeBudget.Permit all = budget.acquire(5000, 5000)) {
      assertTrue(budget.pixelsInUse() >= 1_000_000);
    }
    assertEquals(0, budget.pixelsInUse());
  }

  @Test
  void badBudgetsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> DecodeBudget.of(0, Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> DecodeBudget.of(1, Duration.ofSeconds(-1)));
  }
}
