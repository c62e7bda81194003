package io.keras4j.bench;

import org.tensorflow.ndarray.Shape;

/** One of the built-in benchmark models: its name, input shape (no batch), classes and batch. */
record BenchSpec(String name, Shape inputShape, int classes, int batch) {

  /** MLP 784-512-512-10 at batch 128; CNN on 28x28x1 at batch 64; LSTM(128) on 50x32 at 64. */
  static BenchSpec of(String name, int batch) {
    return switch (name) {
      case "mlp" -> new BenchSpec(name, Shape.of(784), 10, batch > 0 ? batch : 128);
      case "cnn" -> new BenchSpec(name, Shape.of(28, 28, 1), 10, batch > 0 ? batch : 64);
      case "lstm" -> new BenchSpec(name, Shape.of(50, 32), 10, batch > 0 ? batch : 64);
      default -> throw new IllegalArgumentException("Unknown benchmark model '" + name + "'");
    };
  }
}
