package io.keras4j.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Timing and memory figures of the running process. */
final class Measure {

  private Measure() {}

  /** The median time of {@code iterations} runs after {@code warmup} runs, in milliseconds. */
  static double medianMillis(Runnable body, int warmup, int iterations) {
    for (int i = 0; i < warmup; i++) body.run();
    double[] t = new double[iterations];
    for (int i = 0; i < iterations; i++) {
      long start = System.nanoTime();
      body.run();
      t[i] = (System.nanoTime() - start) / 1e6;
    }
    return median(t);
  }

  /** The median of {@code values}. */
  static double median(double[] values) {
    double[] t = values.clone();
    Arrays.sort(t);
    int n = t.length;
    return n % 2 == 1 ? t[n / 2] : (t[n / 2 - 1] + t[n / 2]) / 2;
  }

  /** Peak resident set size of this process so far (Linux {@code VmHWM}), in MB; -1 elsewhere. */
  static double peakRssMb() {
    return statusKb("VmHWM:") / 1024.0;
  }

  /** Current resident set size (Linux {@code VmRSS}), in MB; -1 elsewhere. */
  static double rssMb() {
    return statusKb("VmRSS:") / 1024.0;
  }

  private static double statusKb(String key) {
    Path status = Path.of("/proc/self/status");
    try {
      for (String line : Files.readAllLines(status)) {
        if (line.startsWith(key)) {
          return Double.parseDouble(line.substring(key.length()).trim().split("\\s+")[0]);
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1024;
    }
    return -1024;
  }
}
