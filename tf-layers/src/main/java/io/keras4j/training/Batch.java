package io.keras4j.training;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.tensorflow.Tensor;

/**
 * One batch of a dataset that {@code Model.fit} and {@code Model.evaluate} read batch by batch, as
 * Keras reads a batched {@code tf.data.Dataset}: inputs and targets in the model's input and output
 * order, and optionally one weight per sample for each output.
 *
 * <p>The tensors stay their producer's: a loop uses a batch only until it asks its iterator for the
 * next one, so an iterator may close or reuse the previous batch's tensors then.
 *
 * <pre>{@code
 * Iterable<Batch> data = () -> new Iterator<>() { ... }; // read from disk, batch by batch
 * model.fit(data, FitOptions.builder().epochs(5).build());
 * }</pre>
 *
 * @param sampleWeight one float32 vector per output, or {@code null}
 */
public record Batch(
    List<? extends Tensor> x,
    List<? extends Tensor> y,
    @Nullable List<? extends Tensor> sampleWeight) {

  public Batch {
    Objects.requireNonNull(x, "x");
    Objects.requireNonNull(y, "y");
    if (x.isEmpty()) {
      throw new IllegalArgumentException("A batch needs inputs");
    }
    x = List.copyOf(x);
    y = List.copyOf(y);
    sampleWeight = sampleWeight == null ? null : List.copyOf(sampleWeight);
  }

  /** A batch of one input and one target. */
  public static Batch of(Tensor x, Tensor y) {
    return new Batch(List.of(x), List.of(y), null);
  }
}
