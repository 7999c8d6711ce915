package banban.gateway.http;

import banban.gateway.config.GatewayConfig;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.CorsHandler;
import io.vertx.ext.web.handler.StaticHandler;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The HTTP front of the gateway. Feature areas add their routes through {@link Routes}; this verticle
 * adds what every route shares (access log, body limit, the error envelope) and owns the server's
 * graceful shutdown.
 */
public final class HttpVerticle extends VerticleBase {
  /** A feature's routes, mounted on the shared router. */
  public interface Routes extends Consumer<Router> {}

  private final GatewayConfig config;
  private final Health health;
  private final List<Routes> features;
  private HttpServer server;

  public HttpVerticle(GatewayConfig config, Health health, List<Routes> features) {
    this.config = config;
    this.health = health;
    this.features = features;
  }

  @Override
  public Future<?> start() {
    Router router = Router.router(vertx);
    router.route().handler(new AccessLog());
    router.get("/health/live").handler(health::live);
    router.get("/health/ready").handler(health::ready);
    router.route().handler(ctx -> {
      ctx.response().putHeader("X-Content-Type-Options", "nosniff");
      ctx.next();
    });
    // The help box is embedded on the district's own site, another origin; tokens travel as bearer
    // headers, never cookies, so allowing any origin exposes nothing.
    router.route("/api/v1/*").handler(CorsHandler.create()
        .allowedMethods(java.util.Set.of(HttpMethod.GET, HttpMethod.POST))
        .allowedHeaders(java.util.Set.of("Content-Type", "Authorization"))
        .exposedHeaders(java.util.Set.of("Retry-After")));
    router.post("/api/*").handler(BodyHandler.create(false).setBodyLimit(config.maxBodyBytes()));
    features.forEach(f -> f.accept(router));
    router.route("/*").method(HttpMethod.GET).method(HttpMethod.HEAD)
        .handler(StaticHandler.create("webroot").setCachingEnabled(false));

    router.route().failureHandler(Failures::handle);
    for (int status : new int[] {400, 404, 405, 413, 415, 500}) {
      router.errorHandler(status, Failures::handle);
    }
    return vertx.createHttpServer(new HttpServerOptions().setCompressionSupported(true))
        .requestHandler(router)
        .listen(config.httpPort(), config.httpHost())
        .onSuccess(s -> server = s);
  }

  @Override
  public Future<?> stop() {
    // Stop accepting, let requests in flight finish, then close what is left.
    return server == null ? Future.succeededFuture() : server.shutdown(10, TimeUnit.SECONDS);
  }

  public int actualPort() {
    return server.actualPort();
  }
}
