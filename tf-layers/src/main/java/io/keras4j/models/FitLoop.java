package io.keras4j.models;

import io.keras4j.internal.JavaArrays;
import io.keras4j.training.Batch;
import io.keras4j.training.Callback;
import io.keras4j.training.FitOptions;
import io.keras4j.training.History;
import io.keras4j.training.ProgressBar;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/** Keras' {@code fit} and {@code evaluate} loops, over in-memory data or a batched dataset. */
final class FitLoop {

  private FitLoop() {}

  /**
   * The batches of each epoch. A batch is used until the next is asked for, then {@link #release}d.
   */
  private interface Epochs {
    /** Steps per epoch, or -1 while unknown (a dataset before its first epoch has run out). */
    int steps();

    Iterator<Batch> epoch();

    void release(Batch batch);
  }

  /** Batches cut from whole-dataset tensors, shuffled each epoch when asked. */
  private record InMemory(
      List<? extends Tensor> x,
      List<? extends Tensor> y,
      float @Nullable [] weights,
      int count,
      int batchSize,
      boolean shuffle,
      Random random)
      implements Epochs {

    @Override
    public int steps() {
      return (count + batchSize - 1) / batchSize;
    }

    @Override
    public Iterator<Batch> epoch() {
      int[] order = order(count, shuffle, random);
      return new Iterator<>() {
        private int from;

        @Override
        public boolean hasNext() {
          return from < count;
        }

        @Override
        public Batch next() {
          if (!hasNext()) throw new NoSuchElementException();
          int to = Math.min(count, from + batchSize);
          int[] rows = Arrays.copyOfRange(order, from, to);
          from = to;
          return new Batch(
              Batches.select(x, rows),
              Batches.select(y, rows),
              weights == null ? null : batchWeights(weights, rows, y.size()));
        }
      };
    }

    @Override
    public void release(Batch batch) {
      batch.x().forEach(Tensor::close);
      batch.y().forEach(Tensor::close);
      if (batch.sampleWeight() != null) batch.sampleWeight().forEach(Tensor::close);
    }
  }

  /** A dataset's batches, read anew each epoch; the number of steps is known after the first. */
  private static final class Streamed implements Epochs {
    private final Iterable<Batch> data;
    private int steps = -1;

    Streamed(Iterable<Batch> data) {
      this.data = data;
    }

    @Override
    public int steps() {
      return steps;
    }

    @Override
    public Iterator<Batch> epoch() {
      return data.iterator();
    }

    @Override
    public void release(Batch batch) {}
  }

  static History fit(
      Model model,
      Trainer trainer,
      List<? extends Tensor> x,
      List<? extends Tensor> y,
      FitOptions o) {
    long total = Batches.samples(concat(x, y), "fit's inputs and targets");
    int trainCount = (int) total;
    List<Tensor> owned = new ArrayList<>();
    try {
      List<? extends Tensor> valX = o.validationX();
      List<? extends Tensor> valY = o.validationY();
      if (o.validationSplit() > 0) {
        // Keras parity: the last fraction of the samples, before any shuffling.
        trainCount = (int) Math.floor(total * (1.0 - o.validationSplit()));
        List<Tensor> vx = Batches.range(x, trainCount, (int) total);
        List<Tensor> vy = Batches.range(y, trainCount, (int) total);
        owned.addAll(vx);
        owned.addAll(vy);
        valX = vx;
        valY = vy;
      }
      float[] weights = sampleWeights(o, y, (int) total);
      Epochs epochs =
          new InMemory(x, y, weights, trainCount, o.batchSize(), o.shuffle(), new Random(o.seed()));
      return run(model, trainer, epochs, valX, valY, o);
    } finally {
      owned.forEach(Tensor::close);
    }
  }

  /**
   * Keras' {@code fit} on a batched dataset: every epoch reads {@code data} from a new iterator to
   * its end. Its batches decide the batch size; {@code validation_split}, {@code sample_weight} and
   * {@code class_weight}, which need the whole dataset, are refused (weights come with the
   * batches).
   */
  static History fit(Model model, Trainer trainer, Iterable<Batch> data, FitOptions o) {
    if (o.validationSplit() > 0) {
      throw new IllegalArgumentException(
          "validation_split is only supported for whole-dataset tensors, not for a dataset read"
              + " batch by batch; give validation data instead");
    }
    if (o.sampleWeight() != null || o.classWeight() != null) {
      throw new IllegalArgumentException(
          "sample_weight and class_weight are not supported for a dataset read batch by batch:"
              + " give each Batch its sample weights");
    }
    return run(model, trainer, new Streamed(data), o.validationX(), o.validationY(), o);
  }

