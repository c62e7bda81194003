package io.keras4j.layers.core;

import io.keras4j.layers.CallArgs;
import io.keras4j.layers.CallContext;
import io.keras4j.layers.DTypePolicy;
import io.keras4j.layers.KerasTensor;
import io.keras4j.layers.Layer;
import io.keras4j.layers.LayerArgs;
import io.keras4j.layers.Shapes;
import io.keras4j.layers.TensorSpec;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;

/**
 * The entry point of a functional model: Keras' {@code InputLayer}. It has no weights and passes
 * its input through; {@link #output()} is the symbolic tensor that {@link Input#of} returns.
 */
public final class InputLayer extends Layer {

  private final InputLayerConfig config;
  private final KerasTensor output;

  public InputLayer(InputLayerConfig config) {
    this(config, LayerArgs.defaults().withName(config.name()));
  }

  public InputLayer(InputLayerConfig config, LayerArgs args) {
    super(args.withName(config.name() != null ? config.name() : args.name()));
    this.config = withName(config, name());
    this.output = applyAll(CallArgs.of()).get(0); // an input node: no inbound tensors
    markBuilt(List.of(batchShape()));
  }

  private static InputLayerConfig withName(InputLayerConfig c, String name) {
    return new InputLayerConfig(
        c.batchShape(), c.dtype(), c.sparse(), c.ragged(), name, c.optional());
  }

  /** The symbolic tensor this layer provides. */
  public KerasTensor output() {
    return output;
  }

  /** The input's shape, batch dimension included. */
  public Shape batchShape() {
    return Shapes.of(config.batchShape());
  }

  @Override
  public List<TensorSpec> computeOutputSpec(List<TensorSpec> inputs) {
    return List.of(new TensorSpec(batchShape(), DTypePolicy.dtype(config.dtype())));
  }

  @Override
  protected Operand<?> call(Ops tf, Operand<?> input, CallContext context) {
    return input;
  }

  @Override
  public Shape computeOutputShape(Shape inputShape) {
    return inputShape;
  }

  @Override
  public InputLayerConfig getConfig() {
    return config;
  }
}
