package dev.lookalike.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

  private static final long SECOND = 1_000_000_000L;

  @Test
  void logsALineEveryTenSecondsWithRateAndTimeLeftThenTheTotal() {
    StringWriter text = new StringWriter();
    ProgressBar progress = new ProgressBar(new PrintWriter(text), "images", false);
    long start = System.nanoTime();
    progress.progress(100, 1000, start + 5 * SECOND); // too soon: nothing
    progress.progress(2000, 10_000, start + 10 * SECOND);
    progress.progress(10_000, 10_000, start + 40 * SECOND);

    String[] lines = text.toString().split("\n");
    assertEquals(2, lines.length, text.toString());
    assertTrue(lines[0].startsWith("2000/10000 images (20%), 200 images/s, ETA 40s"), lines[0]);
    assertTrue(
        lines[1].startsWith("10000/10000 images (100%), 250 images/s, done in 40s"), lines[1]);
  }

  @Test
  void aTerminalGetsABarRedrawnInPlace() {
    StringWriter text = new StringWriter();
    ProgressBar progress = new ProgressBar(new PrintWriter(text), "images", true);
    long start = System.nanoTime();
    progress.progress(50, 100, start + SECOND);
    assertTrue(
        text.toString().startsWith("\r[###############---------------] 50/100"), text.toString());
    assertEquals("1h01m", ProgressBar.duration(3660));
    assertEquals("2m05s", ProgressBar.duration(125));
  }
}