  private static History run(
      Model model,
      Trainer trainer,
      Epochs epochs,
      @Nullable List<? extends Tensor> valX,
      @Nullable List<? extends Tensor> valY,
      FitOptions o) {
    int verbose = o.verbose() != null ? o.verbose() : ProgressBar.isTerminal() ? 1 : 2;
    ProgressBar bar = verbose == 0 ? null : new ProgressBar(System.out, verbose == 1);
    History history = new History();
    List<Callback> callbacks = o.callbacks();
    Map<String, Double> none = Map.of();
    callbacks.forEach(c -> c.onTrainBegin(model, none));
    Map<String, Double> lastEpochLogs = none;
    for (int epoch = o.initialEpoch(); epoch < o.epochs() && !model.stopTraining(); epoch++) {
      final int e = epoch;
      callbacks.forEach(c -> c.onEpochBegin(model, e, none));
      if (bar != null) bar.epochBegin(epoch, o.epochs(), epochs.steps());
      trainer.resetMetrics();
      Map<String, Double> logs = Map.of();
      Iterator<Batch> batches = epochs.epoch();
      int step = 0;
      while (batches.hasNext()) {
        Batch batch = batches.next();
        final int s = step;
        callbacks.forEach(c -> c.onTrainBatchBegin(model, s, none));
        try {
          logs = trainer.trainStep(batch.x(), batch.y(), batch.sampleWeight(), false);
        } finally {
          epochs.release(batch);
        }
        Map<String, Double> batchLogs = logs;
        callbacks.forEach(c -> c.onTrainBatchEnd(model, s, batchLogs));
        step++;
        if (bar != null) bar.step(step, logs);
        // Keras parity: a callback that stops training stops it after the current batch.
        if (model.stopTraining()) break;
      }
      if (step == 0) {
        throw new IllegalArgumentException(
            "fit's data yielded no batches in epoch " + (epoch + 1) + ": nothing to train on");
      }
      if (epochs instanceof Streamed streamed && streamed.steps < 0 && !batches.hasNext()) {
        streamed.steps = step;
      }
      Map<String, Double> epochLogs = new LinkedHashMap<>(logs);
      if (valX != null && valY != null) {
        Map<String, Double> val = evaluate(trainer, valX, valY, null, o.batchSize());
        val.forEach((k, v) -> epochLogs.put("val_" + k, v));
      }
      // Keras parity: History and the progress bar come after the user's callbacks, so that
      // what those add to the logs (ReduceLROnPlateau's learning_rate) is recorded and shown.
      callbacks.forEach(c -> c.onEpochEnd(model, e, epochLogs));
      history.add(epoch, epochLogs);
      if (bar != null) bar.epochEnd(step, epochLogs);
      lastEpochLogs = epochLogs;
    }
    Map<String, Double> endLogs = lastEpochLogs;
    callbacks.forEach(c -> c.onTrainEnd(model, endLogs));
    return history;
  }

  /** Keras' {@code evaluate} on a batched dataset, read once to its end. */
  static Map<String, Double> evaluate(Trainer trainer, Iterable<Batch> data) {
    trainer.resetMetrics();
    Map<String, Double> logs = null;
    for (Batch batch : data) {
      logs = trainer.testStep(batch.x(), batch.y(), batch.sampleWeight(), false);
    }
    return logs != null ? logs : trainer.results();
  }

  static Map<String, Double> evaluate(
      Trainer trainer,
      List<? extends Tensor> x,
      List<? extends Tensor> y,
      float @Nullable [] sampleWeight,
      int batchSize) {
    int total = (int) Batches.samples(concat(x, y), "evaluate's inputs and targets");
    trainer.resetMetrics();
    Map<String, Double> logs = null;
    for (int from = 0; from < total; from += batchSize) {
      int to = Math.min(total, from + batchSize);
      List<Tensor> bx = Batches.range(x, from, to);
      List<Tensor> by = Batches.range(y, from, to);
      int[] rows = new int[to - from];
      for (int i = 0; i < rows.length; i++) rows[i] = from + i;
      List<Tensor> bw = sampleWeight == null ? null : batchWeights(sampleWeight, rows, y.size());
      try {
        logs = trainer.testStep(bx, by, bw, false);
      } finally {
        bx.forEach(Tensor::close);
        by.forEach(Tensor::close);
        if (bw != null) bw.forEach(Tensor::close);
      }
    }
    return logs != null ? logs : trainer.results();
  }

  private static int[] order(int n, boolean shuffle, Random random) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) order[i] = i;
    if (shuffle) {
      for (int i = n - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
    }
    return order;
  }

  private static List<Tensor> batchWeights(float[] weights, int[] rows, int outputs) {
    float[] w = new float[rows.length];
    for (int i = 0; i < rows.length; i++) w[i] = weights[rows[i]];
    List<Tensor> out = new ArrayList<>(outputs);
    for (int i = 0; i < outputs; i++) {
      out.add(TFloat32.tensorOf(Shape.of(w.length), DataBuffers.of(w)));
    }
    return out;
  }

  /** Per-sample weights: given, or from class weights by each sample's class (Keras' rule). */
  private static float @Nullable [] sampleWeights(FitOptions o, List<? extends Tensor> y, int n) {
    if (o.sampleWeight() != null) {
      if (o.sampleWeight().length != n) {
        throw new IllegalArgumentException(
            "sample_weight has " + o.sampleWeight().length + " values for " + n + " samples");
      }
      return o.sampleWeight();
    }
    if (o.classWeight() == null) return null;
    if (y.size() != 1) {
      throw new IllegalArgumentException("class_weight is only supported for a single output");
    }
    int[] classes = classes(y.get(0), n);
    float[] w = new float[n];
    for (int i = 0; i < n; i++) {
      Double cw = o.classWeight().get(classes[i]);
      if (cw == null) {
        throw new IllegalArgumentException(
            "class_weight has no weight for class "
                + classes[i]
                + "; it has "
                + o.classWeight().keySet());
      }
      w[i] = cw.floatValue();
    }
    return w;
  }

  /** Keras' class of a target: the argmax of a one-hot (or probability) row, else its value. */
  private static int[] classes(Tensor y, int n) {
    Shape s = y.shape();
    int width = s.numDimensions() > 1 ? (int) (s.size() / n) : 1;
    double[] v;
    try {
      v = JavaArrays.doubles(y);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("class_weight needs numeric targets", e);
    }
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      if (width == 1) {
        out[i] = (int) Math.round(v[i]);
      } else {
        int best = 0;
        for (int j = 1; j < width; j++) {
          if (v[i * width + j] > v[i * width + best]) best = j;
        }
        out[i] = best;
      }
    }
    return out;
  }

  private static List<Tensor> concat(List<? extends Tensor> a, List<? extends Tensor> b) {
    List<Tensor> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
