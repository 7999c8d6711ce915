package banban.gateway.http;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Liveness (the process answers) and readiness (every named check passes). Each check reports its
 * own status so an operator sees which part is missing.
 */
public final class Health {
  private final Map<String, Supplier<Future<?>>> checks = new LinkedHashMap<>();

  public Health register(String name, Supplier<Future<?>> check) {
    checks.put(name, check);
    return this;
  }

  public void live(RoutingContext ctx) {
    ctx.json(new JsonObject().put("status", "UP"));
  }

  public void ready(RoutingContext ctx) {
    JsonObject results = new JsonObject();
    var futures = checks.entrySet().stream().map(e -> {
      Future<?> f;
      try {
        f = e.getValue().get();
      } catch (RuntimeException ex) {
        f = Future.failedFuture(ex);
      }
      return f.timeout(2, java.util.concurrent.TimeUnit.SECONDS)
          .andThen(r -> results.put(e.getKey(), r.succeeded()
              ? new JsonObject().put("status", "UP")
              : new JsonObject().put("status", "DOWN").put("reason", String.valueOf(r.cause().getMessage()))));
    }).toList();
    Future.join(futures).onComplete(r -> {
      boolean up = r.succeeded();
      ctx.response().setStatusCode(up ? 200 : 503);
      ctx.json(new JsonObject().put("status", up ? "UP" : "DOWN").put("checks", results));
    });
  }
}
