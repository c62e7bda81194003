package io.keras4j.training.callbacks;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Settings of {@link EarlyStopping}: Keras' {@code EarlyStopping(monitor="val_loss", min_delta=0,
 * patience=0, verbose=0, mode="auto", baseline=None, restore_best_weights=False,
 * start_from_epoch=0)}.
 *
 * @param monitor the logged quantity to watch ({@code monitor})
 * @param minDelta the least change that counts as an improvement ({@code min_delta})
 * @param patience epochs without improvement before training stops ({@code patience})
 * @param verbose 1 logs a message when the callback stops training or restores weights
 * @param mode which way the quantity improves ({@code mode})
 * @param baseline a value the quantity must beat for the patience count to restart ({@code
 *     baseline})
 * @param restoreBestWeights restore, when training ends, the weights of the best epoch seen ({@code
 *     restore_best_weights})
 * @param startFromEpoch epochs of warm-up, counted from 0, during which the quantity is not watched
 *     ({@code start_from_epoch})
 */
public record EarlyStoppingConfig(
    String monitor,
    double minDelta,
    int patience,
    int verbose,
    Mode mode,
    @Nullable Double baseline,
    boolean restoreBestWeights,
    int startFromEpoch) {

  public EarlyStoppingConfig {
    Objects.requireNonNull(monitor, "monitor");
    Objects.requireNonNull(mode, "mode");
    if (patience < 0) {
      throw new IllegalArgumentException(
          "patience must not be negative. Received: patience=" + patience);
    }
    if (startFromEpoch < 0) {
      throw new IllegalArgumentException(
          "start_from_epoch must not be negative. Received: start_from_epoch=" + startFromEpoch);
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Keras' defaults. */
  public static final class Builder {
    private String monitor = "val_loss";
    private double minDelta = 0;
    private int patience = 0;
    private int verbose = 0;
    private Mode mode = Mode.AUTO;
    private @Nullable Double baseline;
    private boolean restoreBestWeights = false;
    private int startFromEpoch = 0;

    private Builder() {}

    public Builder monitor(String monitor) {
      this.monitor = monitor;
      return this;
    }

    public Builder minDelta(double minDelta) {
      this.minDelta = minDelta;
      return this;
    }

    public Builder patience(int patience) {
      this.patience = patience;
      return this;
    }

    public Builder verbose(int verbose) {
      this.verbose = verbose;
      return this;
    }

    public Builder mode(Mode mode) {
      this.mode = mode;
      return this;
    }

    public Builder baseline(@Nullable Double baseline) {
      this.baseline = baseline;
      return this;
    }

    public Builder restoreBestWeights(boolean restoreBestWeights) {
      this.restoreBestWeights = restoreBestWeights;
      return this;
    }

    public Builder startFromEpoch(int startFromEpoch) {
      this.startFromEpoch = startFromEpoch;
      return this;
    }

    public EarlyStoppingConfig build() {
      return new EarlyStoppingConfig(
          monitor, minDelta, patience, verbose, mode, baseline, restoreBestWeights, startFromEpoch);
    }
  }
}
