package io.keras4j.it.seed;

import io.keras4j.initializers.RandomUniform;
import io.keras4j.layers.CallContext;
import io.keras4j.layers.Layer;
import io.keras4j.layers.LayerArgs;
import io.keras4j.layers.Tensors;
import io.keras4j.layers.Weight;
import io.keras4j.layers.WeightOptions;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;

/** The seed article's first layer: one input, one output, {@code x · kernel}. */
public final class MyLayer extends Layer {

  private final MyLayerConfig config;
  private Weight kernel;

  public MyLayer(MyLayerConfig config, LayerArgs args) {
    super(args);
    this.config = config;
  }

  @Override
  protected void build(Ops tf, Shape inputShape) {
    Shape shape = Shape.of(inputShape.get(1), config.outputDim());
    kernel = addWeight(tf, "kernel", shape, WeightOptions.of(new RandomUniform()));
  }

  @Override
  protected Operand<?> call(Ops tf, Operand<?> x, CallContext ctx) {
    return tf.linalg.matMul(Tensors.floating(x), kernel.read(tf));
  }

  @Override
  public Shape computeOutputShape(Shape inputShape) {
    return Shape.of(inputShape.get(0), config.outputDim());
  }

  @Override
  public MyLayerConfig getConfig() {
    return config;
  }
}
