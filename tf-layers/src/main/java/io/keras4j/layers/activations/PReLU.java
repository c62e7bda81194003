package io.keras4j.layers.activations;

import io.keras4j.layers.CallContext;
import io.keras4j.layers.Layer;
import io.keras4j.layers.LayerArgs;
import io.keras4j.layers.Shapes;
import io.keras4j.layers.Tensors;
import io.keras4j.layers.Weight;
import io.keras4j.layers.WeightOptions;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;
import org.tensorflow.types.family.TType;

/**
 * The parametric rectified linear unit: {@code f(x) = relu(x) - alpha * relu(-x)}, a learned slope
 * {@code alpha} for negative inputs. Keras' {@code keras.layers.PReLU}.
 *
 * <p>Input and output have the same shape. Weight: {@code alpha}, shaped as the input without its
 * batch dimension, with 1 along each of {@code shared_axes}. Masks pass through.
 *
 * <pre>{@code
 * PReLU prelu = new PReLU(PReLUConfig.builder().sharedAxes(1, 2).build());
 * KerasTensor y = prelu.apply(Input.of(28, 28, 16)); // alpha (1, 1, 16)
 * }</pre>
 */
public final class PReLU extends Layer {

  private final PReLUConfig config;
  private @Nullable Weight alpha;

  public PReLU(PReLUConfig config) {
    this(config, LayerArgs.defaults());
  }

  public PReLU(PReLUConfig config, LayerArgs args) {
    super(args);
    this.config = config;
    setSupportsMasking(true);
  }

  @Override
  protected void build(Ops tf, Shape inputShape) {
    long[] param = inputShape.subShape(1, inputShape.numDimensions()).asArray();
    List<Integer> shared = config.sharedAxes();
    if (shared != null) {
      for (int axis : shared) {
        if (axis < 1 || axis >= inputShape.numDimensions()) {
          throw new IllegalArgumentException(
              "PReLU '"
                  + name()
                  + "': `shared_axes` must name input axes from 1 to "
                  + (inputShape.numDimensions() - 1)
                  + " for input shape "
                  + Shapes.toKeras(inputShape)
                  + ". Received: shared_axes="
                  + shared);
        }
        param[axis - 1] = 1;
      }
    }
    Shape alphaShape = Shape.of(param);
    if (alphaShape.hasUnknownDimension()) {
      throw new IllegalArgumentException(
          "PReLU '"
              + name()
              + "' needs a known size for every input axis it does not share, received input"
              + " shape "
              + Shapes.toKeras(inputShape)
              + " with shared_axes="
              + shared);
    }
    alpha =
        addWeight(
            tf,
            "alpha",
            alphaShape,
            WeightOptions.of(config.alphaInitializer())
                .regularizer(config.alphaRegularizer())
                .constraint(config.alphaConstraint()));
  }

  @Override
  protected Operand<?> call(Ops tf, Operand<?> input, CallContext context) {
    return prelu(tf, Tensors.floating(input));
  }

  private <T extends TFloating> Operand<T> prelu(Ops tf, Operand<T> x) {
    Operand<? extends TType> a = alpha.read(tf);
    @SuppressWarnings("unchecked")
    Operand<T> slope = a.type() == x.type() ? (Operand<T>) a : tf.dtypes.cast(a, x.type());
    Operand<T> negative = tf.math.mul(tf.math.neg(slope), tf.nn.relu(tf.math.neg(x)));
    return tf.math.add(tf.nn.relu(x), negative);
  }

  @Override
  public Shape computeOutputShape(Shape inputShape) {
    return inputShape;
  }

  @Override
  public PReLUConfig getConfig() {
    return config;
  }

  public @Nullable Weight alpha() {
    return alpha;
  }
}
