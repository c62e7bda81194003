package io.keras4j.io.callbacks;

import io.keras4j.initializers.Zeros;
import io.keras4j.layers.KerasTensor;
import io.keras4j.layers.LayerArgs;
import io.keras4j.layers.Weight;
import io.keras4j.layers.core.Dense;
import io.keras4j.layers.core.DenseConfig;
import io.keras4j.layers.core.Input;
import io.keras4j.losses.MeanSquaredError;
import io.keras4j.models.Functional;
import io.keras4j.models.Model;
import io.keras4j.optimizers.SGD;
import io.keras4j.optimizers.SGDConfig;
import io.keras4j.training.Compile;
import io.keras4j.training.FitOptions;
import io.keras4j.training.History;
import java.util.Map;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/**
 * A compiled linear model {@code y = x k + b} on two features with data it can learn, for the
 * file-writing callbacks' tests: run for real, or given a known kernel before each scripted epoch.
 */
final class Tiny {

  private Tiny() {}

  /** Dense(1) named "dense" in a model named "tiny", compiled with SGD(0.05) and MSE. */
  static Functional model() {
    KerasTensor x = Input.of(2);
    Dense dense =
        new Dense(
            DenseConfig.builder(1).kernelInitializer(new Zeros()).build(),
            LayerArgs.named("dense"));
    Functional model = new Functional(LayerArgs.named("tiny"), x, dense.apply(x));
    model.compile(
        Compile.builder()
            .optimizer(new SGD(SGDConfig.builder().learningRate(0.05).build()))
            .loss(new MeanSquaredError())
            .metric(new io.keras4j.metrics.MeanSquaredError())
            .build());
    return model;
  }

  /** {@code n} samples of {@code y = 2 x0 - x1 + 0.5}. */
  static float[][] xs(int n) {
    float[][] xs = new float[n][2];
    for (int i = 0; i < n; i++) {
      xs[i][0] = (float) Math.sin(i);
      xs[i][1] = (float) Math.cos(i);
    }
    return xs;
  }

  static float[][] ys(int n) {
    float[][] xs = xs(n);
    float[][] ys = new float[n][1];
    for (int i = 0; i < n; i++) ys[i][0] = 2 * xs[i][0] - xs[i][1] + 0.5f;
    return ys;
  }

  static History fit(Model model, int samples, FitOptions options) {
    return model.fit(new Object[] {xs(samples)}, new Object[] {ys(samples)}, options);
  }

  static Weight kernelOf(Model model) {
    return model.weights().stream()
        .filter(w -> w.name().equals("kernel"))
        .findFirst()
        .orElseThrow();
  }

  /** Sets both kernel entries to {@code value}. */
  static void setKernel(Model model, float value) {
    try (TFloat32 k =
        TFloat32.tensorOf(
            Shape.of(2, 1),
            t -> {
              t.setFloat(value, 0, 0);
              t.setFloat(value, 1, 0);
            })) {
      model.assignWeights(Map.of(kernelOf(model), k));
    }
  }

  static float[] kernel(Model model) {
    try (TFloat32 k = model.readWeight(kernelOf(model))) {
      return new float[] {k.getFloat(0, 0), k.getFloat(1, 0)};
    }
  }
}
