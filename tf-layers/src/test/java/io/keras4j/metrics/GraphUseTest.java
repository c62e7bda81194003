package io.keras4j.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Metrics as training uses them: ops built once in a graph, run batch after batch in a session,
 * reset between epochs (the reset also initializes them); two metrics of the same name in one graph
 * keep separate state.
 */
class GraphUseTest {

  @Test
  void update_result_and_reset_run_as_graph_ops() {
    Metric first = new BinaryAccuracy("accuracy", null, null);
    Metric second = new BinaryAccuracy("accuracy", null, null);
    try (Graph g = new Graph();
        Session session = new Session(g)) {
      Ops tf = Ops.create(g);
      Operand<TFloat32> y = tf.constant(new float[][] {{1}, {0}, {1}, {0}});
      Operand<TFloat32> good = tf.constant(new float[][] {{0.9f}, {0.1f}, {0.8f}, {0.3f}});
      Operand<TFloat32> bad = tf.constant(new float[][] {{0.1f}, {0.9f}, {0.8f}, {0.3f}});
      Op updateFirst = first.updateState(tf, y, good, null);
      Op updateSecond = second.updateState(tf, y, bad, null);
      Op reset =
          tf.withControlDependencies(List.of(first.resetState(tf), second.resetState(tf))).noOp();
      Operand<TFloat32> r1 = first.result(tf);
      Operand<TFloat32> r2 = second.result(tf);
      for (int epoch = 0; epoch < 2; epoch++) {
        session.runner().addTarget(reset).run().close();
        for (int batch = 0; batch < 3; batch++) {
          session.runner().addTarget(updateFirst).addTarget(updateSecond).run().close();
        }
        try (Result r = session.runner().fetch(r1).fetch(r2).run()) {
          assertEquals(1.0f, ((TFloat32) r.get(0)).getFloat(), "epoch " + epoch);
          assertEquals(0.5f, ((TFloat32) r.get(1)).getFloat(), "epoch " + epoch);
        }
      }
    }
  }
}
