package io.keras4j.io.h5.hdf5;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.checksum.JenkinsLookup3HashLittle;
import io.jhdf.object.datatype.FloatingPoint;
import io.jhdf.object.datatype.VariableLength;
import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Round trips through jHDF's reader, which checks every checksum as it reads. */
class Hdf5WriterTest {

  @TempDir Path dir;

  /** Element {@code i} of a test array of each type, and what jHDF reads back for it. */
  private record Values(IntFunction<Object> written, IntFunction<Object> read) {}

  private static Values values(Hdf5Type type) {
    // Half-precision bits and their values: 1, -2, 0.5, 0, 65504 (the largest), 2^-14.
    short[] halfBits = {0x3C00, (short) 0xC000, 0x3800, 0, 0x7BFF, 0x0400};
    float[] halves = {1f, -2f, 0.5f, 0f, 65504f, 0x1p-14f};
    return switch (type) {
      case BOOL -> new Values(i -> i % 3 == 0, i -> i % 3 == 0 ? "TRUE" : "FALSE");
      case INT8 -> same(i -> (byte) (i * 37 - 100));
      case UINT8 -> new Values(i -> (byte) (i * 37), i -> (i * 37) & 0xFF);
      case INT16 -> same(i -> (short) (i * 1000 - 3000));
      case INT32 -> same(i -> i * 100_000_007);
      case INT64 -> same(i -> i * 1_000_000_000_007L - 5);
      case FLOAT16 -> new Values(i -> halfBits[i % 6], i -> halves[i % 6]);
      case FLOAT32 -> same(i -> i * 0.5f - 3f);
      case FLOAT64 -> same(i -> i * 0.25 - 1e10);
    };
  }

  private static Values same(IntFunction<Object> f) {
    return new Values(f, f);
  }

  @ParameterizedTest
  @EnumSource(Hdf5Type.class)
  void writesEveryTypeInEveryRank(Hdf5Type type) throws IOException {
    Values values = values(type);
    int[][] shapes = {{}, {5}, {2, 3}, {2, 3, 4}, {1, 2, 1, 3}};
    Hdf5Group root = new Hdf5Group();
    for (int[] shape : shapes) {
      root.dataset("rank" + shape.length, Hdf5Array.of(type, javaArray(type, shape, values)));
    }

    try (HdfFile file = write(root)) {
      for (int[] shape : shapes) {
        Dataset d = file.getDatasetByPath("rank" + shape.length);
        assertEquals(shape.length == 0, d.isScalar());
        assertArrayEquals(shape, d.getDimensions());
        List<Object> expected = new ArrayList<>();
        for (int i = 0; i < Arrays.stream(shape).reduce(1, (a, b) -> a * b); i++) {
          expected.add(values.read().apply(i));
        }
        assertEquals(expected, flatten(d.getData()), type + " rank " + shape.length);
      }
    }
  }

  @Test
  void writesBufferDataFromItsPositionWithoutMovingIt() throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(4 + 6 * 4).order(ByteOrder.LITTLE_ENDIAN);
    buffer.putFloat(-99f);
    for (int i = 0; i < 6; i++) {
      buffer.putFloat(i + 0.5f);
    }
    buffer.position(4);
    Hdf5Group root = new Hdf5Group();
    root.dataset("w", Hdf5Array.of(Hdf5Type.FLOAT32, buffer, 3, 2));

