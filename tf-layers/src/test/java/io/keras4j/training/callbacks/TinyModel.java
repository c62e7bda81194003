package io.keras4j.training.callbacks;

import io.keras4j.initializers.Zeros;
import io.keras4j.layers.KerasTensor;
import io.keras4j.layers.LayerArgs;
import io.keras4j.layers.core.Dense;
import io.keras4j.layers.core.DenseConfig;
import io.keras4j.layers.core.Input;
import io.keras4j.losses.MeanSquaredError;
import io.keras4j.models.Functional;
import io.keras4j.optimizers.Optimizer;
import io.keras4j.optimizers.SGD;
import io.keras4j.optimizers.SGDConfig;
import io.keras4j.training.Compile;
import io.keras4j.training.FitOptions;
import io.keras4j.training.History;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/**
 * A linear model {@code y = x k + b} on two features, compiled with Keras' mean squared error and
 * SGD, and data it can learn: the callbacks' tests run it for real or set its kernel to a known
 * value before each scripted epoch.
 */
final class TinyModel implements AutoCloseable {

  private static final AtomicInteger COUNT = new AtomicInteger();

  final Functional model;
  final Dense dense;

  private TinyModel(Optimizer optimizer, UnaryOperator<Compile.Builder> extra) {
    int n = COUNT.incrementAndGet();
    KerasTensor x = Input.of(2);
    dense =
        new Dense(
            DenseConfig.builder(1).kernelInitializer(new Zeros()).build(),
            LayerArgs.named("dense_" + n));
    model = new Functional(LayerArgs.named("tiny_" + n), x, dense.apply(x));
    model.compile(
        extra.apply(Compile.builder().optimizer(optimizer).loss(new MeanSquaredError())).build());
  }

  /** Compiled with SGD at the given learning rate. */
  static TinyModel sgd(double learningRate) {
    return compiled(new SGD(SGDConfig.builder().learningRate(learningRate).build()), c -> c);
  }

  static TinyModel compiledWith(Optimizer optimizer) {
    return compiled(optimizer, c -> c);
  }

  /** Compiled with {@code optimizer}, mean squared error, and what {@code extra} adds. */
  static TinyModel compiled(Optimizer optimizer, UnaryOperator<Compile.Builder> extra) {
    return new TinyModel(optimizer, extra);
  }

  /** 16 samples of {@code y = 2 x0 - x1 + 0.5}. */
  static float[][] xs() {
    float[][] xs = new float[16][2];
    for (int i = 0; i < xs.length; i++) {
      xs[i][0] = (float) Math.sin(i);
      xs[i][1] = (float) Math.cos(i);
    }
    return xs;
  }

  static float[][] ys() {
    float[][] xs = xs();
    float[][] ys = new float[xs.length][1];
    for (int i = 0; i < xs.length; i++) ys[i][0] = 2 * xs[i][0] - xs[i][1] + 0.5f;
    return ys;
  }

  History fit(FitOptions options) {
    return model.fit(new Object[] {xs()}, new Object[] {ys()}, options);
  }

  /** Sets both kernel entries to {@code value}. */
  void setKernel(float value) {
    try (TFloat32 k =
        TFloat32.tensorOf(
            Shape.of(2, 1),
            t -> {
              t.setFloat(value, 0, 0);
              t.setFloat(value, 1, 0);
            })) {
      model.assignWeights(Map.of(dense.kernel(), k));
    }
  }

  float[] kernel() {
    try (TFloat32 k = model.readWeight(dense.kernel())) {
      return new float[] {k.getFloat(0, 0), k.getFloat(1, 0)};
    }
  }

  /** The optimizer's learning-rate variable, as float32. */
  float learningRate() {
    Optimizer optimizer = model.compileOptions().orElseThrow().optimizer();
    try (TFloat32 lr = model.readWeight(optimizer.learningRateVariable().orElseThrow())) {
      return lr.getFloat();
    }
  }

  @Override
  public void close() {
    model.close();
  }
}
