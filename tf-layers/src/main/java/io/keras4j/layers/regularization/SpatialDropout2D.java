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
 * keras.layers.SpatialDropout2D}.
 *
 * <p>The identity at inference. Input and output {@code (batch, rows, cols, channels)} (or channels
 * first). No weights; masks pass through.
 *
 * <pre>{@code
 * SpatialDropout2D dropout = new SpatialDropout2D(SpatialDropout2DConfig.of(0.2));
 * KerasTensor y = dropout.apply(Input.of(8, 8, 16));
 * }</pre>
 */
public final class SpatialDropout2D extends Layer {

  private final SpatialDropout2DConfig config;

  public SpatialDropout2D(SpatialDropout2DConfig config) {
    this(config, LayerArgs.defaults());
  }

  public SpatialDropout2D(SpatialDropout2DConfig config, LayerArgs args) {
    super(args);
    this.config = config;
    setSupportsMasking(true);
    buildAtInit();
  }

  @Override
  protected Operand<?> call(Ops tf, Operand<?> input, CallContext context) {
    Noise.requireRank(name(), input.shape(), 4);
    if (!context.training() || config.rate() == 0.0) {
      return Noise.passThrough(tf, input);
    }
    return dropout(tf, Tensors.floating(input));
  }

  private <T extends TFloating> Operand<T> dropout(Ops tf, Operand<T> x) {
    Operand<TInt64> noiseShape =
        Noise.shape(
            tf,
            x,
            Noise.spatialNoiseShape(4, "channels_first".equals(config.dataFormat())),
            "SpatialDropout2D '" + name() + "'");
    return Noise.dropout(tf, x, config.rate(), noiseShape, config.seed());
  }

  @Override
  public Shape computeOutputShape(Shape inputShape) {
    Noise.requireRank(name(), inputShape, 4);
    return inputShape;
  }

  @Override
  public SpatialDropout2DConfig getConfig() {
    return config;
  }
}
