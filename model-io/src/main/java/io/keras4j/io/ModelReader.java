package io.keras4j.io;

import com.fasterxml.jackson.databind.JsonNode;
import io.jhdf.HdfFile;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.keras4j.io.h5.H5Attributes;
import io.keras4j.io.h5.H5Safety;
import io.keras4j.io.h5.LegacyWeights;
import io.keras4j.io.keras.KerasArchive;
import io.keras4j.io.keras.KerasWeights;
import io.keras4j.layers.Shapes;
import io.keras4j.layers.Weight;
import io.keras4j.models.Device;
import io.keras4j.models.Model;
import io.keras4j.serialization.CompileConfigs;
import io.keras4j.serialization.ConfigException;
import io.keras4j.serialization.ConfigSerializer;
import io.keras4j.serialization.KerasJson;
import io.keras4j.serialization.KerasRegistry;
import io.keras4j.serialization.ReadContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Loads Keras model files: {@code .keras} archives (Keras 3), full-model {@code .h5} files (Keras 3
 * and Keras 2 dialects), and a JSON config with a weights file ({@code .weights.h5} of Keras 3, or
 * a legacy weights {@code .h5}). Immutable and thread-safe; the registry it holds resolves the
 * layer names found in files (Keras' {@code custom_objects}).
 *
 * <pre>{@code
 * try (Model model = ModelReader.create().read(Path.of("model.keras"))) {
 *   System.out.println(model.summary());
 * }
 * }</pre>
 */
public final class ModelReader {

  private static final System.Logger LOG = System.getLogger(ModelReader.class.getName());

  private final KerasRegistry registry;
  private final ReadLimits limits;
  private final Device device;
  private final boolean jitCompile;

  private ModelReader(
      KerasRegistry registry, ReadLimits limits, Device device, boolean jitCompile) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.limits = Objects.requireNonNull(limits, "limits");
    this.device = Objects.requireNonNull(device, "device");
    this.jitCompile = jitCompile;
  }

  /** A reader that knows Keras4J's built-in layers and places models on the CPU. */
  public static ModelReader create() {
    return new ModelReader(KerasRegistry.builtins(), ReadLimits.DEFAULT, Device.cpu(), false);
  }

  /** This reader resolving names with {@code registry} (built-ins plus custom layers). */
  public ModelReader withRegistry(KerasRegistry registry) {
    return new ModelReader(registry, limits, device, jitCompile);
  }

  public ModelReader withLimits(ReadLimits limits) {
    return new ModelReader(registry, limits, device, jitCompile);
  }

  /**
   * This reader placing the models it reads on {@code device} ({@link Model#placeOn}), which must
   * happen before their weights load.
   *
   * <pre>{@code
   * Model model =
   *     ModelReader.create()
   *         .withDevice(Device.gpuAvailable() ? Device.gpu(0) : Device.cpu())
   *         .read(Path.of("model.keras"));
   * }</pre>
   */
  public ModelReader withDevice(Device device) {
    return new ModelReader(registry, limits, device, jitCompile);
  }

  /**
   * This reader compiling the graphs of the models it reads with XLA ({@link
   * Model#jitCompile(boolean)}), which must be chosen before their weights load.
   */
  public ModelReader withJitCompile(boolean jitCompile) {
    return new ModelReader(registry, limits, device, jitCompile);
  }

  public KerasRegistry registry() {
    return registry;
  }

  /**
   * Reads a model with its weights from a {@code .keras} archive or a full-model {@code .h5}. The
   * model owns a TensorFlow session: close it.
   *
   * @throws ModelFileException if the file is damaged or disagrees with its config
   * @throws ConfigException if the config cannot be read (unknown layer, malformed config)
   */
  public Model read(Path file) throws IOException {
    requireFile(file);
    if (isKerasArchive(file)) {
      return readKeras(file);
    }
    if (isHdf5(file)) {
      return readH5(file);
    }
    throw new ModelFileException(
        file, "unsupported file type: expected a .keras archive or an HDF5 .h5 file");
  }

  /**
   * Reads a model from a JSON config ({@code model.to_json()}, or a {@code .keras} archive's {@code
   * config.json}) and a weights file: Keras 3's {@code .weights.h5} or a legacy weights {@code .h5}
   * of Keras 2 or 3.
   */
  public Model read(Path config, Path weights) throws IOException {
    requireFile(config);
    requireFile(weights);
    JsonNode json = readJson(config);
    try (HdfFile h5 = openH5(weights, weights)) {
      String version = textOrNull(json.get("keras_version"));
      if (version == null) version = H5Attributes.string(h5, "keras_version");
      ReadContext context = new ReadContext(registry, version, config.toString());
      return buildAndLoad(json, context, weights, model -> loadWeights(model, h5, weights));
    }
  }

  /**
   * The model config of a {@code .keras} archive, a full-model {@code .h5} or a JSON file, without
   * building the model.
   */
  public JsonNode readConfig(Path file) throws IOException {
    requireFile(file);
    if (isHdf5(file)) {
      try (HdfFile h5 = openH5(file, file)) {
        String config = H5Attributes.string(h5, "model_config");
        if (config == null) {
          throw new ModelFileException(file, "is a weights-only HDF5 file (no model_config)");
        }
        return parse(config, file, "model_config");
      }
    }
    return readJson(file);
  }

  /** Assigns the weights of a weights file to an already built model. */
  public void readWeights(Model model, Path weights) throws IOException {
    requireFile(weights);
    model.build();
    checkSizes(model, weights);
    try (HdfFile h5 = openH5(weights, weights)) {
      loadWeights(model, h5, weights);
    }
  }

  private void loadWeights(Model model, HdfFile h5, Path file) {
    if (h5.getChild("layers") != null || h5.getChild("vars") != null) {
      KerasWeights.load(model, h5, file, limits);
      return;
    }
    Node group = h5.getChild("model_weights");
    Node weights = group != null ? group : h5;
    if (!(weights instanceof Group g) || !LegacyWeights.isLegacyWeightsGroup(g)) {
      throw new ModelFileException(
          file,
          "holds no Keras weights (neither layers/... of Keras 3 nor layer_names of a legacy file)");
    }
    LegacyWeights.load(model, g, file, limits);
  }

  private Model readKeras(Path file) throws IOException {
    try (KerasArchive archive = KerasArchive.open(file, limits)) {
      ReadContext context = new ReadContext(registry, archive.kerasVersion(), file.toString());
      return buildAndLoad(
          archive.config(),
          context,
          file,
          model -> {
            if (archive.hasWeights()) {
              try (HdfFile h5 = archive.openWeights()) {
                KerasWeights.load(model, h5, file, limits);
              }
            }
          });
    }
  }

  private Model readH5(Path file) throws IOException {
    try (HdfFile h5 = openH5(file, file)) {
      String config = H5Attributes.string(h5, "model_config");
      if (config == null) {
        throw new ModelFileException(
            file,
            "is a weights-only HDF5 file (no model_config attribute): read it with its config,"
                + " read(config, weights)");
      }
      if (config.length() > limits.maxConfigBytes()) {
        throw new ModelFileException(
            file, "model_config is larger than the limit of " + limits.maxConfigBytes() + " bytes");
      }
      JsonNode json = parse(config, file, "model_config");
      ReadContext context =
          new ReadContext(registry, H5Attributes.string(h5, "keras_version"), file.toString());
      return buildAndLoad(json, context, file, model -> loadWeights(model, h5, file));
    }
  }

  private Model buildAndLoad(
      JsonNode config, ReadContext context, Path source, Consumer<Model> weights) {
    Model model = ConfigSerializer.of(context).deserializeModel(config);
    try {
      model.placeOn(device);
      model.jitCompile(jitCompile);
      model.build();
      checkSizes(model, source);
      compile(model, context);
      weights.accept(model);
      return model;
    } catch (RuntimeException e) {
      model.close();
      throw e;
    }
  }

  /**
   * Compiles a model saved compiled, as Keras' {@code load_model(compile=True)}, so that its
   * optimizer's state loads with the weights and training resumes where it stopped. A model whose
   * compile settings Keras4J cannot resolve (an unknown loss, an optimizer setting) still loads,
   * uncompiled and serving predictions, with its {@code compile_config} kept for saving and a
   * warning that says why.
   */
  private void compile(Model model, ReadContext context) {
    JsonNode cc = model.compileConfig().orElse(null);
    if (cc == null || !cc.has("optimizer") || !cc.has("loss") || cc.get("loss").isNull()) return;
    try {
      model.compile(CompileConfigs.fromJson(cc, model, context), registry);
    } catch (ConfigException | UnsupportedOperationException | IllegalArgumentException e) {
      LOG.log(
          System.Logger.Level.WARNING,
          "Model '"
              + model.name()
              + "' from "
              + context.source()
              + " is left uncompiled: its compile_config cannot be used ("
              + e.getMessage()
              + "). It predicts; compile it in Java to train it.");
    }
  }

  private JsonNode readJson(Path file) throws IOException {
    if (isKerasArchive(file)) {
      try (KerasArchive archive = KerasArchive.open(file, limits)) {
        return archive.config();
      }
    }
    long size = Files.size(file);
    if (size > limits.maxConfigBytes()) {
      throw new ModelFileException(
          file, "is larger than the config limit of " + limits.maxConfigBytes() + " bytes");
    }
    return parse(Files.readString(file), file, "config");
  }

  private static JsonNode parse(String json, Path file, String what) {
    try {
      JsonNode n = KerasJson.mapper().readTree(json);
      if (!n.isObject()) {
        throw new ModelFileException(file, what + " is not a JSON object");
      }
      return n;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new ModelFileException(file, what + " is not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** Opens an HDF5 file after checking its size, and refuses links and external storage. */
  private HdfFile openH5(Path file, Path source) throws IOException {
    if (Files.size(file) > limits.maxWeightsBytes()) {
      throw new ModelFileException(
          source, "is larger than the limit of " + limits.maxWeightsBytes() + " bytes");
    }
    return H5Safety.open(() -> new HdfFile(file), source);
  }

  /** Refuses weights beyond the limits before any of them is allocated. */
  private void checkSizes(Model model, Path source) {
    long total = 0;
    for (Weight w : model.weights()) {
      if (w.size() > limits.maxWeightElements()) {
        throw new ModelFileException(
            source,
            "weight '"
                + w.path()
                + "' of shape "
                + Shapes.toKeras(w.shape())
                + " has more than the limit of "
                + limits.maxWeightElements()
                + " elements");
      }
      total += w.size();
    }
    if (total > limits.maxTotalWeightElements()) {
      throw new ModelFileException(
          source,
          "the model has "
              + total
              + " weight elements, more than the limit of "
              + limits.maxTotalWeightElements());
    }
  }

  private static @Nullable String textOrNull(@Nullable JsonNode n) {
    return n != null && n.isTextual() ? n.asText() : null;
  }

  private static void requireFile(Path file) throws NoSuchFileException {
    if (!Files.isRegularFile(file)) {
      throw new NoSuchFileException(file.toString());
    }
  }

  private static boolean isKerasArchive(Path file) throws IOException {
    return startsWith(file, new byte[] {'P', 'K', 3, 4})
        || file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".keras");
  }

  private static boolean isHdf5(Path file) throws IOException {
    return startsWith(file, new byte[] {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'});
  }

  private static boolean startsWith(Path file, byte[] magic) throws IOException {
    try (var in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(magic.length);
      return java.util.Arrays.equals(head, magic);
    }
  }
}
