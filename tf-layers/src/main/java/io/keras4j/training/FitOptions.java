package io.keras4j.training;

import io.keras4j.utils.RandomSeed;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.tensorflow.Tensor;

/**
 * The arguments of Keras' {@code model.fit} besides the data: batch size, epochs, shuffling,
 * validation, per-sample and per-class weights, callbacks and the progress bar.
 *
 * <pre>{@code
 * FitOptions.builder().batchSize(32).epochs(10).validationSplit(0.2).shuffle(true).seed(1).build();
 * }</pre>
 *
 * @param validationSplit the fraction of the samples, taken from the end as Keras takes it, kept
 *     for validation
 * @param validationX validation inputs (instead of a split); the caller keeps them open
 * @param sampleWeight one weight per training sample
 * @param classWeight weight by class index, applied to each sample by its target's class
 * @param verbose 0 silent, 1 a progress bar per epoch, 2 one line per epoch; {@code null} picks 1
 *     on a terminal and 2 otherwise
 */
public record FitOptions(
    int batchSize,
    int epochs,
    int initialEpoch,
    boolean shuffle,
    long seed,
    double validationSplit,
    @Nullable List<Tensor> validationX,
    @Nullable List<Tensor> validationY,
    float @Nullable [] sampleWeight,
    @Nullable Map<Integer, Double> classWeight,
    List<Callback> callbacks,
    @Nullable Integer verbose) {

  public FitOptions {
    if (batchSize <= 0) {
      throw new IllegalArgumentException("batch_size must be positive, received " + batchSize);
    }
    if (epochs < 0 || initialEpoch < 0) {
      throw new IllegalArgumentException(
          "epochs and initial_epoch must not be negative, received "
              + epochs
              + " and "
              + initialEpoch);
    }
    if (validationSplit < 0 || validationSplit >= 1) {
      throw new IllegalArgumentException(
          "validation_split must be in [0, 1), received " + validationSplit);
    }
    if (validationSplit > 0 && validationX != null) {
      throw new IllegalArgumentException("Give validation_split or validation_data, not both");
    }
    if (sampleWeight != null && classWeight != null) {
      throw new IllegalArgumentException(
          "Give sample_weight or class_weight, not both (Keras refuses both too)");
    }
    callbacks = List.copyOf(callbacks);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Keras' defaults: batch size 32, one epoch, shuffled, no validation. */
  public static final class Builder {
    /** The shuffling seed when none is given: from {@link RandomSeed} once set, else the clock. */
    private static long defaultSeed() {
      Long seed = RandomSeed.next();
      return seed != null ? seed : System.nanoTime();
    }

    private int batchSize = 32;
    private int epochs = 1;
    private int initialEpoch;
    private boolean shuffle = true;
    private long seed = defaultSeed();
    private double validationSplit;
    private @Nullable List<Tensor> validationX;
    private @Nullable List<Tensor> validationY;
    private float @Nullable [] sampleWeight;
    private @Nullable Map<Integer, Double> classWeight;
    private final List<Callback> callbacks = new ArrayList<>();
    private @Nullable Integer verbose;

    public Builder batchSize(int batchSize) {
      this.batchSize = batchSize;
      return this;
    }

    public Builder epochs(int epochs) {
      this.epochs = epochs;
      return this;
    }

    /** The epoch to start from, as Keras' {@code initial_epoch} (resuming a training). */
    public Builder initialEpoch(int initialEpoch) {
      this.initialEpoch = initialEpoch;
      return this;
    }

    public Builder shuffle(boolean shuffle) {
      this.shuffle = shuffle;
      return this;
    }

    /** The seed of the shuffling order. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    public Builder validationSplit(double validationSplit) {
      this.validationSplit = validationSplit;
      return this;
    }

    public Builder validationData(List<Tensor> x, List<Tensor> y) {
      this.validationX = List.copyOf(x);
      this.validationY = List.copyOf(y);
      return this;
    }

    public Builder sampleWeight(float[] sampleWeight) {
      this.sampleWeight = sampleWeight.clone();
      return this;
    }

    public Builder classWeight(Map<Integer, Double> classWeight) {
      this.classWeight = Map.copyOf(classWeight);
      return this;
    }

    public Builder callback(Callback callback) {
      callbacks.add(callback);
      return this;
    }

    public Builder verbose(int verbose) {
      this.verbose = verbose;
      return this;
    }

    public FitOptions build() {
      return new FitOptions(
          batchSize,
          epochs,
          initialEpoch,
          shuffle,
          seed,
          validationSplit,
          validationX,
          validationY,
          sampleWeight,
          classWeight,
          callbacks,
          verbose);
    }
  }
}
