package io.keras4j.cli.demo;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The date-translation task of the seed article: human-readable dates ("saturday, 9 may 1998",
 * "09.05.98") to ISO dates ("1998-05-09"), encoded as padded sequences of character ids.
 */
final class Dates {

  /** Formats people write dates in, lower-cased as the article's data. */
  private static final List<DateTimeFormatter> FORMATS =
      List.of(
              "d MMM yyyy",
              "d MMMM yyyy",
              "dd MMM yyyy",
              "d MMM, yyyy",
              "d MMMM, yyyy",
              "dd, MMM yyyy",
              "d MM yy",
              "MMMM d yyyy",
              "MMMM d, yyyy",
              "dd.MM.yy",
              "EEEE, d MMMM yyyy",
              "EEE d MMM yyyy",
              "MMM d, yyyy",
              "dd/MM/yyyy",
              "d/M/yy",
              "EEEE, MMMM d, yyyy",
              "yyyy-MM-dd",
              "MM/dd/yyyy")
          .stream()
          .map(p -> DateTimeFormatter.ofPattern(p, Locale.ENGLISH))
          .toList();

  static final String PAD = "<pad>";
  static final String UNKNOWN = "<unk>";

  /** Characters of the machine side: digits and the dash of ISO dates. */
  static final String MACHINE_CHARS = "0123456789-";

  /** The longest human date the formats produce, which fixes the sequence length. */
  static final int LENGTH = 30;

  /** One example: the human text and its ISO translation. */
  record Example(String human, String iso) {}

  private final Map<Character, Integer> humanIds = new LinkedHashMap<>();
  private final List<String> machineVocab = new ArrayList<>();

  Dates() {
    humanIds.put('\0', 0); // <pad>
    humanIds.put('\1', 1); // <unk>
    for (char c : " ,./-0123456789abcdefghijklmnopqrstuvwxyz".toCharArray()) {
      humanIds.put(c, humanIds.size());
    }
    machineVocab.add(PAD);
    for (char c : MACHINE_CHARS.toCharArray()) machineVocab.add(String.valueOf(c));
  }

  int humanVocabSize() {
    return humanIds.size();
  }

  int machineVocabSize() {
    return machineVocab.size();
  }

  /** {@code n} random examples between 1950 and 2049. */
  static List<Example> examples(int n, long seed) {
    Random r = new Random(seed);
    long first = LocalDate.of(1950, 1, 1).toEpochDay();
    long last = LocalDate.of(2049, 12, 31).toEpochDay();
    List<Example> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      LocalDate d = LocalDate.ofEpochDay(first + (long) (r.nextDouble() * (last - first + 1)));
      String human = FORMATS.get(r.nextInt(FORMATS.size())).format(d).toLowerCase(Locale.ROOT);
      out.add(new Example(human, d.toString()));
    }
    return out;
  }

  /** Character ids of a human date, padded (or cut) to {@link #LENGTH}. */
  int[] encodeHuman(String text) {
    int[] ids = new int[LENGTH];
    for (int i = 0; i < Math.min(LENGTH, text.length()); i++) {
      ids[i] = humanIds.getOrDefault(text.charAt(i), 1);
    }
    return ids;
  }

  /** One-hot rows of an ISO date, padded to {@link #LENGTH} with the padding symbol. */
  float[][] encodeMachine(String iso) {
    float[][] rows = new float[LENGTH][machineVocab.size()];
    for (int t = 0; t < LENGTH; t++) {
      int id = t < iso.length() ? machineVocab.indexOf(String.valueOf(iso.charAt(t))) : 0;
      rows[t][id] = 1f;
    }
    return rows;
  }

  /** The text of the most probable symbol at each step, up to the first padding. */
  String decode(float[][] probabilities) {
    StringBuilder b = new StringBuilder();
    for (float[] row : probabilities) {
      int best = 0;
      for (int j = 1; j < row.length; j++) if (row[j] > row[best]) best = j;
      if (best == 0) break;
      b.append(machineVocab.get(best));
    }
    return b.toString();
  }
}
