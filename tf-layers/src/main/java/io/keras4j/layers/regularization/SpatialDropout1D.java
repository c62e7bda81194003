package io.keras4j.layers.regularization;

import io.keras4j.layers.CallContext;
import io.keras4j.layers.Layer;
import io.keras4j.layers.LayerArgs;
import io.keras4j.layers.Tensors;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.family.TFloating;

/**
 * Dropout of whole channels during training: each example's channel is kept with probability {@code
 * 1 - rate} (and scaled by {@code 1 / (1 - rate)}) or set to 0 along all its spatial positions,
 * which suits feature maps whose neighbouring entries are correlated. Keras' {@code
 * keras.layers.SpatialDropout1D}.
 *
 * <p>The identity at inference. Input and output {@code (batch, steps, channels)}. No weights;
 * masks pass through.
 *
 * <pre>{@code
 * SpatialDropout1D dropout = new SpatialDropout1D(SpatialDropout1DConfig.of(0.2));
 * KerasTensor y = dropout.apply(Input.of(10, 16));
 * }</pre>
 */
public final class SpatialDropout1D extends Layer {

  private final SpatialDropout1DConfig config;

  public SpatialDropout1D(SpatialDropout1DConfig config) {
    this(config, LayerArgs.defaults());
  }

  public SpatialDropout1D(SpatialDropout1DConfig config, LayerArgs args) {
    super(args);
    this.config = config;
    setSupportsMasking(true);
    buildAtInit();
  }

  @Override
  protected Operand<?> call(Ops tf, Operand<?> input, CallContext context) {
    Noise.requireRank(name(), input.shape(), 3);
    if (!context.training() || config.rate() == 0.0) {
      return Noise.passThrough(tf, input);
    }
    return dropout(tf, Tensors.floating(input));
  }

  private <T extends TFloating> Operand<T> dropout(Ops tf, Operand<T> x) {
    Operand<TInt64> noiseShape =
        Noise.shape(tf, x, Noise.spatialNoiseShape(3, false), "SpatialDropout1D '" + name() + "'");
    return Noise.dropout(tf, x, config.rate(), noiseShape, config.seed());
  }

  @Override
  public Shape computeOutputShape(Shape inputShape) {
    Noise.requireRank(name(), inputShape, 3);
    return inputShape;
  }

  @Override
  public SpatialDropout1DConfig getConfig() {
    return config;
  }
}
