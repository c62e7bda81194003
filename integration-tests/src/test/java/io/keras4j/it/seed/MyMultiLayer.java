package io.keras4j.it.seed;

import io.keras4j.initializers.RandomUniform;
import io.keras4j.layers.CallContext;
import io.keras4j.layers.Layer;
import io.keras4j.layers.LayerArgs;
import io.keras4j.layers.Tensors;
import io.keras4j.layers.Weight;
import io.keras4j.layers.WeightOptions;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/**
 * The seed article's second layer: inputs {@code [a, b]}, outputs {@code [a · kernel + b, mean(b,
 * -1)]}.
 */
public final class MyMultiLayer extends Layer {

  private final MyMultiLayerConfig config;
  private Weight kernel;

  public MyMultiLayer(MyMultiLayerConfig config, LayerArgs args) {
    super(args);
    this.config = config;
  }

  @Override
  protected void build(Ops tf, List<Shape> inputShapes) {
    Shape a = inputShapes.get(0);
    kernel =
        addWeight(
            tf,
            "kernel",
            Shape.of(a.get(1), config.outputDim()),
            WeightOptions.of(new RandomUniform()));
  }

  @Override
  protected List<Operand<?>> call(Ops tf, List<Operand<?>> inputs, CallContext ctx) {
    Operand<TFloating> a = Tensors.floating(inputs.get(0));
    Operand<TFloating> b = Tensors.floating(inputs.get(1));
    return List.of(
        tf.math.add(tf.linalg.matMul(a, kernel.read(tf)), b), tf.math.mean(b, tf.constant(-1)));
  }

  @Override
  public List<Shape> computeOutputShape(List<Shape> inputShapes) {
    Shape a = inputShapes.get(0);
    Shape b = inputShapes.get(1);
    return List.of(Shape.of(a.get(0), config.outputDim()), b.take(b.numDimensions() - 1));
  }

  @Override
  public MyMultiLayerConfig getConfig() {
    return config;
  }
}
