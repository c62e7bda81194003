package io.keras4j.layers.recurrent;

import io.keras4j.layers.CallContext;
import io.keras4j.layers.Layer;
import io.keras4j.layers.LayerArgs;
import io.keras4j.layers.Shapes;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.StridedSlice;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TInt32;

/**
 * Applies a layer to every time step of a sequence: Keras' {@code keras.layers.TimeDistributed}.
 * The time axis is folded into the batch, so the wrapped layer runs once on {@code (batch *
 * timesteps, ...)} and its weights are shared by all steps.
 *
 * <p>Input {@code (batch, timesteps, ...)}; the wrapped layer sees {@code (batch, ...)} and returns
 * {@code (batch, ...out)}; the output is {@code (batch, timesteps, ...out)}. A mask of the input,
 * {@code (batch, timesteps)}, reaches the wrapped layer folded the same way. The wrapped layer is
 * saved under the child name {@code layer}.
 *
 * <pre>{@code
 * TimeDistributed td = new TimeDistributed(TimeDistributedConfig.builder(new Dense(denseConfig)).build());
 * KerasTensor y = td.apply(Input.of(4, 5)); // (None, 4, 3) for a Dense of 3 units
 * }</pre>
 */
public final class TimeDistributed extends Layer {

  private final TimeDistributedConfig config;

  public TimeDistributed(TimeDistributedConfig config) {
    this(config, LayerArgs.defaults());
  }

  public TimeDistributed(TimeDistributedConfig config, LayerArgs args) {
    super(args);
    this.config = config;
  }

  /** The wrapped layer. */
  public Layer layer() {
    return config.layer();
  }

  @Override
  public Map<String, Layer> children() {
    return Map.of("layer", config.layer());
  }

  @Override
  protected void build(Ops tf, Shape inputShape) {
    config.layer().ensureBuilt(tf, List.of(childInputShape(inputShape)), false);
  }

  @Override
  protected Operand<?> call(Ops tf, Operand<?> input, CallContext context) {
    childInputShape(input.shape());
    Operand<TInt32> shape = tf.shape(input);
    Operand<TInt32> anyBatch = tf.constant(new int[] {-1});
    // (batch, timesteps, ...) to (batch * timesteps, ...)
    Operand<?> folded =
        tf.reshape(input, tf.concat(List.of(anyBatch, dims(tf, shape, 2, 0)), tf.constant(0)));
    Operand<TBool> mask = context.mask(0);
    if (mask != null) {
      mask = tf.reshape(mask, anyBatch);
    }
    // The wrapped layer shares this call's training flag and its collected updates and losses.
    CallContext child =
        context.withMasks(Collections.singletonList(mask)).withArguments(Map.of(), Map.of());
    Operand<?> y = single(config.layer().apply(tf, List.of(folded), child), "outputs");
    // (batch * timesteps, ...out) back to (batch, timesteps, ...out)
    Operand<TInt32> unfolded =
        tf.concat(
            List.of(anyBatch, dims(tf, shape, 1, 2), dims(tf, tf.shape(y), 1, 0)), tf.constant(0));
    return tf.reshape(y, unfolded);
  }

  /** Dimensions {@code [from, to)} of {@code shape}; {@code to = 0} means to the end. */
  private static Operand<TInt32> dims(Ops tf, Operand<TInt32> shape, int from, int to) {
    return tf.stridedSlice(
        shape,
        tf.constant(new int[] {from}),
        tf.constant(new int[] {to}),
        tf.constant(new int[] {1}),
        StridedSlice.endMask(to == 0 ? 1L : 0L));
  }

  @Override
  public Shape computeOutputShape(Shape inputShape) {
    Shape child = config.layer().computeOutputShape(childInputShape(inputShape));
    long[] d = child.asArray();
    long[] out = new long[d.length + 1];
    out[0] = d[0];
    out[1] = inputShape.get(1);
    System.arraycopy(d, 1, out, 2, d.length - 1);
    return Shape.of(out);
  }

  // Keras parity: TimeDistributed sets supports_masking = False, so its output carries no mask;
  // the default computeMask (no masks) does the same.

  @Override
  public TimeDistributedConfig getConfig() {
    return config;
  }

  /** {@code (batch, ...)}: the input shape without its time axis. */
  private Shape childInputShape(Shape inputShape) {
    if (inputShape.isUnknown() || inputShape.numDimensions() < 3) {
      throw new IllegalArgumentException(
          "`TimeDistributed` Layer should be passed an `input_shape` with at least 3 dimensions,"
              + " received: "
              + (inputShape.isUnknown() ? "unknown" : Shapes.toKeras(inputShape)));
    }
    return RecurrentLayer.stepShape(inputShape);
  }
}
