package io.keras4j.layers.recurrent;

import io.keras4j.layers.CallContext;
import io.keras4j.layers.Layer;
import io.keras4j.layers.LayerArgs;
import io.keras4j.layers.Tensors;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.family.TFloating;

/**
 * Runs a recurrent layer over the sequence in both directions and merges the two outputs: Keras'
 * {@code keras.layers.Bidirectional}.
 *
 * <p>The layer owns two copies of the wrapped layer: {@code forward_layer}, named {@code
 * forward_<name>}, reads the sequence as the wrapped layer does, and {@code backward_layer} reads
 * it the other way (or is the given {@code backward_layer}). With {@code return_sequences} the
 * backward outputs are flipped back into time order. {@code merge_mode} {@code concat} joins them
 * on the last axis, {@code sum}, {@code mul} and {@code ave} combine them element-wise, and {@code
 * null} returns both. With {@code return_state} the forward states, then the backward states,
 * follow; initial states are split the same way, half to each direction.
 *
 * <p>Both copies set {@code zero_output_for_mask} to {@code return_sequences}, as Keras does, so
 * that masked steps of the merged sequence are zeros in both halves.
 *
 * <pre>{@code
 * Bidirectional bi =
 *     new Bidirectional(BidirectionalConfig.builder(new LSTM(lstmConfig)).build());
 * KerasTensor y = bi.apply(Input.of(5, 3)); // (None, 5, 8) for 4 units and return_sequences
 * }</pre>
 */
public final class Bidirectional extends Layer {

  private final BidirectionalConfig config;
  private final RecurrentLayer forwardLayer;
  private final RecurrentLayer backwardLayer;

  public Bidirectional(BidirectionalConfig config) {
    this(config, LayerArgs.defaults());
  }

  public Bidirectional(BidirectionalConfig config, LayerArgs args) {
    super(args);
    this.config = config;
    RecurrentLayer layer = (RecurrentLayer) config.layer();
    RecurrentConfig settings = layer.getConfig();
    this.forwardLayer =
        layer.copy(
            "forward_" + removePrefix(layer.name(), "forward_"),
            settings.goBackwards(),
            settings.returnSequences());
    if (config.backwardLayer() == null) {
      // Keras parity: Keras 2 made the backward copy read the other way than the wrapped layer;
      // Keras 3 sets go_backwards=True, which is the same for a forward layer and which Keras 3
      // then refuses for a backward one. Keras 2 files wrapping a backward layer need this.
      this.backwardLayer =
          layer.copy(
              "backward_" + removePrefix(layer.name(), "backward_"),
              !settings.goBackwards(),
              settings.returnSequences());
    } else {
      RecurrentLayer given = (RecurrentLayer) config.backwardLayer();
      RecurrentConfig g = given.getConfig();
      this.backwardLayer =
          g.zeroOutputForMask() == g.returnSequences()
              ? given
              : given.copy(given.name(), g.goBackwards(), g.returnSequences());
    }
    verifyLayers();
  }

  private void verifyLayers() {
    RecurrentConfig f = forwardLayer.getConfig();
    RecurrentConfig b = backwardLayer.getConfig();
    if (f.goBackwards() == b.goBackwards()) {
      throw new IllegalArgumentException(
          "Forward layer and backward layer should have different `go_backwards` value. Received:"
              + " forward_layer.go_backwards="
              + f.goBackwards()
              + ", backward_layer.go_backwards="
              + b.goBackwards());
    }
    requireSame("stateful", f.stateful(), b.stateful());
    requireSame("return_sequences", f.returnSequences(), b.returnSequences());
    requireSame("return_state", f.returnState(), b.returnState());
  }

  private static void requireSame(String attribute, boolean forward, boolean backward) {
    if (forward != backward) {
      throw new IllegalArgumentException(
          "Forward layer and backward layer are expected to have the same value for attribute \""
              + attribute
              + "\", got \""
              + forward
              + "\" for forward layer and \""
              + backward
              + "\" for backward layer");
    }
  }

  private static String removePrefix(String name, String prefix) {
    return name.startsWith(prefix) ? name.substring(prefix.length()) : name;
  }

  public RecurrentLayer forwardLayer() {
    return forwardLayer;
  }

  public RecurrentLayer backwardLayer() {
    return backwardLayer;
  }

