package io.keras4j.io.h5;

import io.jhdf.HdfFile;
import io.jhdf.api.Group;
import io.jhdf.api.Link;
import io.jhdf.api.Node;
import io.keras4j.io.ModelFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Supplier;

/**
 * Checks an HDF5 file before Keras4J reads from it: a model file is untrusted input. Keras never
 * writes links or external storage, and following them would read other files of the machine, so
 * any link (soft or external) and any dataset whose data lives in an external file is refused. The
 * walk does not follow links and visits at most {@value #MAX_NODES} objects.
 */
public final class H5Safety {

  static final int MAX_NODES = 1_000_000;

  private H5Safety() {}

  /**
   * Opens an HDF5 file with {@code opener} and {@linkplain #check checks} it; the file is closed
   * again if the check refuses it.
   *
   * @param source the file named in error messages
   * @throws ModelFileException if jHDF cannot parse the file, or the check refuses it
   */
  public static HdfFile open(Supplier<HdfFile> opener, Path source) {
    HdfFile h5;
    try {
      h5 = opener.get();
    } catch (RuntimeException e) {
      throw new ModelFileException(source, "is not a readable HDF5 file: " + e.getMessage(), e);
    }
    try {
      check(h5, source);
      return h5;
    } catch (RuntimeException e) {
      h5.close();
      throw e;
    }
  }

  public static void check(HdfFile file, Path source) {
    Deque<Group> pending = new ArrayDeque<>();
    pending.push(file);
    int visited = 0;
    while (!pending.isEmpty()) {
      Group g = pending.pop();
      Iterable<Node> children;
      try {
        children = g.getChildren().values();
      } catch (RuntimeException e) {
        throw refusal(source, g.getPath(), e);
      }
      for (Node n : children) {
        if (++visited > MAX_NODES) {
          throw new ModelFileException(source, "holds more than " + MAX_NODES + " HDF5 objects");
        }
        if (n instanceof Link) {
          // Checked before any other call: a link's other methods resolve its target.
          throw new ModelFileException(
              source,
              "holds an HDF5 link at "
                  + g.getPath()
                  + nameOf(n)
                  + "; Keras never writes links, and following one could read another file");
        }
        if (n instanceof Group child) {
          pending.push(child);
        }
      }
    }
  }

  private static String nameOf(Node link) {
    // getName() reads the link's own name without resolving it.
    return link.getName();
  }

  private static ModelFileException refusal(Path source, String path, RuntimeException e) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      String m = String.valueOf(c.getMessage());
      if (m.contains("External Data Files")) {
        return new ModelFileException(
            source,
            "holds a dataset under "
                + path
                + " whose data lives in an external file; Keras never writes those, and reading"
                + " one could read another file",
            e);
      }
    }
    return new ModelFileException(
        source, "cannot read HDF5 group " + path + ": " + e.getMessage(), e);
  }
}
