package io.keras4j.training.callbacks;

import io.keras4j.models.Model;
import io.keras4j.training.Callback;
import java.lang.System.Logger.Level;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Stops training when a monitored quantity has stopped improving: Keras' {@code
 * keras.callbacks.EarlyStopping}.
 *
 * <p>At the end of each epoch from {@code start_from_epoch} on, the quantity is compared with the
 * best value so far ({@link Monitor}); after {@code patience} epochs without improvement (and never
 * at epoch 0) it asks the model to stop ({@link Model#setStopTraining}). With a {@code baseline},
 * an improvement restarts the patience count only if it also beats the baseline. With {@code
 * restore_best_weights}, the weights of the best epoch are put back when training ends, whether
 * this callback or another one stopped it. A missing quantity is skipped with Keras' warning.
 *
 * <pre>{@code
 * EarlyStopping stop =
 *     new EarlyStopping(EarlyStoppingConfig.builder().monitor("loss").patience(2).build());
 * model.fit(x, y, FitOptions.builder().epochs(100).callback(stop).build());
 * }</pre>
 */
public final class EarlyStopping implements Callback {

  private static final System.Logger LOG = System.getLogger(EarlyStopping.class.getName());

  private final EarlyStoppingConfig config;
  private final Monitor monitor;
  private final Set<String> warned = new HashSet<>();
  private int wait;
  private int stoppedEpoch;
  private @Nullable Double best;
  private int bestEpoch;
  private @Nullable WeightSnapshot bestWeights;

  /** Keras' defaults: watch {@code val_loss}, stop at the first epoch without improvement. */
  public EarlyStopping() {
    this(EarlyStoppingConfig.builder().build());
  }

  public EarlyStopping(EarlyStoppingConfig config) {
    this.config = config;
    this.monitor = new Monitor(config.monitor(), config.mode(), config.minDelta());
  }

  public EarlyStoppingConfig config() {
    return config;
  }

  /** Clears the state of a previous fit, so that one instance serves several fits, as in Keras. */
  @Override
  public synchronized void onTrainBegin(Model model, Map<String, Double> logs) {
    wait = 0;
    stoppedEpoch = 0;
    best = null;
    bestEpoch = 0;
    bestWeights = null;
  }

  @Override
  public synchronized void onEpochEnd(Model model, int epoch, Map<String, Double> logs) {
    monitor.higherIsBetter(model); // Keras parity: an unknown quantity in auto mode fails here.
    Double current = logs.get(config.monitor());
    if (current == null) {
      warnOnce(
          "Early stopping conditioned on metric `"
              + config.monitor()
              + "` which is not available. Available metrics are: "
              + String.join(",", logs.keySet()));
      return;
    }
    if (epoch < config.startFromEpoch()) return;
    wait++;
    if (monitor.isImprovement(model, current, best)) {
      best = current;
      bestEpoch = epoch;
      if (config.restoreBestWeights()) bestWeights = WeightSnapshot.of(model);
      // Only restart the count when the value beats both the previous best and the baseline.
      if (config.baseline() == null || monitor.isImprovement(model, current, config.baseline())) {
        wait = 0;
      }
      return;
    }
    if (wait >= config.patience() && epoch > 0) {
      stoppedEpoch = epoch;
      model.setStopTraining(true);
    }
  }

  @Override
  public synchronized void onTrainEnd(Model model, Map<String, Double> logs) {
    if (stoppedEpoch > 0 && config.verbose() > 0) {
      LOG.log(Level.INFO, "Epoch " + (stoppedEpoch + 1) + ": early stopping");
    }
    if (config.restoreBestWeights() && bestWeights != null) {
      if (config.verbose() > 0) {
        LOG.log(
            Level.INFO,
            "Restoring model weights from the end of the best epoch: " + (bestEpoch + 1) + ".");
      }
      bestWeights.restore(model);
      bestWeights = null;
    }
  }

  /** The epoch (from 0) at which this callback stopped training; 0 if it did not. */
  public synchronized int stoppedEpoch() {
    return stoppedEpoch;
  }

  /** The epoch (from 0) of the best value seen. */
  public synchronized int bestEpoch() {
    return bestEpoch;
  }

  /** The best value seen in this fit, or {@code null} before the first one. */
  public synchronized @Nullable Double best() {
    return best;
  }

  /** Epochs since the last improvement (Keras' {@code wait}). */
  public synchronized int epochsWithoutImprovement() {
    return wait;
  }

  private void warnOnce(String message) {
    // Keras parity: Python's warnings show a given message once.
    if (warned.add(message)) LOG.log(Level.WARNING, message);
  }
}