    try (HdfFile file = write(root)) {
      assertArrayEquals(
          new float[][] {{0.5f, 1.5f}, {2.5f, 3.5f}, {4.5f, 5.5f}},
          (float[][]) file.getDatasetByPath("w").getData());
    }
    assertEquals(4, buffer.position());
  }

  @Test
  void streamsArraysLargerThanItsBuffer() throws IOException {
    float[][] kernel = new float[300][301];
    for (int i = 0; i < 300; i++) {
      for (int j = 0; j < 301; j++) {
        kernel[i][j] = i * 1000 + j;
      }
    }
    boolean[] mask = new boolean[70_001];
    for (int i = 0; i < mask.length; i += 7) {
      mask[i] = true;
    }
    double[] wide = new double[20_003];
    Arrays.setAll(wide, i -> -i / 3.0);
    Hdf5Group root = new Hdf5Group();
    root.dataset("kernel", kernel);
    root.dataset("mask", mask);
    root.dataset("wide", wide);

    try (HdfFile file = write(root)) {
      assertArrayEquals(kernel, (float[][]) file.getDatasetByPath("kernel").getData());
      String[] readMask = (String[]) file.getDatasetByPath("mask").getData();
      for (int i = 0; i < mask.length; i++) {
        assertEquals(mask[i] ? "TRUE" : "FALSE", readMask[i]);
      }
      assertArrayEquals(wide, (double[]) file.getDatasetByPath("wide").getData());
    }
  }

  @Test
  void writesZeroSizeDatasetsWithoutStorage() throws IOException {
    Hdf5Group root = new Hdf5Group();
    root.dataset("a", new float[0]);
    root.dataset("b", new int[2][0]);
    root.dataset("c", Hdf5Array.of(Hdf5Type.FLOAT64, ByteBuffer.allocate(0), 0, 3));
    root.dataset("d", Hdf5Array.of(Hdf5Type.UINT8, ByteBuffer.allocate(0), 3, 0, 2));
    root.dataset("e", new long[] {7});

    try (HdfFile file = write(root)) {
      assertArrayEquals(new int[] {0}, file.getDatasetByPath("a").getDimensions());
      assertArrayEquals(new int[] {2, 0}, file.getDatasetByPath("b").getDimensions());
      assertArrayEquals(new int[] {0, 3}, file.getDatasetByPath("c").getDimensions());
      assertArrayEquals(new int[] {3, 0, 2}, file.getDatasetByPath("d").getDimensions());
      for (String name : List.of("a", "b", "c", "d")) {
        assertTrue(file.getDatasetByPath(name).isEmpty(), name);
        assertEquals(0, file.getDatasetByPath(name).getStorageInBytes(), name);
      }
      assertArrayEquals(new long[] {7}, (long[]) file.getDatasetByPath("e").getData());
    }
  }

  @Test
  void writesADeepTree() throws IOException {
    Hdf5Group root = new Hdf5Group();
    Hdf5Group g = root;
    StringBuilder path = new StringBuilder();
    for (int i = 0; i < 100; i++) {
      g = g.group("level" + i);
      g.attribute("depth", i);
      path.append("level").append(i).append(i < 99 ? "/" : "");
    }
    g.dataset("leaf", new int[] {1, 2, 3});

    try (HdfFile file = write(root)) {
      assertArrayEquals(
          new int[] {1, 2, 3}, (int[]) file.getDatasetByPath(path + "/leaf").getData());
      assertEquals(99, file.getByPath(path.toString()).getAttribute("depth").getData());
    }
  }

  @Test
  void listsManyChildrenSortedByName() throws IOException {
    Hdf5Group root = new Hdf5Group();
    Hdf5Group layers = root.group("layers");
    List<String> names = new ArrayList<>();
    for (int i = 499; i >= 0; i--) {
      String name = "layer_" + i;
      names.add(name);
      layers.group(name).attribute("index", i);
    }
    layers.dataset("zeta", 1f);
    layers.dataset("Alpha", 2f);
    names.addAll(List.of("zeta", "Alpha"));
    names.sort(null);

    try (HdfFile file = write(root)) {
      Group read = (Group) file.getChild("layers");
      assertEquals(names, new ArrayList<>(read.getChildren().keySet()));
      assertEquals(123, read.getChild("layer_123").getAttribute("index").getData());
    }
  }

  @Test
  void sortsNonAsciiNamesByTheirUtf8Bytes() throws IOException {
    Hdf5Group root = new Hdf5Group();
    // U+FF41 sorts after U+1D11E by its UTF-8 bytes (EF vs F0), though not as Java compares them.
    for (String name : List.of("\uFF41", "z", "\uD834\uDD1E", "é")) {
      root.group(name);
    }

    try (HdfFile file = write(root)) {
      assertEquals(
          List.of("z", "é", "\uFF41", "\uD834\uDD1E"),
          new ArrayList<>(file.getChildren().keySet()));
    }
  }

  @Test
  void writesLongStringAttributes() throws IOException {
    String config =
        "{\"name\": \"ünï ✓ 𝄞\", \"layers\": [" + "0123456789abcdef".repeat(12_800) + "]}";
    Hdf5Group root = new Hdf5Group();
    root.attribute("model_config", config);
    root.attribute("keras_version", "3.11.3");

    try (HdfFile file = write(root)) {
      Attribute a = file.getAttribute("model_config");
      assertTrue(a.isScalar());
      VariableLength type = assertInstanceOf(VariableLength.class, a.getDataType());
      assertTrue(type.isVariableLengthString());
      assertEquals(StandardCharsets.UTF_8, type.getEncoding());
      assertEquals(config, a.getData());
      assertEquals("3.11.3", file.getAttribute("keras_version").getData());
    }
  }

  @Test
  void writesStringArraysWithAnyCharacters() throws IOException {
    String[] names = {"dense/kernel:0", "", "naïve", "日本語", "𝄞 clef", "a\tb\nc"};
    Hdf5Group root = new Hdf5Group();
    root.attribute("array", names);
    root.attribute("list", List.of("x", "ÿ"));
    root.attribute("none", new String[0]);

    try (HdfFile file = write(root)) {
      assertArrayEquals(names, (String[]) file.getAttribute("array").getData());
      assertArrayEquals(new String[] {"x", "ÿ"}, (String[]) file.getAttribute("list").getData());
      assertArrayEquals(new int[] {0}, file.getAttribute("none").getDimensions());
      assertInstanceOf(VariableLength.class, file.getAttribute("none").getDataType());
    }
  }

  @Test
  void spreadsManyStringsOverSeveralHeapCollections() throws IOException {
    Hdf5Group root = new Hdf5Group();
    List<String[]> arrays = new ArrayList<>();
    for (int a = 0; a < 5; a++) {
      String[] strings = new String[3000];
      for (int i = 0; i < strings.length; i++) {
        strings[i] = "attribute " + a + " string " + i + " " + "x".repeat(i % 40);
      }
      arrays.add(strings);
      root.group("g" + a).attribute("strings", strings);
    }

    try (HdfFile file = write(root)) {
      for (int a = 0; a < 5; a++) {
        assertArrayEquals(
            arrays.get(a), (String[]) file.getByPath("g" + a).getAttribute("strings").getData());
      }
    }
  }

  @Test
  void writesKerasEmptyWeightNamesAsAnEmptyFloat64Array() throws IOException {
    Hdf5Group root = new Hdf5Group();
    root.group("flatten").attribute("weight_names", new double[0]);

    try (HdfFile file = write(root)) {
      Attribute a = file.getByPath("flatten").getAttribute("weight_names");
      assertArrayEquals(new int[] {0}, a.getDimensions());
      assertFalse(a.isScalar());
      assertTrue(a.isEmpty());
      assertEquals(8, assertInstanceOf(FloatingPoint.class, a.getDataType()).getSize());
    }
  }

  @Test
  void writesNumericAttributesOnGroupsAndDatasets() throws IOException {
    Hdf5Group root = new Hdf5Group();
    root.attribute("int", 7)
        .attribute("long", -7L)
        .attribute("float", 0.5f)
        .attribute("double", 0.25)
        .attribute("bool", false)
        .attribute("uint8", Hdf5Array.of(Hdf5Type.UINT8, new byte[] {(byte) 200, 1}))
        .attribute("matrix", new int[][] {{1, 2}, {3, 4}});
    root.dataset("kernel", new float[] {1f}).attribute("unit", "m/s²").attribute("step", 3L);

    try (HdfFile file = write(root)) {
      assertEquals(7, file.getAttribute("int").getData());
      assertEquals(-7L, file.getAttribute("long").getData());
      assertEquals(0.5f, file.getAttribute("float").getData());
      assertEquals(0.25, file.getAttribute("double").getData());
      assertEquals("FALSE", file.getAttribute("bool").getData());
      assertArrayEquals(new int[] {200, 1}, (int[]) file.getAttribute("uint8").getData());
      assertArrayEquals(
          new int[][] {{1, 2}, {3, 4}}, (int[][]) file.getAttribute("matrix").getData());
      Node kernel = file.getChild("kernel");
      assertEquals("m/s²", kernel.getAttribute("unit").getData());
      assertEquals(3L, kernel.getAttribute("step").getData());
    }
  }

  @Test
  void writesNonAsciiNames() throws IOException {
    Hdf5Group root = new Hdf5Group();
    root.group("ünï").attribute("ñame", "välue").dataset("ω:0", new float[] {1f});

    try (HdfFile file = write(root)) {
      Node group = file.getChild("ünï");
      assertEquals("välue", group.getAttribute("ñame").getData());
      assertArrayEquals(new float[] {1f}, (float[]) file.getDatasetByPath("ünï/ω:0").getData());
    }
  }

  @Test
  void keepsTheLastValueOfAnAttributeSetTwice() throws IOException {
    Hdf5Group root = new Hdf5Group();
    root.attribute("a", "first").attribute("a", 2);

    try (HdfFile file = write(root)) {
      assertEquals(1, file.getAttributes().size());
      assertEquals(2, file.getAttribute("a").getData());
    }
  }

  @Test
  void returnsTheExistingGroupOfAName() {
    Hdf5Group root = new Hdf5Group();
    assertTrue(root.group("a") == root.group("a"));
  }

  /** A legacy Keras file of MobileNetV2's size: 157 layers and a 142 KB config in one group. */
  @Test
  void writesAKerasLegacyFileOfMobileNetsSize() throws IOException {
    String config = "{\"layers\": [" + "{\"class_name\": \"Conv2D\"}, ".repeat(5_500) + "]}";
    Hdf5Group root = new Hdf5Group();
    root.attribute("model_config", config).attribute("backend", "tensorflow");
    Hdf5Group weights = root.group("model_weights");
    String[] layerNames = new String[157];
    for (int l = 0; l < layerNames.length; l++) {
      layerNames[l] = "block_" + l + "_conv";
      Hdf5Group layer = weights.group(layerNames[l]);
      if (l % 3 == 0) {
        layer.attribute("weight_names", new double[0]);
        continue;
      }
      layer.attribute("weight_names", new String[] {layerNames[l] + "/kernel:0"});
      layer.group(layerNames[l]).dataset("kernel:0", new float[][][][] {{{{l}}}});
    }
    weights.attribute("layer_names", layerNames);

    try (HdfFile file = write(root)) {
      assertTrue(config.length() > 140_000);
      assertEquals(config, file.getAttribute("model_config").getData());
      Group read = (Group) file.getChild("model_weights");
      assertEquals(157, read.getChildren().size());
      assertArrayEquals(layerNames, (String[]) read.getAttribute("layer_names").getData());
      assertArrayEquals(
          new String[] {"block_155_conv/kernel:0"},
          (String[]) read.getByPath("block_155_conv").getAttribute("weight_names").getData());
      assertArrayEquals(
          new float[][][][] {{{{155f}}}},
          (float[][][][])
              read.getDatasetByPath("block_155_conv/block_155_conv/kernel:0").getData());
    }
  }

  @Test
  void endsTheFileAtTheSuperblocksEndOfFileAddress() throws IOException {
    Path file = dir.resolve("f.h5");
    Hdf5Group big = new Hdf5Group();
    big.dataset("d", new double[10_000]);
    Hdf5Writer.write(file, big);
    Hdf5Group root = new Hdf5Group();
    root.attribute("s", "text").dataset("d", new float[] {1f, 2f, 3f});
    root.dataset("z", new float[0]);

    Hdf5Writer.write(file, root);

    ByteBuffer superblock =
        ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
    assertEquals(2, superblock.get(8), "superblock version");
    assertEquals(Files.size(file), superblock.getLong(28), "end-of-file address");
    byte[] checked = Arrays.copyOf(superblock.array(), 44);
    assertEquals(JenkinsLookup3HashLittle.hash(checked), superblock.getInt(44));
    try (HdfFile read = new HdfFile(file)) {
      assertEquals("text", read.getAttribute("s").getData());
    }
  }

  @Test
  void refusesAnAttributeLargerThanAnObjectHeaderMessage() {
    Hdf5Group root = new Hdf5Group();
    String[] names = new String[5000];
    Arrays.fill(names, "layer");
    root.group("model_weights").attribute("layer_names", names);

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> write(root).close());
    // 9 bytes of fields, the name and its NUL (12), the datatype (20), the dataspace (20), and
    // 5000 heap IDs of 16 bytes.
    assertTrue(
        e.getMessage()
            .startsWith(
                "The attribute 'layer_names' of /model_weights needs 80061 bytes, and HDF5 keeps"),
        e.getMessage());
  }

  @Test
  void refusesNullStrings() {
    Hdf5Group root = new Hdf5Group();
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> root.attribute("a", new String[] {"x", null}));
    assertEquals("Attribute 'a': expected strings, received null at index 1", e.getMessage());
  }

  @Test
  void refusesClashingAndInvalidNames() {
    Hdf5Group root = new Hdf5Group();
    root.dataset("d", 1f);
    root.group("g");

    assertThrows(IllegalArgumentException.class, () -> root.dataset("d", 2f));
    assertThrows(IllegalArgumentException.class, () -> root.dataset("g", 2f));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> root.group("d"));
    assertEquals("Expected 'd' to be a group, but it is already a dataset", e.getMessage());
    for (String bad : List.of("", ".", "a/b", "a\0b", "\uD800")) {
      assertThrows(IllegalArgumentException.class, () -> root.group(bad), bad);
    }
    assertThrows(IllegalArgumentException.class, () -> root.attribute("", 1));
    assertThrows(IllegalArgumentException.class, () -> root.attribute("\uD800", 1));
    assertThrows(IllegalArgumentException.class, () -> root.attribute("s", "lone \uDC00"));
    assertThrows(IllegalArgumentException.class, () -> root.attribute("o", new Object()));
  }

  private HdfFile write(Hdf5Group root) throws IOException {
    Path file = Files.createTempFile(dir, "test", ".h5");
    Hdf5Writer.write(file, root);
    return new HdfFile(file);
  }

  /** A Java array of {@code type}'s Java type and {@code shape}, or a boxed scalar for rank 0. */
  private static Object javaArray(Hdf5Type type, int[] shape, Values values) {
    if (shape.length == 0) {
      return values.written().apply(0);
    }
    Object array = Array.newInstance(type.javaType(), shape);
    int[] next = {0};
    fill(
        array,
        a -> {
          for (int i = 0; i < Array.getLength(a); i++) {
            Array.set(a, i, values.written().apply(next[0]++));
          }
        });
    return array;
  }

  private static void fill(Object array, Consumer<Object> leaf) {
    if (!array.getClass().getComponentType().isArray()) {
      leaf.accept(array);
      return;
    }
    for (int i = 0; i < Array.getLength(array); i++) {
      fill(Array.get(array, i), leaf);
    }
  }

  private static List<Object> flatten(Object data) {
    List<Object> out = new ArrayList<>();
    if (!data.getClass().isArray()) {
      out.add(data);
      return out;
    }
    for (int i = 0; i < Array.getLength(data); i++) {
      out.addAll(flatten(Array.get(data, i)));
    }
    return out;
  }
}
