package io.keras4j.layers.reshaping;

import io.keras4j.layers.CallContext;
import io.keras4j.layers.Layer;
import io.keras4j.layers.LayerArgs;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;

/**
 * Permutes the non-batch axes: output axis {@code i} is input axis {@code dims[i - 1]}. Keras'
 * {@code keras.layers.Permute}.
 *
 * <p>Input {@code (batch, d1, ..., dn)} with {@code n = len(dims)}, output {@code (batch,
 * d[dims[0]], ..., d[dims[n-1]])}.
 *
 * <pre>{@code
 * Permute permute = new Permute(PermuteConfig.of(2, 1));
 * KerasTensor y = permute.apply(Input.of(3, 4)); // (None, 4, 3)
 * }</pre>
 */
public final class Permute extends Layer {

  private final PermuteConfig config;

  public Permute(PermuteConfig config) {
    this(config, LayerArgs.defaults());
  }

  public Permute(PermuteConfig config, LayerArgs args) {
    super(args);
    this.config = config;
  }

  @Override
  protected Operand<?> call(Ops tf, Operand<?> input, CallContext context) {
    InputRank.check(this, input.shape(), config.dims().size() + 1);
    List<Integer> dims = config.dims();
    int[] perm = new int[dims.size() + 1];
    for (int i = 0; i < dims.size(); i++) perm[i + 1] = dims.get(i);
    return tf.linalg.transpose(input, tf.constant(perm));
  }

  @Override
  public Shape computeOutputShape(Shape inputShape) {
    InputRank.check(this, inputShape, config.dims().size() + 1);
    long[] out = new long[inputShape.numDimensions()];
    out[0] = inputShape.get(0);
    for (int i = 0; i < config.dims().size(); i++) {
      out[i + 1] = inputShape.get(config.dims().get(i));
    }
    return Shape.of(out);
  }

  @Override
  public PermuteConfig getConfig() {
    return config;
  }
}
