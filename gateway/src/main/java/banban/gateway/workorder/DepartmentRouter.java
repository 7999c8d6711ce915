package banban.gateway.workorder;

import banban.gateway.workorder.routing.NaiveBayes;
import banban.gateway.workorder.routing.RoutingData;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Suggests an order's category and district department from its text. The model is trained at start-up
 * from BANBAN_ROUTING_DATA (the labelled messages may not ship with banban); without it routing is off
 * and orders go out without a suggestion. Training and prediction run on the given worker pool.
 */
public final class DepartmentRouter {
  private static final Logger log = LoggerFactory.getLogger(DepartmentRouter.class);

  /** A suggestion: the category, its district department (null when unmapped) and the model's confidence. */
  public record Route(String category, String department, double confidence) {
    public JsonObject toJson() {
      return new JsonObject().put("category", category).put("department", department).put("confidence", Math.round(confidence * 1000) / 1000.0);
    }
  }

  private final NaiveBayes model;
  private final Map<String, String> departments;
  private final WorkerExecutor worker;

  private DepartmentRouter(NaiveBayes model, Map<String, String> departments, WorkerExecutor worker) {
    this.model = model;
    this.departments = departments;
    this.worker = worker;
  }

  public static DepartmentRouter off() {
    return new DepartmentRouter(null, Map.of(), null);
  }

  /** Trains on the worker; a missing or broken file fails start-up, as any bad configuration does. */
  public static Future<DepartmentRouter> train(Optional<Path> data, Map<String, String> departments, WorkerExecutor worker) {
    if (data.isEmpty()) {
      log.info("Department routing off: no BANBAN_ROUTING_DATA");
      return Future.succeededFuture(off());
    }
    return worker.executeBlocking(() -> {
      long t = System.nanoTime();
      var examples = RoutingData.read(data.get());
      NaiveBayes m = NaiveBayes.train(examples);
      log.info("Department routing trained on {} messages in {} ms; categories {}", examples.size(),
          (System.nanoTime() - t) / 1_000_000, m.labels());
      m.labels().stream().filter(l -> !departments.containsKey(l))
          .forEach(l -> log.warn("Routing category {} has no department in BANBAN_DEPARTMENTS", l));
      return new DepartmentRouter(m, departments, worker);
    }, false);
  }

  public boolean enabled() {
    return model != null;
  }

  public Future<Optional<Route>> route(String text) {
    if (model == null || text == null || text.isBlank()) return Future.succeededFuture(Optional.empty());
    return worker.executeBlocking(() -> {
      NaiveBayes.Prediction p = model.predict(text);
      return Optional.of(new Route(p.label(), departments.get(p.label()), p.probability()));
    }, false);
  }
}
