package io.keras4j.training;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code fit} returns: per epoch, the value of the loss and of every metric under Keras' names
 * ({@code loss}, {@code accuracy}, {@code val_loss}, {@code cls_accuracy}, ...). Keras' {@code
 * History.history}.
 */
public final class History {

  private final Map<String, List<Double>> history = new LinkedHashMap<>();
  private final List<Integer> epochs = new ArrayList<>();

  /** Records the logs of one epoch. */
  public synchronized void add(int epoch, Map<String, Double> logs) {
    epochs.add(epoch);
    for (Map.Entry<String, Double> e : logs.entrySet()) {
      history.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue());
    }
  }

  /** Each metric's values, one per epoch, under Keras' names. */
  public synchronized Map<String, List<Double>> history() {
    Map<String, List<Double>> copy = new LinkedHashMap<>();
    history.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    return Collections.unmodifiableMap(copy);
  }

  /** The values of one metric, one per epoch. */
  public synchronized List<Double> get(String name) {
    List<Double> v = history.get(name);
    if (v == null) {
      throw new IllegalArgumentException(
          "No metric '" + name + "' in the history; it has " + history.keySet());
    }
    return List.copyOf(v);
  }

  /** The epochs trained, counted from 0 ({@code initial_epoch} first). */
  public synchronized List<Integer> epochs() {
    return List.copyOf(epochs);
  }

  @Override
  public synchronized String toString() {
    return "History" + history;
  }
}
