package io.keras4j.cli.demo;

import io.keras4j.initializers.Identity;
import io.keras4j.io.ModelReader;
import io.keras4j.io.ModelWriter;
import io.keras4j.layers.KerasTensor;
import io.keras4j.layers.LayerArgs;
import io.keras4j.layers.Weight;
import io.keras4j.layers.attention.AttentionDecoder;
import io.keras4j.layers.attention.AttentionDecoderConfig;
import io.keras4j.layers.core.Embedding;
import io.keras4j.layers.core.EmbeddingConfig;
import io.keras4j.layers.core.Input;
import io.keras4j.layers.recurrent.Bidirectional;
import io.keras4j.layers.recurrent.BidirectionalConfig;
import io.keras4j.layers.recurrent.LSTM;
import io.keras4j.layers.recurrent.LSTMConfig;
import io.keras4j.losses.CategoricalCrossentropy;
import io.keras4j.metrics.CategoricalAccuracy;
import io.keras4j.models.Functional;
import io.keras4j.models.Model;
import io.keras4j.optimizers.Adam;
import io.keras4j.optimizers.AdamConfig;
import io.keras4j.training.Callback;
import io.keras4j.training.Compile;
import io.keras4j.training.FitOptions;
import io.keras4j.utils.RandomSeed;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tensorflow.Tensor;

/**
 * The seed article's date translator ({@code simpleNMT}), built, trained and saved in Java: a
 * frozen one-hot {@code Embedding}, a {@code Bidirectional(LSTM)} encoder and the article's {@code
 * AttentionDecoder}, trained on generated human-readable dates until it translates held-out dates
 * to ISO dates.
 */
public final class DateTranslator {

  /** What a run measured. */
  public record Outcome(
      double heldOutAccuracy, int epochs, double seconds, boolean reloadIdentical) {}

  /** Settings of a run: the bundled defaults reach 95% held-out accuracy in a few minutes. */
  public record Settings(
      int trainExamples,
      int heldOut,
      int maxEpochs,
      double targetAccuracy,
      int units,
      Path saveTo,
      long seed) {
    public static Settings defaults(Path saveTo) {
      return new Settings(12_000, 1_000, 30, 0.95, 32, saveTo, 1);
    }
  }

  private final Dates dates = new Dates();
  private final PrintStream out;

  public DateTranslator(PrintStream out) {
    this.out = out;
  }

  /** The simpleNMT model: ids to per-step probabilities over the ISO characters. */
  Functional model(int units, boolean probabilities, LayerArgs args) {
    int vocab = dates.humanVocabSize();
    KerasTensor ids = Input.builder(Dates.LENGTH).dtype("int32").name("human_date").build();
    Embedding oneHot =
        new Embedding(
            EmbeddingConfig.builder(vocab, vocab).embeddingsInitializer(new Identity()).build(),
            LayerArgs.named("OneHot").withTrainable(false));
    Bidirectional encoder =
        new Bidirectional(
            BidirectionalConfig.builder(
                    new LSTM(LSTMConfig.builder(units).returnSequences(true).build()))
                .build());
    AttentionDecoder decoder =
        new AttentionDecoder(
            AttentionDecoderConfig.builder(units, dates.machineVocabSize())
                .returnProbabilities(probabilities)
                .build(),
            LayerArgs.named("attention_decoder"));
    return new Functional(args, ids, decoder.apply(encoder.apply(oneHot.apply(ids))));
  }

  /**
   * Builds, trains, shows, saves and reloads the translator. Its random draws are seeded from
   * {@code s.seed()} for the run (Keras' {@code set_random_seed}), so that a run repeats exactly.
   */
  public Outcome run(Settings s) throws IOException {
    RandomSeed.set(s.seed());
    try {
      return trainAndCheck(s);
    } finally {
      RandomSeed.clear();
    }
  }

