package banban.gateway.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request with status and latency. The query string is left out on purpose: it can
 * carry conversation tokens.
 */
public final class AccessLog implements Handler<RoutingContext> {
  private static final Logger log = LoggerFactory.getLogger("banban.access");

  @Override
  public void handle(RoutingContext ctx) {
    long start = System.nanoTime();
    ctx.addBodyEndHandler(v -> log.info("{} {} {} {}ms",
        ctx.request().method(), ctx.request().path(), ctx.response().getStatusCode(),
        String.format("%.1f", (System.nanoTime() - start) / 1e6)));
    ctx.next();
  }
}
