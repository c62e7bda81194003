package io.keras4j.cli;

import io.keras4j.bench.Benchmarks;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code keras4j bench}: Keras4J against hand-written TensorFlow Java, side by side. */
@Command(
    name = "bench",
    description =
        "Times the built-in MLP, CNN and LSTM built with Keras4J and written by hand with"
            + " TensorFlow Java (predict and one SGD step, medians after warm-up, peak RSS; RSS"
            + " before and after many MLP predictions), and MobileNetV2 loaded from a .keras file"
            + " against the same network written by hand (time to first prediction in a fresh and"
            + " a warm JVM, predict time, peak RSS), one JVM per measurement, and prints '<model>"
            + " <metric> keras4j=<v> handwritten=<v> ratio=<k/h>'. With MODEL_FILE: its load times"
            + " to first prediction, predict time and peak RSS.",
    mixinStandardHelpOptions = true)
final class BenchCommand implements Callable<Integer> {

  @Parameters(index = "0", arity = "0..1", paramLabel = "MODEL_FILE")
  Path file;

  @Option(
      names = "--batch",
      description = "batch size (default: 128 MLP, 64 CNN and LSTM, 1 MobileNetV2 and MODEL_FILE)")
  int batch;

  @Option(names = "--iterations", description = "timed runs per figure (default 300)")
  int iterations = 300;

  @Option(
      names = "--warmup",
      description = "untimed runs first, enough for the JIT to compile both paths (default 200)")
  int warmup = 200;

  @Option(
      names = "--models",
      split = ",",
      description = "built-in models to run (default mlp,cnn,lstm,mobilenet_v2)")
  List<String> models = Benchmarks.BUILT_IN;

  @Option(
      names = "--predictions",
      description = "MLP predictions between the two RSS readings (default 100000; 0 skips)")
  int predictions = 100_000;

  @Option(
      names = "--xla",
      description =
          "also time the built-in models with Keras4J's graph compiled by XLA"
              + " (Model.jitCompile), as <metric>_xla against the hand-written graph without it")
  boolean xla;

  @Override
  public Integer call() throws Exception {
    List<String> args = new ArrayList<>();
    if (file != null) args.add(file.toString());
    args.addAll(
        List.of("--batch", String.valueOf(batch), "--iterations", String.valueOf(iterations)));
    args.addAll(List.of("--warmup", String.valueOf(warmup), "--models", String.join(",", models)));
    args.addAll(List.of("--predictions", String.valueOf(predictions)));
    if (xla) args.add("--xla");
    return Benchmarks.run(Benchmarks.parse(args.toArray(new String[0])), System.out);
  }
}
