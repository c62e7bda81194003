package io.keras4j.bench;

/** One model prepared for timing: predict on a fixed batch, or one training step on it. */
interface BenchModel extends AutoCloseable {

  /** Predicts the fixed batch and discards the result. */
  void predict();

  /** Runs one SGD step with cross-entropy on the fixed batch. */
  void trainStep();

  @Override
  void close();
}
