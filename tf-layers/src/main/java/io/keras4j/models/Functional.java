package io.keras4j.models;

import io.keras4j.layers.CallContext;
import io.keras4j.layers.KerasTensor;
import io.keras4j.layers.Layer;
import io.keras4j.layers.LayerArgs;
import io.keras4j.layers.Node;
import io.keras4j.layers.Shapes;
import io.keras4j.layers.TensorSpec;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;

/**
 * A model defined by a graph of layers between symbolic inputs and outputs: Keras' functional
 * {@code keras.Model(inputs, outputs)}. Layers may be shared (applied several times), models may be
 * nested as layers, and a model may have several named inputs and outputs.
 *
 * <pre>{@code
 * KerasTensor x = Input.of(8);
 * KerasTensor h = new Dense(DenseConfig.builder(16).activation("relu").build()).apply(x);
 * KerasTensor y = new Dense(DenseConfig.builder(2).build()).apply(h);
 * Functional model = new Functional(LayerArgs.named("mlp"), List.of(x), List.of(y));
 * }</pre>
 */
public class Functional extends Model {

  private final List<KerasTensor> inputs;
  private final List<KerasTensor> outputs;
  private final boolean singleInput;
  private final boolean singleOutput;
  private final GraphMap graph;

  /**
   * @param singleInput whether the model takes one tensor rather than a list of one (how Keras
   *     writes {@code input_layers}); likewise {@code singleOutput}
   */
  public Functional(
      LayerArgs args,
      List<KerasTensor> inputs,
      List<KerasTensor> outputs,
      boolean singleInput,
      boolean singleOutput) {
    super(args);
    if (inputs.isEmpty() || outputs.isEmpty()) {
      throw new IllegalArgumentException(
          "A functional model needs at least one input and one output, received "
              + inputs.size()
              + " and "
              + outputs.size());
    }
    this.inputs = List.copyOf(inputs);
    this.outputs = List.copyOf(outputs);
    this.singleInput = singleInput && inputs.size() == 1;
    this.singleOutput = singleOutput && outputs.size() == 1;
    this.graph = GraphMap.of(this.inputs, this.outputs);
  }

  public Functional(LayerArgs args, List<KerasTensor> inputs, List<KerasTensor> outputs) {
    this(args, inputs, outputs, inputs.size() == 1, outputs.size() == 1);
  }

  /** A model from one input to one output. */
  public Functional(LayerArgs args, KerasTensor input, KerasTensor output) {
    this(args, List.of(input), List.of(output), true, true);
  }

  public List<KerasTensor> inputs() {
    return inputs;
  }

  public List<KerasTensor> outputs() {
    return outputs;
  }

  public boolean singleInput() {
    return singleInput;
  }

  public boolean singleOutput() {
    return singleOutput;
  }

  /** The nodes of the graph from inputs to outputs, input nodes included. */
  public List<Node> nodes() {
    return graph.nodes();
  }

  @Override
  public List<Layer> layers() {
    return graph.layers();
  }

  @Override
  public List<TensorSpec> inputSpecs() {
    return inputs.stream().map(KerasTensor::spec).toList();
  }

  @Override
  public List<TensorSpec> outputSpecs() {
    return outputs.stream().map(KerasTensor::spec).toList();
  }

  @Override
  public List<String> inputNames() {
    return inputs.stream().map(t -> t.layer().name()).toList();
  }

  @Override
  public List<String> outputNames() {
    return outputs.stream().map(t -> t.layer().name()).toList();
  }

  /** A functional model has no settings record: its config is its graph. */
  @Override
  public Object getConfig() {
    return this;
  }

  @Override
  protected void build(Ops tf, List<Shape> inputShapes) {
    for (Node node : graph.nodes()) {
      if (node.isInput()) continue;
      List<Shape> shapes = node.inputs().stream().map(KerasTensor::shape).toList();
      node.layer().ensureBuilt(tf, shapes, node.args().firstIsList());
    }
  }

  @Override
  public List<TensorSpec> computeOutputSpec(List<TensorSpec> inputSpecs) {
    long batch = inputSpecs.isEmpty() ? Shape.UNKNOWN_SIZE : inputSpecs.get(0).shape().get(0);
    return outputs.stream()
        .map(o -> new TensorSpec(Shapes.withBatch(o.shape(), batch), o.dtype()))
        .toList();
  }

  @Override
  protected List<Operand<?>> call(Ops tf, List<Operand<?>> values, CallContext context) {
    return run(tf, values, context).outputs();
  }

  /** Output values and masks of one run through the graph. */
  private record Run(List<Operand<?>> outputs, List<@Nullable Operand<TBool>> masks) {}

  private Run run(Ops tf, List<Operand<?>> values, CallContext context) {
    if (values.size() != inputs.size()) {
      throw new IllegalArgumentException(
          "Model '" + name() + "' expects " + inputs.size() + " inputs, received " + values.size());
    }
    Map<KerasTensor, Operand<?>> computed = new IdentityHashMap<>();
    Map<KerasTensor, Operand<TBool>> masks = new IdentityHashMap<>();
    for (int i = 0; i < inputs.size(); i++) {
      computed.put(inputs.get(i), values.get(i));
      Operand<TBool> m = context.mask(i);
      if (m != null) masks.put(inputs.get(i), m);
    }
    for (Node node : graph.nodes()) {
      if (node.isInput()) continue;
      List<KerasTensor> in = node.inputs();
      List<Operand<?>> args = new ArrayList<>(in.size());
      List<@Nullable Operand<TBool>> argMasks = new ArrayList<>(in.size());
      for (KerasTensor t : in) {
        Operand<?> v = computed.get(t);
        if (v == null) {
          throw new IllegalStateException(
              "Tensor " + t + " needed by layer '" + node.layer().name() + "' was not computed");
        }
        args.add(v);
        argMasks.add(masks.get(t));
      }
      Map<String, Object> plain = node.args().plainKwargs();
      boolean training = context.training();
      if (plain.get("training") instanceof Boolean b) {
        training = b;
      }
      CallContext ctx =
          context
              .withTraining(training)
              .withMasks(argMasks)
              .withArguments(plain, node.args().tensorKwargs());
      Layer layer = node.layer();
      List<Operand<?>> out = layer.apply(tf, args, ctx);
      List<@Nullable Operand<TBool>> outMasks = layer.computeMask(tf, args, argMasks, out.size());
      List<KerasTensor> symbolic = node.outputs();
      if (out.size() != symbolic.size()) {
        throw new IllegalStateException(
            "Layer '"
                + layer.name()
                + "' returned "
                + out.size()
                + " outputs where its node has "
                + symbolic.size());
      }
      for (int i = 0; i < out.size(); i++) {
        computed.put(symbolic.get(i), out.get(i));
        Operand<TBool> m = outMasks.get(i);
        if (m != null) masks.put(symbolic.get(i), m);
      }
    }
    List<Operand<?>> result = new ArrayList<>(outputs.size());
    List<@Nullable Operand<TBool>> resultMasks = new ArrayList<>(outputs.size());
    for (KerasTensor o : outputs) {
      result.add(computed.get(o));
      resultMasks.add(masks.get(o));
    }
    return new Run(result, resultMasks);
  }

  @Override
  public List<@Nullable Operand<TBool>> computeMask(
      Ops tf, List<Operand<?>> inputs, List<@Nullable Operand<TBool>> masks, int outputCount) {
    // Output masks of a nested model come from its own layers; recomputing them here would build
    // the graph twice, so a nested model passes masks only where it supports masking.
    return super.computeMask(tf, inputs, masks, outputCount);
  }
}
