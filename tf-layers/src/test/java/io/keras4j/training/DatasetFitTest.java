package io.keras4j.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.initializers.Zeros;
import io.keras4j.layers.KerasTensor;
import io.keras4j.layers.LayerArgs;
import io.keras4j.layers.core.Dense;
import io.keras4j.layers.core.DenseConfig;
import io.keras4j.layers.core.Input;
import io.keras4j.losses.MeanSquaredError;
import io.keras4j.metrics.MeanAbsoluteError;
import io.keras4j.models.Functional;
import io.keras4j.models.Model;
import io.keras4j.optimizers.SGD;
import io.keras4j.optimizers.SGDConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/**
 * {@code fit} and {@code evaluate} on a dataset read batch by batch compute exactly what they
 * compute on the same samples given as whole tensors, batch for batch.
 */
class DatasetFitTest {

  private static final int SAMPLES = 10;
  private static final int BATCH = 4;

  private final List<Tensor> open = new ArrayList<>();

  @AfterEach
  void close() {
    open.forEach(Tensor::close);
  }

  private static Model model(String name) {
    KerasTensor x = Input.of(2);
    Dense dense =
        new Dense(
            DenseConfig.builder(1).kernelInitializer(new Zeros()).build(),
            LayerArgs.named(name + "_dense"));
    Model m = new Functional(LayerArgs.named(name), x, dense.apply(x));
    m.compile(
        Compile.builder()
            .optimizer(new SGD(SGDConfig.builder().learningRate(0.1).build()))
            .loss(new MeanSquaredError())
            .metric(new MeanAbsoluteError())
            .build());
    return m;
  }

  private TFloat32 tensor(float[] values, long... shape) {
    TFloat32 t = TFloat32.tensorOf(Shape.of(shape), DataBuffers.of(values));
    open.add(t);
    return t;
  }

  private static float[] xs(int from, int to) {
    float[] x = new float[(to - from) * 2];
    for (int i = from; i < to; i++) {
      x[(i - from) * 2] = (float) Math.sin(i);
      x[(i - from) * 2 + 1] = (float) Math.cos(i);
    }
    return x;
  }

  private static float[] ys(int from, int to) {
    float[] y = new float[to - from];
    for (int i = from; i < to; i++) y[i - from] = (float) (2 * Math.sin(i) - Math.cos(i) + 0.5);
    return y;
  }

  private static float[] weights(int from, int to) {
    float[] w = new float[to - from];
    for (int i = from; i < to; i++) w[i - from] = 0.5f + i % 3;
    return w;
  }

  /** The samples in batches of {@link #BATCH}, counting how often an epoch starts. */
  private Iterable<Batch> dataset(AtomicInteger epochs, boolean weighted) {
    List<Batch> batches = new ArrayList<>();
    for (int from = 0; from < SAMPLES; from += BATCH) {
      int to = Math.min(SAMPLES, from + BATCH);
      batches.add(
          new Batch(
              List.of(tensor(xs(from, to), to - from, 2)),
              List.of(tensor(ys(from, to), to - from, 1)),
              weighted ? List.of(tensor(weights(from, to), to - from)) : null));
    }
    return () -> {
      epochs.incrementAndGet();
      return batches.iterator();
    };
  }

  private static float[] kernel(Model m) {
    try (TFloat32 k = m.readWeight(m.trainableWeights().get(0))) {
      return new float[] {k.getFloat(0, 0), k.getFloat(1, 0)};
    }
  }

  @Test
  void batchesTrainAsTheWholeTensorsDo() {
    for (boolean weighted : new boolean[] {false, true}) {
      AtomicInteger epochs = new AtomicInteger();
      FitOptions.Builder options = FitOptions.builder().epochs(3).verbose(0);
      try (Model streamed = model("streamed");
          Model whole = model("whole")) {
        History a = streamed.fit(dataset(epochs, weighted), options.build());
        if (weighted) options.sampleWeight(weights(0, SAMPLES));
        History b =
            whole.fit(
                List.of(tensor(xs(0, SAMPLES), SAMPLES, 2)),
                List.of(tensor(ys(0, SAMPLES), SAMPLES, 1)),
                options.batchSize(BATCH).shuffle(false).build());
        assertEquals(3, epochs.get(), "each epoch reads the dataset anew");
        assertEquals(b.history(), a.history(), "weighted=" + weighted);
        assertArrayEquals(kernel(whole), kernel(streamed));
        assertEquals(
            whole.evaluate(
                List.of(tensor(xs(0, SAMPLES), SAMPLES, 2)),
                List.of(tensor(ys(0, SAMPLES), SAMPLES, 1)),
                BATCH),
            streamed.evaluate(dataset(new AtomicInteger(), false)));
      }
    }
  }

  @Test
  void theFirstEpochCountsItsStepsAsKerasDoes() {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    PrintStream stdout = System.out;
    try (Model m = model("counted")) {
      System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
      m.fit(dataset(new AtomicInteger(), false), FitOptions.builder().epochs(2).verbose(2).build());
    } finally {
      System.setOut(stdout);
    }
    String[] lines = buf.toString(StandardCharsets.UTF_8).split("\n");
    assertTrue(lines[1].startsWith("3/Unknown "), lines[1]);
    assertTrue(lines[3].startsWith("3/3 ━"), lines[3]);
  }

  @Test
  void wholeDatasetOptionsAndEmptyDataAreRefused() {
    try (Model m = model("refused")) {
      Iterable<Batch> data = dataset(new AtomicInteger(), false);
      IllegalArgumentException split =
          assertThrows(
              IllegalArgumentException.class,
              () -> m.fit(data, FitOptions.builder().validationSplit(0.2).verbose(0).build()));
      assertTrue(split.getMessage().contains("validation_split"), split.getMessage());
      assertThrows(
          IllegalArgumentException.class,
          () ->
              m.fit(
                  data, FitOptions.builder().sampleWeight(weights(0, SAMPLES)).verbose(0).build()));
      Iterable<Batch> empty = () -> new ArrayList<Batch>().iterator();
      IllegalArgumentException none =
          assertThrows(
              IllegalArgumentException.class,
              () -> m.fit(empty, FitOptions.builder().verbose(0).build()));
      assertTrue(none.getMessage().contains("no batches"), none.getMessage());
    }
  }

  /** A dataset too large to hold: each batch is made when asked for and closed after its step. */
  @Test
  void anIteratorMayCloseEachBatchWhenTheNextIsAskedFor() {
    AtomicInteger made = new AtomicInteger();
    Iterable<Batch> generated =
        () ->
            new Iterator<>() {
              private int from;
              private Batch previous;

              @Override
              public boolean hasNext() {
                return from < SAMPLES;
              }

              @Override
              public Batch next() {
                if (previous != null) {
                  previous.x().forEach(Tensor::close);
                  previous.y().forEach(Tensor::close);
                }
                int to = Math.min(SAMPLES, from + BATCH);
                previous =
                    Batch.of(
                        TFloat32.tensorOf(Shape.of(to - from, 2), DataBuffers.of(xs(from, to))),
                        TFloat32.tensorOf(Shape.of(to - from, 1), DataBuffers.of(ys(from, to))));
                from = to;
                made.incrementAndGet();
                return previous;
              }
            };
    try (Model m = model("generated")) {
      History h = m.fit(generated, FitOptions.builder().epochs(2).verbose(0).build());
      assertEquals(6, made.get());
      List<Double> loss = h.history().get("loss");
      assertTrue(loss.get(1) < loss.get(0), "the loss falls: " + loss);
    }
  }
}
