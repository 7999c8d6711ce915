package banban.gateway;

import banban.gateway.config.GatewayConfig;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Starts real gateways for tests: embedded PostgreSQL in a temporary directory, any free port. */
public final class TestGateways {
  private TestGateways() {}

  public static GatewayConfig config(Path dataDir) {
    return GatewayConfig.fromJson(GatewayConfig.defaults()
        .put(GatewayConfig.HTTP_PORT, "0")
        .put(GatewayConfig.HTTP_HOST, "127.0.0.1")
        .put(GatewayConfig.DATA_DIR, dataDir.toString()));
  }

  public static Gateway start(Vertx vertx, Path dataDir) throws Exception {
    return Gateway.start(vertx, config(dataDir)).await(120, TimeUnit.SECONDS);
  }

  /** Stops a test's gateway and then its Vert.x instance, waiting for both. */
  public static void stop(Vertx vertx, Gateway gateway) throws Exception {
    if (gateway != null) gateway.stop().await(60, TimeUnit.SECONDS);
    vertx.close().await(30, TimeUnit.SECONDS);
  }
}
