package io.keras4j.io.callbacks;

import io.keras4j.training.callbacks.Mode;
import java.nio.file.Path;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Settings of {@link ModelCheckpoint}: Keras' {@code ModelCheckpoint(filepath, monitor="val_loss",
 * verbose=0, save_best_only=False, save_weights_only=False, mode="auto", save_freq="epoch",
 * initial_value_threshold=None)}.
 *
 * @param filepath where to save, with Python format fields filled from {@code epoch} (from 1),
 *     {@code batch} (from 1, when saving every few batches) and the logs: {@code
 *     "ckpt/{epoch:02d}-{val_loss:.2f}.keras"}. It must end in {@code .weights.h5} when saving
 *     weights only, else in {@code .keras} or {@code .h5}
 * @param monitor the logged quantity that decides which saves are the best
 * @param verbose 1 logs a message for each save and each skipped save
 * @param saveBestOnly save only when the monitored quantity improves on the best so far
 * @param saveWeightsOnly save only the weights ({@code model.save_weights}), not the whole model
 * @param mode which way the monitored quantity improves
 * @param saveFreq save every this many batches; {@code null} saves at the end of every epoch
 *     (Keras' {@code "epoch"})
 * @param initialValueThreshold the best value to start from with {@code save_best_only}
 */
public record ModelCheckpointConfig(
    String filepath,
    String monitor,
    int verbose,
    boolean saveBestOnly,
    boolean saveWeightsOnly,
    Mode mode,
    @Nullable Integer saveFreq,
    @Nullable Double initialValueThreshold) {

  public ModelCheckpointConfig {
    Objects.requireNonNull(filepath, "filepath");
    Objects.requireNonNull(monitor, "monitor");
    Objects.requireNonNull(mode, "mode");
    if (saveWeightsOnly) {
      if (!filepath.endsWith(".weights.h5")) {
        throw new IllegalArgumentException(
            "When using `save_weights_only=True` in `ModelCheckpoint`, the filepath provided must"
                + " end in `.weights.h5` (Keras weights format). Received: filepath="
                + filepath);
      }
    } else {
      if (!filepath.endsWith(".keras") && !filepath.endsWith(".h5")) {
        throw new IllegalArgumentException(
            "The filepath provided must end in `.keras` (Keras model format). Received: filepath="
                + filepath);
      }
      if (filepath.endsWith(".weights.h5")) {
        // Keras would write a whole legacy model under a weights file's name; refuse the mix-up.
        throw new IllegalArgumentException(
            "A `.weights.h5` filepath holds weights only: pass saveWeightsOnly(true), or name a"
                + " `.keras` or `.h5` file to save the whole model. Received: filepath="
                + filepath);
      }
    }
    if (saveFreq != null && saveFreq <= 0) {
      throw new IllegalArgumentException(
          "Unrecognized save_freq: "
              + saveFreq
              + ". Expected save_freq are 'epoch' or positive"
              + " integer values");
    }
  }

  public static Builder builder(String filepath) {
    return new Builder(filepath);
  }

  public static Builder builder(Path filepath) {
    return new Builder(filepath.toString());
  }

  /** Keras' defaults. */
  public static final class Builder {
    private final String filepath;
    private String monitor = "val_loss";
    private int verbose = 0;
    private boolean saveBestOnly = false;
    private boolean saveWeightsOnly = false;
    private Mode mode = Mode.AUTO;
    private @Nullable Integer saveFreq;
    private @Nullable Double initialValueThreshold;

    private Builder(String filepath) {
      this.filepath = filepath;
    }

    public Builder monitor(String monitor) {
      this.monitor = monitor;
      return this;
    }

    public Builder verbose(int verbose) {
      this.verbose = verbose;
      return this;
    }

    public Builder saveBestOnly(boolean saveBestOnly) {
      this.saveBestOnly = saveBestOnly;
      return this;
    }

    public Builder saveWeightsOnly(boolean saveWeightsOnly) {
      this.saveWeightsOnly = saveWeightsOnly;
      return this;
    }

    public Builder mode(Mode mode) {
      this.mode = mode;
      return this;
    }

    /** Saves every {@code batches} batches, counted across epochs. */
    public Builder saveFreq(int batches) {
      this.saveFreq = batches;
      return this;
    }

    /** Keras' {@code save_freq} as a string: only {@code "epoch"} is one. */
    public Builder saveFreq(String saveFreq) {
      if (!saveFreq.equals("epoch")) {
        throw new IllegalArgumentException(
            "Unrecognized save_freq: "
                + saveFreq
                + ". Expected save_freq are 'epoch' or integer values");
      }
      this.saveFreq = null;
      return this;
    }

    public Builder initialValueThreshold(@Nullable Double initialValueThreshold) {
      this.initialValueThreshold = initialValueThreshold;
      return this;
    }

    public ModelCheckpointConfig build() {
      return new ModelCheckpointConfig(
          filepath,
          monitor,
          verbose,
          saveBestOnly,
          saveWeightsOnly,
          mode,
          saveFreq,
          initialValueThreshold);
    }
  }
}
