package io.keras4j.training.callbacks;

import io.keras4j.models.Model;
import io.keras4j.training.Callback;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A callback made of Java functions, one per hook: Keras' {@code keras.callbacks.LambdaCallback}.
 * The functions take what Keras' take: the logs, and the epoch or batch index (from 0) for the
 * epoch and batch hooks; a function that needs the model captures it. Hooks not given do nothing.
 *
 * <pre>{@code
 * List<Double> losses = new ArrayList<>();
 * Callback record = LambdaCallback.builder()
 *     .onEpochEnd((epoch, logs) -> losses.add(logs.get("loss")))
 *     .build();
 * }</pre>
 */
public final class LambdaCallback implements Callback {

  /** A hook called with an epoch or batch index and the logs. */
  @FunctionalInterface
  public interface IndexedHook {
    void accept(int index, Map<String, Double> logs);
  }

  private static final IndexedHook NO_INDEXED = (i, logs) -> {};
  private static final Consumer<Map<String, Double>> NO_LOGS = logs -> {};

  private final Consumer<Map<String, Double>> onTrainBegin;
  private final Consumer<Map<String, Double>> onTrainEnd;
  private final IndexedHook onEpochBegin;
  private final IndexedHook onEpochEnd;
  private final IndexedHook onTrainBatchBegin;
  private final IndexedHook onTrainBatchEnd;

  private LambdaCallback(Builder b) {
    this.onTrainBegin = b.onTrainBegin;
    this.onTrainEnd = b.onTrainEnd;
    this.onEpochBegin = b.onEpochBegin;
    this.onEpochEnd = b.onEpochEnd;
    this.onTrainBatchBegin = b.onTrainBatchBegin;
    this.onTrainBatchEnd = b.onTrainBatchEnd;
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public void onTrainBegin(Model model, Map<String, Double> logs) {
    onTrainBegin.accept(logs);
  }

  @Override
  public void onTrainEnd(Model model, Map<String, Double> logs) {
    onTrainEnd.accept(logs);
  }

  @Override
  public void onEpochBegin(Model model, int epoch, Map<String, Double> logs) {
    onEpochBegin.accept(epoch, logs);
  }

  @Override
  public void onEpochEnd(Model model, int epoch, Map<String, Double> logs) {
    onEpochEnd.accept(epoch, logs);
  }

  @Override
  public void onTrainBatchBegin(Model model, int batch, Map<String, Double> logs) {
    onTrainBatchBegin.accept(batch, logs);
  }

  @Override
  public void onTrainBatchEnd(Model model, int batch, Map<String, Double> logs) {
    onTrainBatchEnd.accept(batch, logs);
  }

  /** Keras' arguments {@code on_train_begin}, {@code on_epoch_end}, ...; each may be left out. */
  public static final class Builder {
    private Consumer<Map<String, Double>> onTrainBegin = NO_LOGS;
    private Consumer<Map<String, Double>> onTrainEnd = NO_LOGS;
    private IndexedHook onEpochBegin = NO_INDEXED;
    private IndexedHook onEpochEnd = NO_INDEXED;
    private IndexedHook onTrainBatchBegin = NO_INDEXED;
    private IndexedHook onTrainBatchEnd = NO_INDEXED;

    private Builder() {}

    public Builder onTrainBegin(Consumer<Map<String, Double>> hook) {
      this.onTrainBegin = Objects.requireNonNull(hook, "on_train_begin");
      return this;
    }

    public Builder onTrainEnd(Consumer<Map<String, Double>> hook) {
      this.onTrainEnd = Objects.requireNonNull(hook, "on_train_end");
      return this;
    }

    public Builder onEpochBegin(IndexedHook hook) {
      this.onEpochBegin = Objects.requireNonNull(hook, "on_epoch_begin");
      return this;
    }

    public Builder onEpochEnd(IndexedHook hook) {
      this.onEpochEnd = Objects.requireNonNull(hook, "on_epoch_end");
      return this;
    }

    public Builder onTrainBatchBegin(IndexedHook hook) {
      this.onTrainBatchBegin = Objects.requireNonNull(hook, "on_train_batch_begin");
      return this;
    }

    public Builder onTrainBatchEnd(IndexedHook hook) {
      this.onTrainBatchEnd = Objects.requireNonNull(hook, "on_train_batch_end");
      return this;
    }

    public LambdaCallback build() {
      return new LambdaCallback(this);
    }
  }
}
