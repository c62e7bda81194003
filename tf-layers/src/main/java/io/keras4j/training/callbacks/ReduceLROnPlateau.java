package io.keras4j.training.callbacks;

import io.keras4j.layers.Weight;
import io.keras4j.models.Model;
import io.keras4j.optimizers.Optimizer;
import io.keras4j.training.Callback;
import io.keras4j.training.Compile;
import java.lang.System.Logger.Level;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.tensorflow.types.TFloat32;

/**
 * Reduces the learning rate when a monitored quantity has stopped improving: Keras' {@code
 * keras.callbacks.ReduceLROnPlateau}.
 *
 * <p>At the end of each epoch it adds the optimizer's learning rate to the logs as {@code
 * learning_rate}, then compares the quantity with the best value so far ({@link Monitor}). After
 * {@code patience} epochs without improvement it sets the optimizer's learning-rate variable to
 * {@code max(lr * factor, min_lr)}, unless the rate is already at {@code min_lr} (compared in
 * float32, as Keras compares), and then waits {@code cooldown} epochs before counting again. An
 * optimizer whose learning rate is a schedule cannot be reduced: the first reduction fails, as in
 * Keras.
 *
 * <pre>{@code
 * ReduceLROnPlateau reduce = new ReduceLROnPlateau(
 *     ReduceLROnPlateauConfig.builder().factor(0.2).patience(5).minLr(0.001).build());
 * model.fit(x, y, FitOptions.builder().epochs(100).validationSplit(0.2).callback(reduce).build());
 * }</pre>
 */
public final class ReduceLROnPlateau implements Callback {

  private static final System.Logger LOG = System.getLogger(ReduceLROnPlateau.class.getName());

  private final ReduceLROnPlateauConfig config;
  private final Monitor monitor;
  private final Set<String> warned = new HashSet<>();
  private @Nullable Double best;
  private int cooldownCounter;
  private int wait;

  /** Keras' defaults: watch {@code val_loss}, divide the rate by 10 after 10 flat epochs. */
  public ReduceLROnPlateau() {
    this(ReduceLROnPlateauConfig.builder().build());
  }

  public ReduceLROnPlateau(ReduceLROnPlateauConfig config) {
    this.config = config;
    this.monitor = new Monitor(config.monitor(), config.mode(), config.minDelta());
  }

  public ReduceLROnPlateauConfig config() {
    return config;
  }

  @Override
  public synchronized void onTrainBegin(Model model, Map<String, Double> logs) {
    best = null;
    cooldownCounter = 0;
    wait = 0;
  }

  @Override
  public synchronized void onEpochEnd(Model model, int epoch, Map<String, Double> logs) {
    monitor.higherIsBetter(model); // Keras parity: an unknown quantity in auto mode fails here.
    Optimizer optimizer = optimizer(model);
    Optional<Weight> lr = optimizer.learningRateVariable();
    if (lr.isPresent()) {
      try {
        logs.put("learning_rate", read(model, lr.get()));
      } catch (UnsupportedOperationException readOnlyLogs) {
        // Logs that the caller made unmodifiable simply go without the learning rate.
      }
    }
    Double current = logs.get(config.monitor());
    if (current == null) {
      warnOnce(
          "Learning rate reduction is conditioned on metric `"
              + config.monitor()
              + "` which is not available. Available metrics are: "
              + String.join(",", logs.keySet())
              + ".");
      return;
    }
    if (inCooldown()) {
      cooldownCounter--;
      wait = 0;
    }
    if (monitor.isImprovement(model, current, best)) {
      best = current;
      wait = 0;
    } else if (!inCooldown()) {
      wait++;
      if (wait >= config.patience() && reduce(model, optimizer, epoch)) {
        cooldownCounter = config.cooldown();
        wait = 0;
      }
    }
  }

  /** Whether the callback is waiting out a cooldown after a reduction. */
  public synchronized boolean inCooldown() {
    return cooldownCounter > 0;
  }

  /** The best value seen in this fit, or {@code null} before the first one. */
  public synchronized @Nullable Double best() {
    return best;
  }

  /** Epochs since the last improvement or reduction (Keras' {@code wait}). */
  public synchronized int epochsWithoutImprovement() {
    return wait;
  }

  /** Epochs of cooldown left (Keras' {@code cooldown_counter}). */
  public synchronized int cooldownCounter() {
    return cooldownCounter;
  }

  private boolean reduce(Model model, Optimizer optimizer, int epoch) {
    Weight lr =
        optimizer
            .learningRateVariable()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "This optimizer ("
                            + optimizer.name()
                            + ") was created with a LearningRateSchedule as its learning_rate,"
                            + " hence its learning rate is not settable: ReduceLROnPlateau needs"
                            + " a constant learning rate"));
    double oldLr = read(model, lr);
    // Keras parity: the float32 rate is compared with min_lr rounded to float32.
    if (!(oldLr > (float) config.minLr())) return false;
    double newLr = Math.max(oldLr * config.factor(), config.minLr());
    try (TFloat32 value = TFloat32.scalarOf((float) newLr)) {
      model.assignWeights(Map.of(lr, value));
    }
    if (config.verbose() > 0) {
      LOG.log(
          Level.INFO,
          "Epoch " + (epoch + 1) + ": ReduceLROnPlateau reducing learning rate to " + newLr + ".");
    }
    return true;
  }

  private static double read(Model model, Weight lr) {
    try (TFloat32 value = model.readWeight(lr)) {
      return value.getFloat();
    }
  }

  private static Optimizer optimizer(Model model) {
    return model
        .compileOptions()
        .map(Compile::optimizer)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "ReduceLROnPlateau needs a compiled model; model '"
                        + model.name()
                        + "' is not compiled"));
  }

  private void warnOnce(String message) {
    // Keras parity: Python's warnings show a given message once.
    if (warned.add(message)) LOG.log(Level.WARNING, message);
  }
}
