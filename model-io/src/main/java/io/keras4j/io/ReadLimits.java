package io.keras4j.io;

/**
 * Bounds on what reading a model file may allocate, checked before allocating: a model file is
 * untrusted input.
 *
 * @param maxConfigBytes largest JSON config or metadata
 * @param maxWeightsBytes largest weights file
 * @param maxZipEntries most entries in a {@code .keras} zip
 * @param maxWeightElements most scalars in one weight
 * @param maxTotalWeightElements most scalars in all weights of a model
 */
public record ReadLimits(
    long maxConfigBytes,
    long maxWeightsBytes,
    int maxZipEntries,
    long maxWeightElements,
    long maxTotalWeightElements) {

  /**
   * 64 MB of config, 16 GB of weights file, 10,000 zip entries, 2^31 - 1 scalars per weight and
   * 2^32 in all (16 GB of float32).
   */
  public static final ReadLimits DEFAULT =
      new ReadLimits(64L << 20, 16L << 30, 10_000, Integer.MAX_VALUE, 1L << 32);

  public ReadLimits {
    if (maxConfigBytes <= 0
        || maxWeightsBytes <= 0
        || maxZipEntries <= 0
        || maxWeightElements <= 0
        || maxTotalWeightElements <= 0) {
      throw new IllegalArgumentException("Read limits must be positive");
    }
  }
}
