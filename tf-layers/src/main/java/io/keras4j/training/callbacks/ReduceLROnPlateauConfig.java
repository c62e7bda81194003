package io.keras4j.training.callbacks;

import java.util.Objects;

/**
 * Settings of {@link ReduceLROnPlateau}: Keras' {@code ReduceLROnPlateau(monitor="val_loss",
 * factor=0.1, patience=10, verbose=0, mode="auto", min_delta=1e-4, cooldown=0, min_lr=0.0)}.
 *
 * @param monitor the logged quantity to watch ({@code monitor})
 * @param factor what the learning rate is multiplied by: {@code new_lr = lr * factor}, below 1
 * @param patience epochs without improvement before the learning rate is reduced
 * @param verbose 1 logs a message at each reduction
 * @param mode which way the quantity improves
 * @param minDelta the least change that counts as an improvement ({@code min_delta})
 * @param cooldown epochs after a reduction during which the patience count stays at 0
 * @param minLr the learning rate is never reduced below this ({@code min_lr})
 */
public record ReduceLROnPlateauConfig(
    String monitor,
    double factor,
    int patience,
    int verbose,
    Mode mode,
    double minDelta,
    int cooldown,
    double minLr) {

  public ReduceLROnPlateauConfig {
    Objects.requireNonNull(monitor, "monitor");
    Objects.requireNonNull(mode, "mode");
    if (!(factor < 1.0)) {
      throw new IllegalArgumentException(
          "ReduceLROnPlateau does not support a factor >= 1.0. Received factor=" + factor);
    }
    if (patience < 0 || cooldown < 0) {
      throw new IllegalArgumentException(
          "patience and cooldown must not be negative. Received: patience="
              + patience
              + ", cooldown="
              + cooldown);
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Keras' defaults. */
  public static final class Builder {
    private String monitor = "val_loss";
    private double factor = 0.1;
    private int patience = 10;
    private int verbose = 0;
    private Mode mode = Mode.AUTO;
    private double minDelta = 1e-4;
    private int cooldown = 0;
    private double minLr = 0.0;

    private Builder() {}

    public Builder monitor(String monitor) {
      this.monitor = monitor;
      return this;
    }

    public Builder factor(double factor) {
      this.factor = factor;
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

    public Builder minDelta(double minDelta) {
      this.minDelta = minDelta;
      return this;
    }

    public Builder cooldown(int cooldown) {
      this.cooldown = cooldown;
      return this;
    }

    public Builder minLr(double minLr) {
      this.minLr = minLr;
      return this;
    }

    public ReduceLROnPlateauConfig build() {
      return new ReduceLROnPlateauConfig(
          monitor, factor, patience, verbose, mode, minDelta, cooldown, minLr);
    }
  }
}
