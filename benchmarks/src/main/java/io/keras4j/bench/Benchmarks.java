package io.keras4j.bench;

import io.keras4j.io.ModelReader;
import io.keras4j.models.Model;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.tensorflow.Result;
import org.tensorflow.Tensor;

/**
 * Keras4J against hand-written TensorFlow Java, side by side. The two implementations of a model
 * are timed in one JVM, taking turns call by call, so that both see the same machine; each also
 * runs in a JVM of its own, so that its peak RSS is its alone. The parent prints one line per
 * figure: {@code <model> <metric> keras4j=<value> handwritten=<value> ratio=<k/h>}.
 *
 * <p>Usage: {@code Benchmarks [MODEL_FILE] [--batch N] [--iterations N] [--warmup N] [--models
 * LIST] [--predictions N] [--xla]}. Without a file: the built-in models {@code mlp}, {@code cnn}
 * and {@code lstm} (predict and one SGD step; with {@code --xla} both again with Keras4J's graph
 * compiled by XLA in a JVM of its own, as {@code <metric>_xla} against the hand-written graph
 * without XLA; for the MLP also the RSS before and after {@code N} predictions at batch 1), and
 * {@code mobilenet_v2}: Keras' {@code MobileNetV2(alpha=0.35)} loaded from a {@code .keras} file
 * against the same network written by hand (time to first prediction in a fresh and in a warm JVM,
 * predict time at batch 1, peak RSS). With a file: that model's load times, predict time and peak
 * RSS.
 */
public final class Benchmarks {

  /** The MobileNetV2 file bundled with the benchmarks. */
  static final String MOBILENET_RESOURCE = "mobilenet_v2/model.keras";

  public static final List<String> BUILT_IN = List.of("mlp", "cnn", "lstm", "mobilenet_v2");

  private Benchmarks() {}

