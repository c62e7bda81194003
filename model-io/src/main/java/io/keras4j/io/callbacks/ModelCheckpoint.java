package io.keras4j.io.callbacks;

import io.keras4j.io.ModelWriter;
import io.keras4j.models.Model;
import io.keras4j.training.Callback;
import io.keras4j.training.callbacks.Monitor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Saves the model or its weights during training: Keras' {@code keras.callbacks.ModelCheckpoint}.
 *
 * <p>At the end of every epoch, or every {@code save_freq} batches, it fills the file path's Python
 * format fields ({@code {epoch:02d}}, {@code {val_loss:.4f}}, ...; epochs and batches counted from
 * 1) and writes the file with {@link ModelWriter}, atomically, in the format its name asks for:
 * {@code .keras}, legacy {@code .h5}, or {@code .weights.h5} with {@code save_weights_only}.
 * Missing folders are created. With {@code save_best_only}, it writes only when the monitored
 * quantity improves on the best so far (starting from {@code initial_value_threshold}, and kept
 * across fits as Keras keeps it); when the quantity is missing from the logs it saves anyway, with
 * Keras' warning.
 *
 * <pre>{@code
 * ModelCheckpoint checkpoint = new ModelCheckpoint(
 *     ModelCheckpointConfig.builder("ckpt/{epoch:02d}-{val_loss:.2f}.keras").saveBestOnly(true).build());
 * model.fit(x, y, FitOptions.builder().epochs(10).validationSplit(0.2).callback(checkpoint).build());
 * }</pre>
 *
 * <p>A failed save throws {@link UncheckedIOException} out of {@code fit}, as Keras raises.
 */
public final class ModelCheckpoint implements Callback {

  private static final System.Logger LOG = System.getLogger(ModelCheckpoint.class.getName());

  private final ModelCheckpointConfig config;
  private final ModelWriter writer;
  private final Monitor monitor;
  private final Set<String> warned = new HashSet<>();
  private @Nullable Double best;
  private int batchesSinceLastSave;
  private int lastBatchSeen = -1;
  private int currentEpoch;

  public ModelCheckpoint(ModelCheckpointConfig config) {
    this(config, ModelWriter.create());
  }

  /**
   * @param writer the writer that saves, e.g. one with a registry of custom layers
   */
  public ModelCheckpoint(ModelCheckpointConfig config, ModelWriter writer) {
    this.config = Objects.requireNonNull(config, "config");
    this.writer = Objects.requireNonNull(writer, "writer");
    this.monitor = new Monitor(config.monitor(), config.mode(), 0);
    this.best = config.initialValueThreshold();
  }

  public ModelCheckpointConfig config() {
    return config;
  }

  /** The best monitored value saved so far (or the initial threshold), {@code null} if none. */
  public synchronized @Nullable Double best() {
    return best;
  }

  @Override
  public synchronized void onEpochBegin(Model model, int epoch, Map<String, Double> logs) {
    currentEpoch = epoch;
  }

  @Override
  public synchronized void onTrainBatchEnd(Model model, int batch, Map<String, Double> logs) {
    if (shouldSaveOnBatch(batch)) save(model, currentEpoch, batch, logs);
  }

  @Override
  public synchronized void onEpochEnd(Model model, int epoch, Map<String, Double> logs) {
    monitor.higherIsBetter(model); // Keras parity: an unknown quantity in auto mode fails here.
    if (config.saveFreq() == null) save(model, epoch, -1, logs);
  }

  /** Counts batches across epochs (a new epoch restarts the batch index at 0), as Keras does. */
  private boolean shouldSaveOnBatch(int batch) {
    Integer freq = config.saveFreq();
    if (freq == null) return false;
    int added = lastBatchSeen < 0 || batch <= lastBatchSeen ? batch + 1 : batch - lastBatchSeen;
    batchesSinceLastSave += added;
    lastBatchSeen = batch;
    if (batchesSinceLastSave >= freq) {
      batchesSinceLastSave = 0;
      return true;
    }
    return false;
  }

  /** Saves at {@code epoch} (from 0), after {@code batch} (from 0; -1 at an epoch's end). */
  private void save(Model model, int epoch, int batch, Map<String, Double> logs) {
    String file = filePath(epoch, batch, logs);
    if (!shouldSave(model, epoch, logs, file)) return;
    Path path = Path.of(file);
    try {
      if (Files.isDirectory(path)) {
        throw new IOException(
            "Please specify a non-directory filepath for ModelCheckpoint. Filepath used is an"
                + " existing directory: "
                + file);
      }
      Path parent = path.toAbsolutePath().getParent();
      if (parent != null) Files.createDirectories(parent);
      writer.write(model, path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (config.verbose() > 0) {
      LOG.log(Level.INFO, "Epoch " + (epoch + 1) + ": finished saving model to " + file);
    }
  }

  private boolean shouldSave(Model model, int epoch, Map<String, Double> logs, String file) {
    if (!config.saveBestOnly()) {
      if (config.verbose() > 0) {
        LOG.log(Level.INFO, "Epoch " + (epoch + 1) + ": saving model to " + file);
      }
      return true;
    }
    Double current = logs.get(config.monitor());
    if (current == null) {
      String message = "Can save best model only with " + config.monitor() + " available.";
      if (warned.add(message)) LOG.log(Level.WARNING, message);
      return true;
    }
    String bestText = best == null ? "None" : fixed5(best);
    if (monitor.isImprovement(model, current, best)) {
      if (config.verbose() > 0) {
        LOG.log(
            Level.INFO,
            "Epoch "
                + (epoch + 1)
                + ": "
                + config.monitor()
                + " improved from "
                + bestText
                + " to "
                + fixed5(current)
                + ", saving model to "
                + file);
      }
      best = current;
      return true;
    }
    if (config.verbose() > 0) {
      LOG.log(
          Level.INFO,
          "Epoch " + (epoch + 1) + ": " + config.monitor() + " did not improve from " + bestText);
    }
    return false;
  }

  /** The file path with its fields filled: {@code epoch} and {@code batch} from 1, and the logs. */
  private String filePath(int epoch, int batch, Map<String, Double> logs) {
    Map<String, Number> values = new HashMap<>(logs);
    values.put("epoch", epoch + 1);
    if (batch >= 0 && !logs.containsKey("batch")) values.put("batch", batch + 1);
    try {
      return PythonFormat.format(config.filepath(), values);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "Failed to format this callback filepath: \""
              + config.filepath()
              + "\". Reason: "
              + e.getMessage(),
          e);
    }
  }

  private static String fixed5(double value) {
    return PythonFormat.format("{v:.5f}", Map.of("v", value));
  }
}
