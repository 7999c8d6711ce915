package banban.gateway.db;

import banban.gateway.config.DbUrl;
import banban.gateway.config.GatewayConfig;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's PostgreSQL: an external server when {@code BANBAN_DB_URL} is set, otherwise an
 * embedded one whose files live under the data directory and survive restarts. Every method here
 * blocks: call them from a worker thread or from {@code main}, never from an event loop.
 */
public final class Database implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Database.class);

  private final DbUrl url;
  private final EmbeddedPostgres embedded;

  private Database(DbUrl url, EmbeddedPostgres embedded) {
    this.url = url;
    this.embedded = embedded;
  }

  /** Starts the embedded server if no external one is configured. */
  public static Database open(GatewayConfig config) throws IOException {
    if (config.dbUrl().isPresent()) {
      log.info("Using external PostgreSQL {}", config.dbUrl().get());
      return new Database(config.dbUrl().get(), null);
    }
    if ("root".equals(System.getProperty("user.name"))) {
      throw new IllegalStateException("The embedded PostgreSQL cannot run as root: start banban with ./banban"
          + " (it runs the gateway as the unprivileged user 'banban') or set " + GatewayConfig.DB_URL);
    }
    Path dir = config.dataDir().resolve("postgres").toAbsolutePath().normalize();
    Files.createDirectories(dir);
    // The data directory is kept (not cleaned) so that a restart finds every conversation and FAQ.
    EmbeddedPostgres pg = EmbeddedPostgres.builder()
        .setDataDirectory(dir)
        .setCleanDataDirectory(false)
        .setRegisterShutdownHook(false)
        .setPGStartupWait(Duration.ofSeconds(60))
        .setServerConfig("max_connections", "100")
        .start();
    log.info("Embedded PostgreSQL on port {} with data in {}", pg.getPort(), dir);
    return new Database(new DbUrl("localhost", pg.getPort(), "postgres", "postgres", ""), pg);
  }

  /** Applies the versioned SQL files of every module ({@code classpath:db/migration}). */
  public int migrate() {
    var result = Flyway.configure()
        .dataSource(url.jdbcUrl(), url.user(), url.password())
        .locations("classpath:db/migration")
        .load()
        .migrate();
    return result.migrationsExecuted;
  }

  public PgConnectOptions connectOptions() {
    return new PgConnectOptions()
        .setHost(url.host()).setPort(url.port()).setDatabase(url.database())
        .setUser(url.user()).setPassword(url.password())
        .setReconnectAttempts(2).setReconnectInterval(500);
  }

  public Pool pool(Vertx vertx, int size) {
    return PgBuilder.pool()
        .with(new PoolOptions().setMaxSize(size).setName("banban-pg"))
        .connectingTo(connectOptions())
        .using(vertx)
        .build();
  }

  public boolean embedded() {
    return embedded != null;
  }

  @Override
  public void close() throws IOException {
    if (embedded != null) {
      embedded.close();
      log.info("Embedded PostgreSQL stopped");
    }
  }
}
