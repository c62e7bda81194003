package io.keras4j.io.h5.hdf5;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Copies files Keras wrote through {@link Hdf5Writer} and checks that jHDF sees the copy as the
 * original: the same groups in the same order, datasets, types, shapes, values and attributes.
 *
 * <p>Both files come from {@code ../shared/keras-fixtures}, written by Keras 3.16.0 (torch backend)
 * through h5py 3: {@code keras-batchnorm-model.h5} is {@code batchnorm_conv_axis/model.h5}, a
 * legacy full-model file (with {@code model_config}, {@code layer_names}, and empty float64 {@code
 * weight_names}); {@code keras-trained-model.weights.h5} is the {@code model.weights.h5} of {@code
 * train_loss_categorical_hinge/trained.keras}, with optimizer variables (an int32 and a float32
 * scalar).
 *
 * <p>One difference is expected and ignored: Keras writes some strings from Python {@code bytes},
 * which h5py stores as variable-length strings with the ASCII character set, and this writer writes
 * every string as h5py writes a {@code str}, with the UTF-8 character set. h5py returns a {@code
 * str} for both.
 */
class Hdf5KerasFilesTest {

  @ParameterizedTest
  @ValueSource(strings = {"keras-batchnorm-model.h5", "keras-trained-model.weights.h5"})
  void aCopyOfAKerasFileLooksTheSame(String name, @TempDir Path dir) throws Exception {
    Path original = Path.of(getClass().getResource(name).toURI());
    Path copy = dir.resolve(name);

    Hdf5Writer.write(copy, JhdfCopy.of(original));

    assertEquals(JhdfView.of(original).replace("US-ASCII", "UTF-8"), JhdfView.of(copy));
  }
}
