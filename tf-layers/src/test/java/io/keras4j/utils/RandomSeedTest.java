package io.keras4j.utils;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.keras4j.layers.KerasTensor;
import io.keras4j.layers.LayerArgs;
import io.keras4j.layers.core.Dense;
import io.keras4j.layers.core.DenseConfig;
import io.keras4j.layers.core.Input;
import io.keras4j.layers.regularization.Dropout;
import io.keras4j.layers.regularization.DropoutConfig;
import io.keras4j.losses.MeanSquaredError;
import io.keras4j.models.Functional;
import io.keras4j.models.Model;
import io.keras4j.optimizers.SGD;
import io.keras4j.training.Compile;
import io.keras4j.training.FitOptions;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tensorflow.types.TFloat32;

/**
 * With {@link RandomSeed#set}, a model built and trained again (unseeded initializers, dropout,
 * shuffling) ends with the same weights; without it, unseeded draws differ.
 */
class RandomSeedTest {

  @AfterEach
  void clear() {
    RandomSeed.clear();
  }

  /** A dense network with dropout, trained three shuffled epochs; its first kernel afterwards. */
  private static float[] trainedKernel(boolean train) {
    KerasTensor x = Input.of(3);
    Dense first = new Dense(DenseConfig.builder(8).build());
    KerasTensor h = new Dropout(DropoutConfig.builder(0.5).build()).apply(first.apply(x));
    try (Model m =
        new Functional(
            LayerArgs.named("seeded"), x, new Dense(DenseConfig.builder(1).build()).apply(h))) {
      m.compile(Compile.builder().optimizer(new SGD()).loss(new MeanSquaredError()).build());
      float[][] xs = new float[20][3];
      float[][] ys = new float[20][1];
      for (int i = 0; i < 20; i++) {
        xs[i] = new float[] {(float) Math.sin(i), (float) Math.cos(i), i / 20f};
        ys[i][0] = (float) Math.sin(2 * i);
      }
      m.build();
      if (train) {
        m.fit(
            new Object[] {xs},
            new Object[] {ys},
            FitOptions.builder().batchSize(4).epochs(3).verbose(0).build());
      }
      try (TFloat32 k = m.readWeight(first.kernel())) {
        float[] v = new float[24];
        k.asRawTensor().data().asFloats().read(v);
        return v;
      }
    }
  }

  @Test
  void theSameSeedRebuildsAndRetrainsTheSameModel() {
    RandomSeed.set(7);
    float[] initial = trainedKernel(false);
    float[] trained = trainedKernel(true);
    RandomSeed.set(7);
    assertArrayEquals(initial, trainedKernel(false));
    assertArrayEquals(trained, trainedKernel(true));
    RandomSeed.set(8);
    assertFalse(Arrays.equals(initial, trainedKernel(false)), "another seed, other weights");
  }

  @Test
  void withoutASeedUnseededDrawsDiffer() {
    assertNull(RandomSeed.next());
    assertFalse(Arrays.equals(trainedKernel(false), trainedKernel(false)));
  }

  @Test
  void theSequenceIsJavasAndItsOwnSeedsPassThrough() {
    RandomSeed.set(3);
    List<Long> a = List.of(RandomSeed.next(), RandomSeed.next());
    RandomSeed.set(3);
    assertEquals(a, List.of(RandomSeed.next(), RandomSeed.next()));
    assertEquals(42L, RandomSeed.orNext(42L));
  }
}
