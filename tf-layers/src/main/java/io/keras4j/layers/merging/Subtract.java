package io.keras4j.layers.merging;

import io.keras4j.layers.LayerArgs;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.family.TType;

/**
 * Subtracts the second of two tensors from the first, element-wise: {@code y = x[0] - x[1]}. Keras'
 * {@code keras.layers.Subtract}.
 *
 * <p>Inputs: exactly two tensors of one shape, or of shapes that broadcast (an input of lower rank
 * gets unit axes after the batch axis); output: the broadcast shape. Output mask: the OR of the
 * input masks, none unless both inputs have one.
 *
 * <pre>{@code
 * KerasTensor a = Input.of(5);
 * KerasTensor b = Input.of(5);
 * KerasTensor difference = new Subtract().apply(List.of(a, b)); // (None, 5)
 * }</pre>
 */
public final class Subtract extends Merge {

  private final SubtractConfig config;

  public Subtract() {
    this(new SubtractConfig());
  }

  public Subtract(SubtractConfig config) {
    this(config, LayerArgs.defaults());
  }

  public Subtract(SubtractConfig config, LayerArgs args) {
    super(args);
    this.config = config;
  }

  @Override
  public List<Shape> computeOutputShape(List<Shape> inputShapes) {
    if (inputShapes.size() != 2) {
      throw new IllegalArgumentException(
          "A `Subtract` layer should be called on exactly 2 inputs. Layer '"
              + name()
              + "' received: input_shape="
              + kerasShapes(inputShapes));
    }
    return super.computeOutputShape(inputShapes);
  }

  @Override
  Operand<?> merge(Ops tf, List<Operand<?>> inputs, List<@Nullable Operand<TBool>> masks) {
    List<Operand<TType>> xs = typed(inputs);
    return tf.math.sub(xs.get(0), xs.get(1));
  }

  @Override
  public SubtractConfig getConfig() {
    return config;
  }
}
