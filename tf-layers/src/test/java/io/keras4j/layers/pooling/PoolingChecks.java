package io.keras4j.layers.pooling;

import static io.keras4j.layers.convolutional.WindowTesting.assertClose;
import static io.keras4j.layers.convolutional.WindowTesting.pattern;
import static io.keras4j.layers.convolutional.WindowTesting.run;
import static io.keras4j.testing.LayerTestKit.assertOutputSpecMatchesGraph;
import static io.keras4j.testing.LayerTestKit.assertWeights;
import static io.keras4j.testing.LayerTestKit.spec;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.layers.Layer;
import io.keras4j.layers.LayerArgs;
import io.keras4j.layers.convolutional.DataFormat;
import io.keras4j.layers.convolutional.Padding;
import io.keras4j.layers.convolutional.WindowTesting;
import io.keras4j.layers.convolutional.WindowTesting.Values;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import org.tensorflow.types.TFloat32;

/** Checks every pooling layer's test runs, over the settings the layers share. */
final class PoolingChecks {

  private PoolingChecks() {}

  /** A pooling layer class's constructor. */
  interface Pooling extends BiFunction<PoolingConfig, LayerArgs, Layer> {}

  /** A global pooling layer class's constructor. */
  interface GlobalPooling extends BiFunction<GlobalPoolingConfig, LayerArgs, Layer> {}

  /** Input dimensions with the channels last or first. */
  static long[] input(DataFormat format, long channels, long... spatial) {
    long[] d = new long[spatial.length + 1];
    if (format == DataFormat.CHANNELS_LAST) {
      System.arraycopy(spatial, 0, d, 0, spatial.length);
      d[spatial.length] = channels;
    } else {
      d[0] = channels;
      System.arraycopy(spatial, 0, d, 1, spatial.length);
    }
    return d;
  }

  /** The permutation that moves the channels of a tensor of {@code rank} axes first. */
  static int[] channelsFirst(int rank) {
    int[] p = new int[rank];
    p[1] = rank - 1;
    for (int i = 2; i < rank; i++) p[i] = i - 1;
    return p;
  }

  /** The permutation that moves the channels of a tensor of {@code rank} axes last. */
  static int[] channelsLast(int rank) {
    int[] p = new int[rank];
    for (int i = 1; i < rank - 1; i++) p[i] = i + 1;
    p[rank - 1] = 1;
    return p;
  }

  static void assertOutputShapesMatchGraph(int rank, Pooling layer) {
    for (List<Object> c :
        WindowTesting.combinations(
            List.of(Padding.VALID, Padding.SAME),
            List.of(2, 3),
            List.of(0, 1, 2),
            List.of(DataFormat.CHANNELS_LAST, DataFormat.CHANNELS_FIRST),
            List.of(true, false))) {
      PoolingConfig.Builder config =
          PoolingConfig.builder((int) c.get(1))
              .padding((Padding) c.get(0))
              .dataFormat((DataFormat) c.get(3));
      if ((int) c.get(2) > 0) config.strides((int) c.get(2));
      long[] spatial = new long[rank];
      Arrays.fill(spatial, 7);
      if (!(boolean) c.get(4)) spatial[0] = -1;
      Layer pool =
          layer.apply(
              config.build(), LayerArgs.named(("pool_" + c).replaceAll("[^A-Za-z0-9_]", "_")));
      assertOutputSpecMatchesGraph(
          pool, spec(TFloat32.class, input((DataFormat) c.get(3), 3, spatial)));
      assertWeights(pool);
    }
  }

  static void assertChannelsFirstEqualsChannelsLast(int rank, Pooling layer) {
    long[] spatial = new long[rank];
    Arrays.fill(spatial, 5);
    spatial[0] = 7;
    long[] dims = new long[rank + 2];
    dims[0] = 2;
    System.arraycopy(input(DataFormat.CHANNELS_LAST, 3, spatial), 0, dims, 1, rank + 1);
    Values x = pattern(0, dims);
    PoolingConfig.Builder config = PoolingConfig.builder(3).strides(2).padding(Padding.SAME);
    Values last = run(layer.apply(config.build(), LayerArgs.defaults()), x);
    Values first =
        run(
            layer.apply(config.dataFormat(DataFormat.CHANNELS_FIRST).build(), LayerArgs.defaults()),
            x.transpose(channelsFirst(rank + 2)));
    assertClose(last, first.transpose(channelsLast(rank + 2)), "channels_first output");
  }

  /** Every output of {@code upper} is at least the output of {@code lower} at the same place. */
  static void assertAtLeast(Values upper, Values lower, String what) {
    assertTrue(upper.shape().equals(lower.shape()), "shapes of " + what);
    for (int i = 0; i < upper.values().length; i++) {
      assertTrue(upper.values()[i] >= lower.values()[i] - 1e-6f, what + " at " + i);
    }
  }

  static void assertGlobalOutputShapesMatchGraph(int rank, GlobalPooling layer) {
    for (List<Object> c :
        WindowTesting.combinations(
            List.of(DataFormat.CHANNELS_LAST, DataFormat.CHANNELS_FIRST),
            List.of(false, true),
            List.of(true, false))) {
      DataFormat format = (DataFormat) c.get(0);
      long[] spatial = new long[rank];
      Arrays.fill(spatial, 4);
      if (!(boolean) c.get(2)) spatial[rank - 1] = -1;
      Layer pool =
          layer.apply(
              GlobalPoolingConfig.builder().dataFormat(format).keepdims((boolean) c.get(1)).build(),
              LayerArgs.named(("global_" + c).replaceAll("[^A-Za-z0-9_]", "_")));
      assertOutputSpecMatchesGraph(pool, spec(TFloat32.class, input(format, 3, spatial)));
      assertWeights(pool);
    }
  }

  static void assertGlobalChannelsFirstEqualsChannelsLast(int rank, GlobalPooling layer) {
    long[] dims = new long[rank + 2];
    Arrays.fill(dims, 4);
    dims[0] = 2;
    dims[rank + 1] = 3;
    Values x = pattern(0, dims);
    GlobalPoolingConfig.Builder config = GlobalPoolingConfig.builder().keepdims(true);
    Values last = run(layer.apply(config.build(), LayerArgs.defaults()), x);
    Values first =
        run(
            layer.apply(config.dataFormat(DataFormat.CHANNELS_FIRST).build(), LayerArgs.defaults()),
            x.transpose(channelsFirst(rank + 2)));
    assertClose(last, first.transpose(channelsLast(rank + 2)), "channels_first output");
  }
}
