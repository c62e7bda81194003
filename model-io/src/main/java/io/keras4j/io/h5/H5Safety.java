package io.keras4j.io.h5;

import io.jhdf.HdfFile;
import io.jhdf.api.Group;
import io.jhdf.api.Link;
import io.jhdf.api.Node;
import io.keras4j.io.ModelFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Checks an HDF5 file before Keras4J reads from it: a model file is untrusted input. Keras never
 * writes links or external storage, and following them would read other files of the machine, so
 * any link (soft or external) and any dataset whose data lives in an external file is refused.
 * The walk does not follow links and visits at most {@value #MAX_NODES} objects.
 */
public final class H5Safety {

  static final int MAX_NODES = 1_000_000;

  private H5Safety() {}

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
    return new ModelFileException(source, "cannot read HDF5 group " + path + ": " + e.getMessage(), e);
  }
}