  private Outcome trainAndCheck(Settings s) throws IOException {
    long start = System.nanoTime();
    List<Dates.Example> train = Dates.examples(s.trainExamples(), s.seed());
    List<Dates.Example> heldOut = Dates.examples(s.heldOut(), s.seed() + 1);
    int[][] x = new int[train.size()][];
    float[][][] y = new float[train.size()][][];
    for (int i = 0; i < train.size(); i++) {
      x[i] = dates.encodeHuman(train.get(i).human());
      y[i] = dates.encodeMachine(train.get(i).iso());
    }
    int[][] hx = heldOut.stream().map(e -> dates.encodeHuman(e.human())).toArray(int[][]::new);
    try (Functional model = model(s.units(), false, LayerArgs.named("date_translator"))) {
      model.compile(
          Compile.builder()
              .optimizer(new Adam(AdamConfig.builder().learningRate(0.005).build()))
              .loss(new CategoricalCrossentropy())
              .metric(new CategoricalAccuracy())
              .build());
      out.println(model.summary());
      double[] accuracy = {0};
      int[] epochs = {0};
      Callback check =
          new Callback() {
            @Override
            public void onEpochEnd(Model m, int epoch, Map<String, Double> logs) {
              accuracy[0] = sequenceAccuracy(m, hx, heldOut);
              epochs[0] = epoch + 1;
              out.printf(
                  Locale.ROOT, "held-out dates translated exactly: %.1f%%%n", 100 * accuracy[0]);
              if (accuracy[0] >= s.targetAccuracy()) m.setStopTraining(true);
            }
          };
      model.fit(
          new Object[] {x},
          new Object[] {y},
          FitOptions.builder()
              .batchSize(64)
              .epochs(s.maxEpochs())
              .seed(s.seed())
              .callback(check)
              .build());
      showAttention(model, s.units(), heldOut.subList(0, 4));
      ModelWriter.create().write(model, s.saveTo());
      out.println("saved " + s.saveTo());
      boolean identical = reloadsIdentically(model, s.saveTo(), hx);
      out.println(identical ? "reloaded: identical outputs" : "reloaded: OUTPUTS DIFFER");
      double seconds = (System.nanoTime() - start) / 1e9;
      out.printf(
          Locale.ROOT,
          "%d epochs, %.0f s, held-out accuracy %.1f%%%n",
          epochs[0],
          seconds,
          100 * accuracy[0]);
      return new Outcome(accuracy[0], epochs[0], seconds, identical);
    }
  }

  /** The share of dates whose whole ISO translation is right. */
  double sequenceAccuracy(Model model, int[][] x, List<Dates.Example> truth) {
    float[][][] p = (float[][][]) model.predictArrays((Object) x).get(0);
    int right = 0;
    for (int i = 0; i < p.length; i++) {
      if (dates.decode(p[i]).equals(truth.get(i).iso())) right++;
    }
    return (double) right / p.length;
  }

  /**
   * Translations with their attention: for each ISO character, the input character the decoder
   * attended to most. A second model with {@code return_probabilities} shares the trained weights.
   */
  private void showAttention(Functional trained, int units, List<Dates.Example> examples) {
    try (Functional probs = model(units, true, LayerArgs.named("date_attention"))) {
      probs.build();
      copyWeights(trained, probs);
      int[][] x = examples.stream().map(e -> dates.encodeHuman(e.human())).toArray(int[][]::new);
      float[][][] translations = (float[][][]) trained.predictArrays((Object) x).get(0);
      float[][][] attention = (float[][][]) probs.predictArrays((Object) x).get(0);
      for (int i = 0; i < examples.size(); i++) {
        String human = examples.get(i).human();
        String iso = dates.decode(translations[i]);
        out.printf(Locale.ROOT, "%-30s -> %s%n", human, iso);
        StringBuilder line = new StringBuilder("  attends to: ");
        for (int t = 0; t < iso.length(); t++) {
          int best = 0;
          for (int j = 1; j < attention[i][t].length; j++) {
            if (attention[i][t][j] > attention[i][t][best]) best = j;
          }
          char c = best < human.length() ? human.charAt(best) : '·';
          line.append(iso.charAt(t)).append("<-'").append(c).append("' ");
        }
        out.println(line.toString().trim());
      }
    }
  }

  /** Copies every weight by position: the two models have the same layers in the same order. */
  private static void copyWeights(Model from, Model to) {
    List<Weight> source = from.weights();
    List<Weight> target = to.weights();
    Map<Weight, Tensor> values = new HashMap<>();
    try {
      for (int i = 0; i < source.size(); i++)
        values.put(target.get(i), from.readWeight(source.get(i)));
      to.assignWeights(values);
    } finally {
      values.values().forEach(Tensor::close);
    }
  }

  private boolean reloadsIdentically(Model model, Path file, int[][] x) throws IOException {
    try (Model reloaded = ModelReader.create().read(file)) {
      Object a = model.predictArrays((Object) x).get(0);
      Object b = reloaded.predictArrays((Object) x).get(0);
      return java.util.Objects.deepEquals(a, b);
    }
  }
}
