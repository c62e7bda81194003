package io.keras4j.models;

import java.util.Objects;
import org.tensorflow.DeviceSpec;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.ConfigProto;

/**
 * Where a model's graph runs: TensorFlow's CPU, or one of its GPUs with the GPU build of the
 * natives ({@code -Pgpu}: TensorFlow 2.18 for CUDA 12.5 and cuDNN 9). Ops without a kernel on the
 * chosen device run on the CPU, as TensorFlow's soft placement does.
 *
 * <pre>{@code
 * Device device = Device.gpuAvailable() ? Device.gpu(0) : Device.cpu();
 * model.placeOn(device); // a model built in Java, before it first runs
 * Model loaded = ModelReader.create().withDevice(device).read(file); // a model from a file
 * }</pre>
 */
public record Device(DeviceSpec.DeviceType type, int index) {

  public Device {
    Objects.requireNonNull(type, "type");
    if (index < 0)
      throw new IllegalArgumentException("Device index must not be negative: " + index);
  }

  public static Device cpu() {
    return new Device(DeviceSpec.DeviceType.CPU, 0);
  }

  public static Device gpu(int index) {
    return new Device(DeviceSpec.DeviceType.GPU, index);
  }

  DeviceSpec spec() {
    return DeviceSpec.newBuilder().deviceType(type).deviceIndex(index).build();
  }

  /**
   * Whether TensorFlow can run ops on GPU {@code 0}: the natives are the GPU build and a CUDA
   * device is visible. Checked by running one op pinned to the GPU, without soft placement.
   */
  public static boolean gpuAvailable() {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g).withDevice(gpu(0).spec());
      var c = tf.constant(1f);
      ConfigProto strict = ConfigProto.newBuilder().setAllowSoftPlacement(false).build();
      try (Session s = new Session(g, strict)) {
        s.runner().fetch(c).run().close();
        return true;
      }
    } catch (RuntimeException e) {
      return false;
    }
  }

  @Override
  public String toString() {
    return "/" + type + ":" + index;
  }
}