  /** Options of a run. */
  public record Options(
      @Nullable Path file,
      int batch,
      int iterations,
      int warmup,
      List<String> models,
      int predictions,
      boolean xla) {}

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
    int iterations = 300;
    int warmup = 200;
    int predictions = 100_000;
    List<String> models = BUILT_IN;
    boolean xla = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--batch" -> batch = Integer.parseInt(args[++i]);
        case "--iterations" -> iterations = Integer.parseInt(args[++i]);
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        case "--predictions" -> predictions = Integer.parseInt(args[++i]);
        case "--models" -> models = List.of(args[++i].split(","));
        case "--xla" -> xla = true;
        default -> {
          if (args[i].startsWith("--")) {
            throw new IllegalArgumentException("Unknown option " + args[i]);
          }
          file = Path.of(args[i]);
        }
      }
    }
    for (String m : models) {
      if (!BUILT_IN.contains(m)) {
        throw new IllegalArgumentException(
            "Unknown benchmark model '" + m + "'; the built-in ones are " + BUILT_IN);
      }
    }
    if (iterations < 1 || warmup < 0 || batch < 0 || predictions < 0) {
      throw new IllegalArgumentException(
          "--iterations must be positive; --warmup, --batch and --predictions not negative");
    }
    return new Options(file, batch, iterations, warmup, models, predictions, xla);
  }

  /** Runs the benchmarks and prints the table; returns the exit code. */
  public static int run(Options o, PrintStream out) throws IOException, InterruptedException {
    if (o.file() != null) {
      String name = o.file().getFileName().toString();
      Map<String, String> r = fork("file", o.file().toString(), o);
      print(out, name, "cold_load_to_first_prediction_ms", r, null);
      print(out, name, "warm_load_to_first_prediction_ms", r, null);
      print(out, name, "predict_ms", r, null);
      print(out, name, "peak_rss_mb", r, null);
      print(out, name, "weights_mb", r, null);
      return 0;
    }
    for (String model : o.models()) {
      if (model.equals("mobilenet_v2")) {
        mobileNet(o, out);
        continue;
      }
      // Times: both implementations in one JVM, measured in alternating rounds, so that both see
      // the same machine; peak RSS: each implementation in a JVM of its own.
      Map<String, String> times = fork(model, "both", o);
      Map<String, String> k = new LinkedHashMap<>(fork(model, "keras4j", o));
      Map<String, String> h = new LinkedHashMap<>(fork(model, "handwritten", o));
      for (String metric : List.of("predict_ms", "train_step_ms")) {
        k.put(metric, times.get("keras4j_" + metric));
        h.put(metric, times.get("handwritten_" + metric));
      }
      for (String metric : List.of("predict_ms", "train_step_ms", "peak_rss_mb")) {
        print(out, model, metric, k, h);
      }
      if (o.xla()) {
        // XLA in a JVM of its own: its threads would otherwise steal time from the other calls.
        Map<String, String> xla = fork(model, "keras4j-xla", o);
        for (String metric : List.of("predict_ms", "train_step_ms")) {
          // Keras4J compiled with XLA against the hand-written graph without it.
          String name = metric + "_xla";
          print(out, model, name, Map.of(name, xla.get(metric)), Map.of(name, h.get(metric)));
        }
      }
      out.printf(
          Locale.ROOT,
          "%s predict_samples_per_s keras4j=%.0f handwritten=%.0f%n",
          model,
          Double.parseDouble(times.get("batch")) * 1000 / Double.parseDouble(k.get("predict_ms")),
          Double.parseDouble(times.get("batch")) * 1000 / Double.parseDouble(h.get("predict_ms")));
      if (model.equals("mlp") && o.predictions() > 0) {
        Map<String, String> kl = fork("mlp-predictions", "keras4j", o);
        Map<String, String> hl = fork("mlp-predictions", "handwritten", o);
        String suffix = "_" + o.predictions() + "_predictions";
        out.printf(
            Locale.ROOT,
            "mlp rss_before%s_mb keras4j=%s handwritten=%s%n",
            suffix,
            kl.get("rss_before_mb"),
            hl.get("rss_before_mb"));
        out.printf(
            Locale.ROOT,
            "mlp rss_after%s_mb keras4j=%s handwritten=%s%n",
            suffix,
            kl.get("rss_after_mb"),
            hl.get("rss_after_mb"));
      }
    }
    return 0;
  }

  private static void mobileNet(Options o, PrintStream out)
      throws IOException, InterruptedException {
    Path file = Files.createTempFile("keras4j-bench-", ".keras");
    try {
      try (InputStream in = Benchmarks.class.getResourceAsStream(MOBILENET_RESOURCE)) {
        if (in == null) throw new IllegalStateException("Missing resource " + MOBILENET_RESOURCE);
        Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
      }
      Map<String, String> k = fork("file", file.toString(), o);
      Map<String, String> h = fork("mobilenet_v2", "handwritten", o);
      String m = "mobilenet_v2";
      print(out, m, "cold_load_to_first_prediction_ms", k, h);
      print(out, m, "warm_load_to_first_prediction_ms", k, h);
      print(out, m, "predict_ms", k, h);
      print(out, m, "peak_rss_mb", k, h);
      double weights = Double.parseDouble(k.get("weights_mb"));
      double extra =
          Double.parseDouble(k.get("peak_rss_mb")) - Double.parseDouble(h.get("peak_rss_mb"));
      out.printf(
          Locale.ROOT,
          "%s peak_rss_above_handwritten_mb keras4j=%.1f weights_mb=%.2f limit=%.2f%n",
          m,
          extra,
          weights,
          2 * weights);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private static void print(
      PrintStream out,
      String model,
      String metric,
      Map<String, String> k,
      @Nullable Map<String, String> h) {
    if (h == null) {
      out.printf(Locale.ROOT, "%s %s keras4j=%s%n", model, metric, k.get(metric));
      return;
    }
    double kv = Double.parseDouble(k.get(metric));
    double hv = Double.parseDouble(h.get(metric));
    out.printf(
        Locale.ROOT,
        "%s %s keras4j=%.3f handwritten=%.3f ratio=%.3f%n",
        model,
        metric,
        kv,
        hv,
        kv / hv);
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
            "--child",
            model,
            impl,
            String.valueOf(o.batch()),
            String.valueOf(o.iterations()),
            String.valueOf(o.warmup()),
            String.valueOf(o.predictions())));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
    pb.environment().putIfAbsent("TF_CPP_MIN_LOG_LEVEL", "2");
    if (impl.equals("keras4j-xla")) {
      // TensorFlow auto-clusters on the CPU only with this flag, read when it starts.
      pb.environment().merge("TF_XLA_FLAGS", "--tf_xla_cpu_global_jit", (a, b) -> a + " " + b);
    }
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
    int predictions = Integer.parseInt(args[6]);
    switch (model) {
      case "file" -> childFile(Path.of(impl), batch, iterations, warmup);
      case "mobilenet_v2" -> childHandwrittenMobileNet(batch, iterations, warmup);
      case "mlp-predictions" -> childPredictions(impl, predictions);
      default -> {
        if (impl.equals("both")) {
          childTimes(model, batch, iterations, warmup);
          return;
        }
        BenchSpec spec = BenchSpec.of(model, batch);
        try (Data data = Data.of(spec, 42);
            BenchModel m = create(impl, spec, data)) {
          double predict = Measure.medianMillis(m::predict, warmup, iterations);
          double train = Measure.medianMillis(m::trainStep, warmup, iterations);
          System.out.printf(
              Locale.ROOT,
              "RESULT batch=%d peak_rss_mb=%.1f predict_ms=%.4f train_step_ms=%.4f%n",
              spec.batch(),
              Measure.peakRssMb(),
              predict,
              train);
        }
      }
    }
  }

  /**
   * Both implementations of a model in this JVM, taking turns call by call, so that drifts of the
   * machine (clock speed, other processes) reach both alike: after {@code warmup} calls of each,
   * {@code iterations} timed calls of each; each figure is the median.
   */
  private static void childTimes(String model, int batch, int iterations, int warmup) {
    BenchSpec spec = BenchSpec.of(model, batch);
    try (Data data = Data.of(spec, 42);
        BenchModel k = create("keras4j", spec, data);
        BenchModel h = create("handwritten", spec, data)) {
      double[][] predict = alternate(k::predict, h::predict, warmup, iterations);
      double[][] train = alternate(k::trainStep, h::trainStep, warmup, iterations);
      System.out.printf(
          Locale.ROOT,
          "RESULT batch=%d keras4j_predict_ms=%.4f handwritten_predict_ms=%.4f"
              + " keras4j_train_step_ms=%.4f handwritten_train_step_ms=%.4f%n",
          spec.batch(),
          Measure.median(predict[0]),
          Measure.median(predict[1]),
          Measure.median(train[0]),
          Measure.median(train[1]));
    }
  }

  /** The times of {@code a} and {@code b} called in turn, in milliseconds. */
  private static double[][] alternate(Runnable a, Runnable b, int warmup, int iterations) {
    for (int i = 0; i < warmup; i++) {
      a.run();
      b.run();
    }
    double[][] t = new double[2][iterations];
    for (int i = 0; i < iterations; i++) {
      long start = System.nanoTime();
      a.run();
      long middle = System.nanoTime();
      b.run();
      t[0][i] = (middle - start) / 1e6;
      t[1][i] = (System.nanoTime() - middle) / 1e6;
    }
    return t;
  }

  private static BenchModel create(String impl, BenchSpec spec, Data data) {
    return switch (impl) {
      case "keras4j" -> Keras4jBench.of(spec, data);
      case "keras4j-xla" -> Keras4jBench.jitCompiled(spec, data);
      default -> Handwritten.of(spec, data);
    };
  }

  /**
   * The MLP at batch 1: RSS after warm-up and after {@code n} more predictions, which must not grow
   * with {@code n}.
   */
  private static void childPredictions(String impl, int n) {
    BenchSpec spec = BenchSpec.of("mlp", 1);
    try (Data data = Data.of(spec, 42);
        BenchModel m = create(impl, spec, data)) {
      // Warm-up long enough for the JIT and the heap to settle, so that the readings compare
      // native memory.
      for (int i = 0; i < 10_000; i++) m.predict();
      System.gc();
      double before = Measure.rssMb();
      for (int i = 0; i < n; i++) m.predict();
      System.gc();
      double after = Measure.rssMb();
      System.out.printf(
          Locale.ROOT, "RESULT rss_before_mb=%.1f rss_after_mb=%.1f%n", before, after);
    }
  }

  /**
   * A model file: loaded and run once in this fresh JVM (cold), closed, loaded and run again
   * (warm), then timed at the given batch (1 by default).
   */
  private static void childFile(Path file, int batch, int iterations, int warmup)
      throws IOException {
    int b = batch > 0 ? batch : 1;
    double cold = loadToFirstPrediction(file, b);
    double warm = loadToFirstPrediction(file, b);
    try (Model model = ModelReader.create().read(file)) {
      List<Tensor> inputs = RandomInputs.of(model, b, 7);
      try {
        double predict = Measure.medianMillis(() -> predictOnce(model, inputs), warmup, iterations);
        double weightsMb = model.weights().stream().mapToLong(w -> w.size() * 4).sum() / 1048576.0;
        System.out.printf(
            Locale.ROOT,
            "RESULT cold_load_to_first_prediction_ms=%.1f warm_load_to_first_prediction_ms=%.1f"
                + " predict_ms=%.4f peak_rss_mb=%.1f weights_mb=%.2f%n",
            cold,
            warm,
            predict,
            Measure.peakRssMb(),
            weightsMb);
      } finally {
        inputs.forEach(Tensor::close);
      }
    }
  }

  private static double loadToFirstPrediction(Path file, int batch) throws IOException {
    long start = System.nanoTime();
    try (Model model = ModelReader.create().read(file)) {
      List<Tensor> inputs = RandomInputs.of(model, batch, 7);
      try {
        predictOnce(model, inputs);
        return (System.nanoTime() - start) / 1e6;
      } finally {
        inputs.forEach(Tensor::close);
      }
    }
  }

  private static void predictOnce(Model model, List<Tensor> inputs) {
    try (Result r = model.predict(inputs)) {
      r.get(0);
    }
  }

  /** The hand-written MobileNetV2, measured as {@link #childFile} measures the file. */
  private static void childHandwrittenMobileNet(int batch, int iterations, int warmup) {
    int b = batch > 0 ? batch : 1;
    double[] firstMs = new double[2];
    for (int i = 0; i < 2; i++) {
      long start = System.nanoTime();
      try (HandwrittenMobileNetV2 m = new HandwrittenMobileNetV2(b)) {
        m.predict();
        firstMs[i] = (System.nanoTime() - start) / 1e6;
      }
    }
    try (HandwrittenMobileNetV2 m = new HandwrittenMobileNetV2(b)) {
      double predict = Measure.medianMillis(m::predict, warmup, iterations);
      System.out.printf(
          Locale.ROOT,
          "RESULT cold_load_to_first_prediction_ms=%.1f warm_load_to_first_prediction_ms=%.1f"
              + " predict_ms=%.4f peak_rss_mb=%.1f weights_mb=%.2f%n",
          firstMs[0],
          firstMs[1],
          predict,
          Measure.peakRssMb(),
          m.weightsMb());
    }
  }
}
