package io.keras4j.bench;

import io.keras4j.io.ModelReader;
import io.keras4j.models.Model;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tensorflow.Tensor;

/**
 * Keras4J against hand-written TensorFlow Java, side by side. Each (model, implementation) pair
 * runs in its own JVM, so that peak RSS is the pair's alone; the parent prints one line per
 * figure: {@code <model> <metric> keras4j=<value> handwritten=<value> ratio=<k/h>}.
 *
 * <p>Usage: {@code Benchmarks [MODEL_FILE] [--batch N] [--iterations N] [--warmup N]}. Without a
 * file, the three built-in models (mlp, cnn, lstm); with one, that model's predict time, and its
 * load time (file to first prediction) and peak RSS.
 */
public final class Benchmarks {

  private Benchmarks() {}

  /** Options of a run. */
  public record Options(Path file, int batch, int iterations, int warmup, List<String> models) {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("--child")) {
      child(args);
      return;
    }
    System.exit(run(parse(args), System.out));
  }

  public static Options parse(String[] args) {
    Path file = null;
    int batch = 0;
    int iterations = 50;
    int warmup = 10;
    List<String> models = new ArrayList<>(List.of("mlp", "cnn", "lstm"));
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--batch" -> batch = Integer.parseInt(args[++i]);
        case "--iterations" -> iterations = Integer.parseInt(args[++i]);
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        case "--models" -> models = List.of(args[++i].split(","));
        default -> {
          if (args[i].startsWith("--")) {
            throw new IllegalArgumentException("Unknown option " + args[i]);
          }
          file = Path.of(args[i]);
        }
      }
    }
    return new Options(file, batch, iterations, warmup, models);
  }

  /** Runs the benchmarks and prints the table; returns the exit code. */
  public static int run(Options o, PrintStream out) throws IOException, InterruptedException {
    if (o.file() != null) {
      Map<String, String> r = fork("file", o.file().toString(), o);
      out.printf(Locale.ROOT, "%s load_to_first_prediction_ms keras4j=%s%n", o.file().getFileName(), r.get("load_ms"));
      out.printf(Locale.ROOT, "%s predict_ms keras4j=%s%n", o.file().getFileName(), r.get("predict_ms"));
      out.printf(Locale.ROOT, "%s peak_rss_mb keras4j=%s weights_mb=%s%n", o.file().getFileName(), r.get("peak_rss_mb"), r.get("weights_mb"));
      return 0;
    }
    for (String model : o.models()) {
      Map<String, String> k = fork(model, "keras4j", o);
      Map<String, String> h = fork(model, "handwritten", o);
      for (String metric : List.of("predict_ms", "train_step_ms", "peak_rss_mb")) {
        double kv = Double.parseDouble(k.get(metric));
        double hv = Double.parseDouble(h.get(metric));
        out.printf(
            Locale.ROOT,
            "%s %s keras4j=%.3f handwritten=%.3f ratio=%.3f%n",
            model, metric, kv, hv, kv / hv);
      }
      out.printf(
          Locale.ROOT,
          "%s predict_samples_per_s keras4j=%.0f handwritten=%.0f%n",
          model,
          Double.parseDouble(k.get("batch")) * 1000 / Double.parseDouble(k.get("predict_ms")),
          Double.parseDouble(h.get("batch")) * 1000 / Double.parseDouble(h.get("predict_ms")));
    }
    return 0;
  }

  private static Map<String, String> fork(String model, String impl, Options o)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(Benchmarks.class.getName());
    cmd.addAll(
        List.of(
            "--child", model, impl, String.valueOf(o.batch()), String.valueOf(o.iterations()),
            String.valueOf(o.warmup())));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
    pb.environment().putIfAbsent("TF_CPP_MIN_LOG_LEVEL", "2");
    Process p = pb.start();
    Map<String, String> result = new LinkedHashMap<>();
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.startsWith("RESULT ")) {
          for (String kv : line.substring(7).split(" ")) {
            String[] parts = kv.split("=", 2);
            result.put(parts[0], parts[1]);
          }
        }
      }
    }
    int code = p.waitFor();
    if (code != 0 || result.isEmpty()) {
      throw new IllegalStateException(
          "benchmark " + model + " " + impl + " failed with exit code " + code);
    }
    return result;
  }

  /** Runs one (model, implementation) pair in this JVM and prints its figures. */
  private static void child(String[] args) throws IOException {
    String model = args[1];
    String impl = args[2];
    int batch = Integer.parseInt(args[3]);
    int iterations = Integer.parseInt(args[4]);
    int warmup = Integer.parseInt(args[5]);
    if (model.equals("file")) {
      childFile(Path.of(impl), batch, iterations, warmup);
      return;
    }
    BenchSpec spec = BenchSpec.of(model, batch);
    try (Data data = Data.of(spec, 42);
        BenchModel m =
            impl.equals("keras4j") ? Keras4jBench.of(spec, data) : Handwritten.of(spec, data)) {
      double predict = Measure.medianMillis(m::predict, warmup, iterations);
      double train = Measure.medianMillis(m::trainStep, warmup, iterations);
      System.out.printf(
          Locale.ROOT,
          "RESULT batch=%d predict_ms=%.4f train_step_ms=%.4f peak_rss_mb=%.1f%n",
          spec.batch(), predict, train, Measure.peakRssMb());
    }
  }

  private static void childFile(Path file, int batch, int iterations, int warmup) throws IOException {
    long start = System.nanoTime();
    try (Model model = ModelReader.create().read(file)) {
      List<Tensor> inputs = RandomInputs.of(model, batch > 0 ? batch : 1, 7);
      try {
        try (var r = model.predict(inputs)) {
          r.get(0);
        }
        double loadMs = (System.nanoTime() - start) / 1e6;
        double predict =
            Measure.medianMillis(
                () -> {
                  try (var r = model.predict(inputs)) {
                    r.get(0);
                  }
                },
                warmup,
                iterations);
        double weightsMb = model.weights().stream().mapToLong(w -> w.size() * 4).sum() / 1048576.0;
        System.out.printf(
            Locale.ROOT,
            "RESULT load_ms=%.1f predict_ms=%.4f peak_rss_mb=%.1f weights_mb=%.2f%n",
            loadMs, predict, Measure.peakRssMb(), weightsMb);
      } finally {
        inputs.forEach(Tensor::close);
      }
    }
  }
}
