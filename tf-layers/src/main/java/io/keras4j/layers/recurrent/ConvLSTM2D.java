package io.keras4j.layers.recurrent;

import io.keras4j.layers.LayerArgs;
import io.keras4j.layers.Shapes;
import io.keras4j.regularizers.Regularizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/**
 * A convolutional LSTM over sequences of images: Keras' {@code keras.layers.ConvLSTM2D}. An {@link
 * RNN} over a convolutional LSTM cell whose input and recurrent products are 2-D convolutions; see
 * {@link ConvLSTMCell} for the equations.
 *
 * <p>Input {@code (batch, timesteps, rows, cols, channels)} ({@code channels_last}) or {@code
 * (batch, timesteps, channels, rows, cols)} ({@code channels_first}); output {@code (batch,
 * new_rows, new_cols, filters)} in the same data format, with a time axis after the batch with
 * {@code return_sequences}; with {@code return_state} the last {@code h} and {@code c} follow.
 * Weights, in the {@code cell} child: {@code kernel}, {@code recurrent_kernel}, {@code bias}.
 *
 * <pre>{@code
 * ConvLSTM2D layer = new ConvLSTM2D(ConvLSTM2DConfig.builder(4, 3).padding("same").build());
 * KerasTensor y = layer.apply(Input.of(3, 10, 10, 2)); // (None, 10, 10, 4)
 * }</pre>
 */
public final class ConvLSTM2D extends RecurrentLayer {

  private final ConvLSTM2DConfig config;
  private final ConvLSTMCell cell;

  public ConvLSTM2D(ConvLSTM2DConfig config) {
    this(config, LayerArgs.defaults());
  }

  public ConvLSTM2D(ConvLSTM2DConfig config, LayerArgs args) {
    super(RecurrentLayer.withActivityRegularizer(args, config.activityRegularizer()));
    // The config names the same activity regularizer as the base arguments, whichever set it.
    Regularizer activity = args().activityRegularizer();
    this.config =
        Objects.equals(activity, config.activityRegularizer())
            ? config
            : config.toBuilder().activityRegularizer(activity).build();
    // Keras parity: the cell is named conv_lstm_cell and shares the layer's dtype policy.
    this.cell =
        new ConvLSTMCell(
            this.config,
            LayerArgs.named("conv_lstm_cell")
                .withDtype(args.dtype())
                .withTrainable(args.trainable()));
  }

  @Override
  public RNNCell cell() {
    return cell;
  }

  @Override
  public ConvLSTM2DConfig getConfig() {
    return config;
  }

  @Override
  protected ConvLSTM2D copy(String name, boolean goBackwards, boolean zeroOutputForMask) {
    return new ConvLSTM2D(
        config.toBuilder().goBackwards(goBackwards).zeroOutputForMask(zeroOutputForMask).build(),
        args().withName(name));
  }

  @Override
  public List<Shape> computeOutputShape(List<Shape> inputShapes) {
    Shape sequences = inputShapes.get(0);
    if (sequences.isUnknown() || sequences.numDimensions() != 5) {
      throw new IllegalArgumentException(
          "Input 0 of layer '"
              + name()
              + "' (ConvLSTM2D) is incompatible with the layer: expected ndim=5, found shape="
              + (sequences.isUnknown() ? "unknown" : Shapes.toKeras(sequences)));
    }
    Shape state = cell.stateShapeInLayerFormat(stepShape(sequences));
    List<Shape> out = new ArrayList<>();
    out.add(
        config.returnSequences()
            ? Shape.of(state.get(0), sequences.get(1), state.get(1), state.get(2), state.get(3))
            : state);
    if (config.returnState()) {
      out.add(state);
      out.add(state);
    }
    return out;
  }

  /** Keras' {@code ConvLSTMCell.get_initial_state}: zeros shaped as the convolution's output. */
  @Override
  protected List<Operand<TFloating>> initialState(Ops tf, Operand<TFloating> sequences) {
    Shape state = cell.stateShapeInLayerFormat(stepShape(sequences.shape()));
    Operand<TFloating> zeros =
        tf.zeros(
            RNNCell.batchShape(tf, sequences, state.get(1), state.get(2), state.get(3)),
            sequences.type());
    return List.of(zeros, zeros);
  }
}
