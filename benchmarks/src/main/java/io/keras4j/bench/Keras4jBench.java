package io.keras4j.bench;

import io.keras4j.layers.KerasTensor;
import io.keras4j.layers.LayerArgs;
import io.keras4j.layers.convolutional.Conv2D;
import io.keras4j.layers.convolutional.ConvConfig;
import io.keras4j.layers.core.Dense;
import io.keras4j.layers.core.DenseConfig;
import io.keras4j.layers.core.Input;
import io.keras4j.layers.pooling.MaxPooling2D;
import io.keras4j.layers.pooling.PoolingConfig;
import io.keras4j.layers.recurrent.LSTM;
import io.keras4j.layers.recurrent.LSTMConfig;
import io.keras4j.layers.reshaping.Flatten;
import io.keras4j.layers.reshaping.FlattenConfig;
import io.keras4j.losses.CategoricalCrossentropy;
import io.keras4j.models.Functional;
import io.keras4j.models.Model;
import io.keras4j.optimizers.SGD;
import io.keras4j.training.Compile;
import java.util.List;
import org.tensorflow.Result;

/** The benchmark models built with Keras4J's layers and trained through {@code trainOnBatch}. */
final class Keras4jBench implements BenchModel {

  private final Model model;
  private final Data data;

  private Keras4jBench(Model model, Data data) {
    this.model = model;
    this.data = data;
    model.compile(
        Compile.builder().optimizer(new SGD()).loss(new CategoricalCrossentropy()).build());
  }

  static Keras4jBench of(BenchSpec spec, Data data) {
    return new Keras4jBench(build(spec), data);
  }

  /** The built-in model compiled with XLA ({@link Model#jitCompile(boolean)}). */
  static Keras4jBench jitCompiled(BenchSpec spec, Data data) {
    Model model = build(spec);
    model.jitCompile(true);
    return new Keras4jBench(model, data);
  }

  /** A model file, predicted on random data of its input shape. */
  static Keras4jBench of(Model model, Data data) {
    return new Keras4jBench(model, data);
  }

  private static Model build(BenchSpec spec) {
    KerasTensor x = Input.of(spec.inputShape().asArray());
    KerasTensor h;
    switch (spec.name()) {
      case "mlp" -> {
        h = dense(512, "relu").apply(x);
        h = dense(512, "relu").apply(h);
      }
      case "cnn" -> {
        h = conv(32).apply(x);
        h = pool().apply(h);
        h = conv(64).apply(h);
        h = pool().apply(h);
        h = new Flatten(FlattenConfig.builder().build()).apply(h);
        h = dense(128, "relu").apply(h);
      }
      case "lstm" -> h = new LSTM(LSTMConfig.builder(128).build()).apply(x);
      default -> throw new IllegalArgumentException(spec.name());
    }
    KerasTensor y = dense(spec.classes(), "softmax").apply(h);
    return new Functional(LayerArgs.named(spec.name()), x, y);
  }

  private static Dense dense(int units, String activation) {
    return new Dense(
        DenseConfig.builder(units)
            .activation(io.keras4j.activations.Activations.get(activation))
            .build());
  }

  private static Conv2D conv(int filters) {
    return new Conv2D(
        ConvConfig.builder(filters, 3, 3)
            .activation(io.keras4j.activations.Activations.get("relu"))
            .build());
  }

  private static MaxPooling2D pool() {
    return new MaxPooling2D(PoolingConfig.builder().poolSize(2, 2).build());
  }

  @Override
  public void predict() {
    try (Result r = model.predict(data.x())) {
      r.get(0);
    }
  }

  @Override
  public void trainStep() {
    model.trainOnBatch(List.of(data.x()), List.of(data.y()), null);
  }

  @Override
  public void close() {
    model.close();
  }
}
