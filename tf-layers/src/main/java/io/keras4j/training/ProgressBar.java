package io.keras4j.training;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/**
 * Keras' per-epoch progress output: with a terminal, a bar redrawn after each step ({@code 8/8
 * ━━━━━━━━━━━━━━━━━━━━ 0s 2ms/step - accuracy: 0.5000 - loss: 1.2000}); otherwise one line per
 * epoch.
 */
public final class ProgressBar {

  private static final int WIDTH = 20;

  private final PrintStream out;
  private final boolean live;
  private long start;
  private int steps;

  /**
   * @param live redraw after each step (a terminal) rather than print one line per epoch
   */
  public ProgressBar(PrintStream out, boolean live) {
    this.out = out;
    this.live = live;
  }

  /** Whether standard output is a terminal, where Keras draws a live bar. */
  public static boolean isTerminal() {
    return System.console() != null;
  }

  /**
   * @param steps the steps of the epoch, or -1 while unknown (a dataset read batch by batch, in its
   *     first epoch), shown as Keras shows it: {@code 12/Unknown}
   */
  public void epochBegin(int epoch, int epochs, int steps) {
    this.start = System.nanoTime();
    this.steps = steps;
    out.printf(Locale.ROOT, "Epoch %d/%d%n", epoch + 1, epochs);
  }

  public void step(int step, Map<String, Double> logs) {
    if (live) {
      out.print("\r" + line(step, logs));
      out.flush();
    }
  }

  /** The epoch's last line, after {@code stepsRun} steps. */
  public void epochEnd(int stepsRun, Map<String, Double> logs) {
    if (live) out.print("\r");
    out.println(line(stepsRun, logs));
  }

  private String line(int step, Map<String, Double> logs) {
    double seconds = (System.nanoTime() - start) / 1e9;
    StringBuilder b = new StringBuilder();
    if (steps < 0) {
      b.append(String.format(Locale.ROOT, "%d/Unknown", step));
    } else {
      int filled = steps == 0 ? WIDTH : (int) Math.round((double) step / steps * WIDTH);
      int digits = String.valueOf(steps).length();
      b.append(String.format(Locale.ROOT, "%" + digits + "d/%d ", step, steps));
      b.append("━".repeat(filled)).append(" ".repeat(WIDTH - filled));
    }
    b.append(String.format(Locale.ROOT, " %ds", Math.round(seconds)));
    if (step > 0) {
      double perStep = seconds / step;
      b.append(
          perStep >= 1
              ? String.format(Locale.ROOT, " %ds/step", Math.round(perStep))
              : String.format(Locale.ROOT, " %dms/step", Math.round(perStep * 1000)));
    }
    logs.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            e -> b.append(String.format(Locale.ROOT, " - %s: %.4f", e.getKey(), e.getValue())));
    return b.toString();
  }
}