  @Override
  public Map<String, Layer> children() {
    Map<String, Layer> children = new LinkedHashMap<>();
    children.put("forward_layer", forwardLayer);
    children.put("backward_layer", backwardLayer);
    return Collections.unmodifiableMap(children);
  }

  @Override
  protected void build(Ops tf, List<Shape> inputShapes) {
    List<Shape> sequences = List.of(inputShapes.get(0));
    forwardLayer.ensureBuilt(tf, sequences, false);
    backwardLayer.ensureBuilt(tf, sequences, false);
  }

  @Override
  protected List<Operand<?>> call(Ops tf, List<Operand<?>> inputs, CallContext context) {
    Operand<?> sequences = inputs.get(0);
    List<Operand<?>> states = RecurrentLayer.stateInputs(inputs, context);
    if (states.size() % 2 != 0) {
      throw new IllegalArgumentException(
          "Bidirectional '"
              + name()
              + "' splits its initial states in half between the two directions; received "
              + states.size());
    }
    Operand<TBool> mask = RecurrentLayer.maskArgument(inputs, context);
    // The copies share this call's training flag and its collected updates and losses.
    CallContext child =
        context
            .withMasks(Collections.singletonList(mask))
            .withArguments(Map.of(), states.isEmpty() ? Map.of() : Map.of("initial_state", 1));
    int half = states.size() / 2;
    List<Operand<?>> y =
        forwardLayer.apply(tf, withStates(sequences, states.subList(0, half)), child);
    List<Operand<?>> yRev =
        backwardLayer.apply(tf, withStates(sequences, states.subList(half, states.size())), child);
    RecurrentConfig settings = forwardLayer.getConfig();
    Operand<TFloating> forward = Tensors.floating(y.get(0));
    Operand<TFloating> backward = Tensors.floating(yRev.get(0));
    if (settings.returnSequences()) {
      backward = tf.reverse(backward, tf.constant(new int[] {1}));
    }
    List<Operand<?>> out = new ArrayList<>();
    String mode = config.mergeMode();
    if (mode == null) {
      out.add(forward);
      out.add(backward);
    } else {
      out.add(merge(tf, mode, forward, backward));
    }
    if (settings.returnState()) {
      out.addAll(y.subList(1, y.size()));
      out.addAll(yRev.subList(1, yRev.size()));
    }
    return out;
  }

  private static Operand<TFloating> merge(
      Ops tf, String mode, Operand<TFloating> forward, Operand<TFloating> backward) {
    return switch (mode) {
      case "concat" -> tf.concat(List.of(forward, backward), tf.constant(-1));
      case "sum" -> tf.math.add(forward, backward);
      case "mul" -> tf.math.mul(forward, backward);
      case "ave" ->
          tf.math.div(
              tf.math.add(forward, backward), tf.dtypes.cast(tf.constant(2f), forward.type()));
      default -> throw new IllegalStateException("Unrecognized value for `merge_mode`: " + mode);
    };
  }

  private static List<Operand<?>> withStates(Operand<?> sequences, List<Operand<?>> states) {
    List<Operand<?>> in = new ArrayList<>();
    in.add(sequences);
    in.addAll(states);
    return in;
  }

  @Override
  public List<Shape> computeOutputShape(List<Shape> inputShapes) {
    List<Shape> forward = forwardLayer.computeOutputShape(List.of(inputShapes.get(0)));
    Shape output = forward.get(0);
    List<Shape> states = forward.subList(1, forward.size());
    List<Shape> out = new ArrayList<>();
    String mode = config.mergeMode();
    if (mode == null) {
      out.add(output);
      out.add(output);
    } else if (mode.equals("concat")) {
      int last = output.numDimensions() - 1;
      long d = output.get(last);
      out.add(output.take(last).append(d == Shape.UNKNOWN_SIZE ? d : 2 * d));
    } else {
      out.add(output);
    }
    if (forwardLayer.getConfig().returnState()) {
      out.addAll(states);
      out.addAll(states);
    }
    return out;
  }

  /** Keras' view of the settings: the forward copy under {@code layer}, and the backward layer. */
  @Override
  public BidirectionalConfig getConfig() {
    return new BidirectionalConfig(config.mergeMode(), forwardLayer, backwardLayer);
  }

  // Keras parity: Bidirectional sets supports_masking = False, so its outputs carry no mask; the
  // default computeMask (no masks) does the same.
}
