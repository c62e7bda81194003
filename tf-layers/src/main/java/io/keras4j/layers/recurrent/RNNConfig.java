package io.keras4j.layers.recurrent;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import io.keras4j.layers.Layer;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Config of {@link RNN}: Keras' {@code RNN(cell, return_sequences=False, return_state=False,
 * go_backwards=False, stateful=False, unroll=False, zero_output_for_mask=False)}. The cell is saved
 * as a nested layer under {@code cell}.
 *
 * <p>Two configs are equal when their cells are of the same class with the same name and config.
 */
@JsonDeserialize(builder = RNNConfig.Builder.class)
public record RNNConfig(
    @JsonProperty("return_sequences") boolean returnSequences,
    @JsonProperty("return_state") boolean returnState,
    @JsonProperty("go_backwards") boolean goBackwards,
    @JsonProperty("stateful") boolean stateful,
    @JsonProperty("unroll") boolean unroll,
    @JsonProperty("zero_output_for_mask") boolean zeroOutputForMask,
    @JsonProperty("cell") Layer cell)
    implements RecurrentConfig {

  public RNNConfig {
    Objects.requireNonNull(cell, "cell");
    if (!(cell instanceof RNNCell)) {
      throw new IllegalArgumentException(
          "Argument `cell` should be a recurrent cell (an RNNCell with a `state_size` and a step"
              + " `call`). Received: cell="
              + cell);
    }
    RecurrentLayer.requireNotStateful("RNN", stateful);
  }

  /** The cell, as the {@link RNNCell} it must be. */
  public RNNCell rnnCell() {
    return (RNNCell) cell;
  }

  public static Builder builder(RNNCell cell) {
    return new Builder().cell(cell);
  }

  public Builder toBuilder() {
    return new Builder()
        .returnSequences(returnSequences)
        .returnState(returnState)
        .goBackwards(goBackwards)
        .stateful(stateful)
        .unroll(unroll)
        .zeroOutputForMask(zeroOutputForMask)
        .cell(cell);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof RNNConfig c
        && returnSequences == c.returnSequences
        && returnState == c.returnState
        && goBackwards == c.goBackwards
        && stateful == c.stateful
        && unroll == c.unroll
        && zeroOutputForMask == c.zeroOutputForMask
        && NestedLayers.equal(cell, c.cell);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        returnSequences,
        returnState,
        goBackwards,
        stateful,
        unroll,
        zeroOutputForMask,
        NestedLayers.hash(cell));
  }

  /** Keras' defaults, in one place for Java callers and for configs that omit a key. */
  @JsonPOJOBuilder(withPrefix = "")
  public static final class Builder {
    private boolean returnSequences;
    private boolean returnState;
    private boolean goBackwards;
    private boolean stateful;
    private boolean unroll;
    private boolean zeroOutputForMask;
    private boolean timeMajor;
    private @Nullable Layer cell;

    @JsonProperty("return_sequences")
    public Builder returnSequences(boolean returnSequences) {
      this.returnSequences = returnSequences;
      return this;
    }

    @JsonProperty("return_state")
    public Builder returnState(boolean returnState) {
      this.returnState = returnState;
      return this;
    }

    @JsonProperty("go_backwards")
    public Builder goBackwards(boolean goBackwards) {
      this.goBackwards = goBackwards;
      return this;
    }

    @JsonProperty("stateful")
    public Builder stateful(boolean stateful) {
      this.stateful = stateful;
      return this;
    }

    @JsonProperty("unroll")
    public Builder unroll(boolean unroll) {
      this.unroll = unroll;
      return this;
    }

    @JsonProperty("zero_output_for_mask")
    public Builder zeroOutputForMask(boolean zeroOutputForMask) {
      this.zeroOutputForMask = zeroOutputForMask;
      return this;
    }

    /** Keras 2's layout switch; only {@code false}, the batch-major layout, is supported. */
    @JsonProperty("time_major")
    public Builder timeMajor(boolean timeMajor) {
      this.timeMajor = timeMajor;
      return this;
    }

    @JsonProperty("cell")
    public Builder cell(Layer cell) {
      this.cell = cell;
      return this;
    }

    public RNNConfig build() {
      RecurrentLayer.requireBatchMajor("RNN", timeMajor);
      return new RNNConfig(
          returnSequences, returnState, goBackwards, stateful, unroll, zeroOutputForMask, cell);
    }
  }
}
