package io.keras4j.layers.recurrent;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.keras4j.regularizers.Regularizer;
import org.jspecify.annotations.Nullable;

/**
 * The settings of Keras' {@code RNN} that a recurrent layer with a built-in cell ({@code
 * SimpleRNN}, {@code GRU}, {@code LSTM}, {@code ConvLSTM2D}) takes beside its cell's, with Keras'
 * defaults, and the layer's {@code activity_regularizer}.
 *
 * @param <B> the concrete builder, which every setter returns
 */
public abstract class RecurrentLayerBuilder<B extends RecurrentLayerBuilder<B>>
    extends CellBuilder<B> {

  boolean returnSequences;
  boolean returnState;
  boolean goBackwards;
  boolean stateful;
  boolean unroll;
  boolean zeroOutputForMask;
  boolean timeMajor;
  @Nullable Regularizer activityRegularizer;

  RecurrentLayerBuilder() {}

  @JsonProperty("return_sequences")
  public B returnSequences(boolean returnSequences) {
    this.returnSequences = returnSequences;
    return self();
  }

  @JsonProperty("return_state")
  public B returnState(boolean returnState) {
    this.returnState = returnState;
    return self();
  }

  @JsonProperty("go_backwards")
  public B goBackwards(boolean goBackwards) {
    this.goBackwards = goBackwards;
    return self();
  }

  @JsonProperty("stateful")
  public B stateful(boolean stateful) {
    this.stateful = stateful;
    return self();
  }

  @JsonProperty("unroll")
  public B unroll(boolean unroll) {
    this.unroll = unroll;
    return self();
  }

  @JsonProperty("zero_output_for_mask")
  public B zeroOutputForMask(boolean zeroOutputForMask) {
    this.zeroOutputForMask = zeroOutputForMask;
    return self();
  }

  /** Keras 2's layout switch; only {@code false}, the batch-major layout, is supported. */
  @JsonProperty("time_major")
  public B timeMajor(boolean timeMajor) {
    this.timeMajor = timeMajor;
    return self();
  }

  /**
   * Keras' {@code activity_regularizer} of the layer (not of its cell). It is also the layer's
   * {@link io.keras4j.layers.LayerArgs#activityRegularizer()}, which a file's reader fills.
   */
  @JsonProperty("activity_regularizer")
  public B activityRegularizer(@Nullable Regularizer activityRegularizer) {
    this.activityRegularizer = activityRegularizer;
    return self();
  }
}
