package banban.gateway.config;

import io.vertx.config.ConfigRetriever;
import io.vertx.config.ConfigRetrieverOptions;
import io.vertx.config.ConfigStoreOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Layers the configuration: built-in defaults, then an optional YAML file, then the environment. */
public final class ConfigLoader {
  private ConfigLoader() {}

  public static Future<GatewayConfig> load(Vertx vertx, Optional<Path> file) {
    ConfigRetrieverOptions options = new ConfigRetrieverOptions().setScanPeriod(-1)
        .addStore(new ConfigStoreOptions().setType("json").setConfig(GatewayConfig.defaults()));
    if (file.isPresent()) {
      if (!Files.isRegularFile(file.get())) {
        return Future.failedFuture(new ConfigException("Configuration file " + file.get() + " does not exist"));
      }
      options.addStore(new ConfigStoreOptions().setType("file").setFormat("yaml")
          .setConfig(new JsonObject().put("path", file.get().toAbsolutePath().toString())));
    }
    // raw-data keeps values as strings, so that GatewayConfig reports a bad number with its key.
    options.addStore(new ConfigStoreOptions().setType("env").setConfig(new JsonObject()
        .put("raw-data", true)
        .put("keys", new JsonArray(GatewayConfig.KEYS.keySet().stream().toList()))));
    ConfigRetriever retriever = ConfigRetriever.create(vertx, options);
    return retriever.getConfig()
        .recover(e -> Future.failedFuture(new ConfigException("Cannot read configuration: " + e.getMessage())))
        .map(GatewayConfig::fromJson)
        .onComplete(r -> retriever.close());
  }
}
