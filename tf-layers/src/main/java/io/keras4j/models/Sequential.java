package io.keras4j.models;

import io.keras4j.layers.CallContext;
import io.keras4j.layers.Layer;
import io.keras4j.layers.LayerArgs;
import io.keras4j.layers.Shapes;
import io.keras4j.layers.TensorSpec;
import io.keras4j.layers.core.InputLayer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.family.TType;

/**
 * A plain stack of layers, each with one input and one output: Keras' {@code keras.Sequential}. Its
 * input is given by a leading {@link InputLayer} or, as Keras' {@code build_input_shape}, by {@link
 * #Sequential(LayerArgs, List, TensorSpec)}.
 *
 * <pre>{@code
 * Sequential model = new Sequential(LayerArgs.named("classifier"), List.of(
 *     new InputLayer(InputLayerConfig.builder(Arrays.asList(null, 8L)).build()),
 *     new Dense(DenseConfig.builder(4).activation("relu").build()),
 *     new Dense(DenseConfig.builder(2).activation("softmax").build())));
 * }</pre>
 */
public class Sequential extends Model {

  private final @Nullable InputLayer inputLayer;
  private final List<Layer> layers;
  private final @Nullable TensorSpec declaredInput;

  public Sequential(LayerArgs args, List<Layer> layers) {
    this(args, layers, null);
  }

  /**
   * @param input the input spec (batch dimension included) when the stack does not start with an
   *     {@link InputLayer}; Keras' {@code build_input_shape}
   */
  public Sequential(LayerArgs args, List<Layer> layers, @Nullable TensorSpec input) {
    super(args);
    List<Layer> rest = new ArrayList<>(layers);
    InputLayer in = null;
    if (!rest.isEmpty() && rest.get(0) instanceof InputLayer first) {
      in = first;
      rest.remove(0);
    }
    for (Layer l : rest) {
      if (l instanceof InputLayer) {
        throw new IllegalArgumentException(
            "Sequential '" + name() + "' may only have an InputLayer first, found " + l.name());
      }
    }
    this.inputLayer = in;
    this.layers = Collections.unmodifiableList(rest);
    this.declaredInput = in != null ? in.output().spec() : input;
  }

  /** The layers of the stack, without its input layer (as Keras' {@code Sequential.layers}). */
  @Override
  public List<Layer> layers() {
    return layers;
  }

  /** The leading input layer, if the stack has one. */
  public @Nullable InputLayer inputLayer() {
    return inputLayer;
  }

  private TensorSpec input() {
    if (declaredInput == null) {
      throw new IllegalStateException(
          "Sequential model '"
              + name()
              + "' has no input shape: start it with an InputLayer or give its input spec");
    }
    return declaredInput;
  }

  /** Whether the model knows its input (from an input layer or a build shape). */
  public boolean hasInput() {
    return declaredInput != null;
  }

  @Override
  public List<TensorSpec> inputSpecs() {
    return List.of(input());
  }

  @Override
  public List<String> inputNames() {
    return List.of(inputLayer != null ? inputLayer.name() : name() + "_input");
  }

  @Override
  public List<String> outputNames() {
    return List.of(layers.isEmpty() ? inputNames().get(0) : layers.get(layers.size() - 1).name());
  }

  @Override
  public List<TensorSpec> outputSpecs() {
    return computeOutputSpec(List.of(input()));
  }

  /** Input spec of each layer followed by the model's output spec. */
  public List<TensorSpec> layerSpecs(TensorSpec input) {
    List<TensorSpec> specs = new ArrayList<>(layers.size() + 1);
    TensorSpec x = input;
    specs.add(x);
    for (Layer l : layers) {
      x = only(l, l.computeOutputSpec(List.of(x)));
      specs.add(x);
    }
    return specs;
  }

  @Override
  public Object getConfig() {
    return this;
  }

  @Override
  protected void build(Ops tf, List<Shape> inputShapes) {
    Shape shape = single(inputShapes, "inputs");
    Class<? extends TType> dtype = declaredInput != null ? declaredInput.dtype() : floatx();
    TensorSpec x = new TensorSpec(shape, dtype);
    for (Layer l : layers) {
      l.ensureBuilt(tf, List.of(x.shape()), false);
      x = only(l, l.computeOutputSpec(List.of(x)));
    }
  }

  private Class<? extends TType> floatx() {
    return dtypePolicy().computeDtype();
  }

  @Override
  public List<TensorSpec> computeOutputSpec(List<TensorSpec> inputs) {
    List<TensorSpec> specs = layerSpecs(single(inputs, "inputs"));
    return List.of(specs.get(specs.size() - 1));
  }

  @Override
  public Shape computeOutputShape(Shape inputShape) {
    TensorSpec in =
        new TensorSpec(inputShape, declaredInput != null ? declaredInput.dtype() : floatx());
    return computeOutputSpec(List.of(in)).get(0).shape();
  }

  @Override
  protected List<Operand<?>> call(Ops tf, List<Operand<?>> inputs, CallContext context) {
    Operand<?> x = single(inputs, "inputs");
    Operand<TBool> mask = context.mask(0);
    for (Layer l : layers) {
      List<@Nullable Operand<TBool>> masks = Collections.singletonList(mask);
      List<Operand<?>> in = List.of(x);
      x = only(l, l.apply(tf, in, context.withMasks(masks)));
      mask = l.computeMask(tf, in, masks, 1).get(0);
    }
    return List.of(x);
  }

  private static <V> V only(Layer layer, List<V> outputs) {
    if (outputs.size() != 1) {
      throw new IllegalArgumentException(
          "Layers of a Sequential model have one output; layer '"
              + layer.name()
              + "' has "
              + outputs.size()
              + ". Use a functional model instead.");
    }
    return outputs.get(0);
  }

  @Override
  public String toString() {
    return "Sequential["
        + name()
        + ", input "
        + (declaredInput == null ? "unknown" : Shapes.toKeras(declaredInput.shape()))
        + "]";
  }
}
