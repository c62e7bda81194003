package io.keras4j.training.callbacks;

import java.util.Locale;

/**
 * Which way a monitored quantity improves: Keras' {@code mode} argument of {@code EarlyStopping},
 * {@code ReduceLROnPlateau} and {@code ModelCheckpoint}.
 */
public enum Mode {
  /** Inferred from the quantity: a loss decreases; a metric goes the way Keras' metric does. */
  AUTO,
  /** Lower is better. */
  MIN,
  /** Higher is better. */
  MAX;

  /** Keras' spelling: {@code "auto"}, {@code "min"} or {@code "max"}. */
  public String kerasName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The mode Keras spells {@code name}. Keras' parity: an unknown name falls back to {@link #AUTO}
   * with a warning, as Keras' {@code MonitorCallback} does.
   */
  public static Mode of(String name) {
    for (Mode m : values()) {
      if (m.kerasName().equals(name)) return m;
    }
    System.getLogger(Mode.class.getName())
        .log(System.Logger.Level.WARNING, "mode '" + name + "' is unknown, fallback to auto mode.");
    return AUTO;
  }
}
