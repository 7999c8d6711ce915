package banban.gateway;

import banban.gateway.config.GatewayConfig;
import banban.gateway.console.Console;
import banban.gateway.db.Database;
import banban.connectors.web.WebChannel;
import banban.gateway.conversation.ConversationService;
import banban.gateway.conversation.ConversationStore;
import banban.gateway.http.Health;
import banban.gateway.http.HttpVerticle;
import banban.gateway.kb.AskRoutes;
import banban.gateway.kb.KnowledgeService;
import banban.gateway.kb.Seeds;
import banban.gateway.wechat.WechatChannel;
import banban.gateway.workorder.WorkOrders;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the gateway's parts in order, one logged stage each, and stops them in reverse. Blocking
 * stages (embedded PostgreSQL, migrations, index build) run on worker threads, never on an event loop.
 */
public final class Gateway {
  private static final Logger log = LoggerFactory.getLogger(Gateway.class);

  private final Vertx vertx;
  private final GatewayConfig config;
  private final Health health = new Health();
  private final List<HttpVerticle.Routes> routes = new ArrayList<>();
  private Database database;
  private Pool pool;
  private WorkerExecutor worker;
  private KnowledgeService knowledge;
  private ConversationService conversations;
  private WechatChannel wechat;
  private Console console;
  private WorkOrders workOrders;
  private HttpVerticle http;
  private String httpDeployment;

  private Gateway(Vertx vertx, GatewayConfig config) {
    this.vertx = vertx;
    this.config = config;
  }

  public static Future<Gateway> start(Vertx vertx, GatewayConfig config) {
    Gateway g = new Gateway(vertx, config);
    long t0 = System.nanoTime();
    return g.stage("database", () -> {
          g.database = Database.open(config);
          return null;
        })
        .compose(v -> g.stage("migrations", () -> g.database.migrate()))
        .compose(v -> {
          g.pool = g.database.pool(vertx, config.dbPoolSize());
          g.health.register("database", () -> g.pool.query("SELECT 1").execute());
          return g.pool.query("INSERT INTO gateway_instance_start(version) VALUES ('" + Main.VERSION + "')").execute();
        })
        .compose(v -> g.startKnowledge())
        .map(v -> g.startConversations())
        .map(v -> g.startWechat())
        .compose(v -> g.startConsole())
        .compose(v -> g.startWorkOrders())
        .compose(v -> g.deployHttp())
        .map(v -> {
          log.info("banban ready in {} ms: open http://localhost:{}/", (System.nanoTime() - t0) / 1_000_000, g.port());
          return g;
        })
        .recover(e -> g.stop().transform(x -> Future.failedFuture(e)));
  }

  private Future<Void> startKnowledge() {
    // One named pool for CPU-bound work (Lucene, HanLP), sized for the machine, apart from the
    // default worker pool that migrations and other blocking start-up steps use.
    worker = vertx.createSharedWorkerExecutor("banban-kb", config.workerPoolSize());
    return KnowledgeService.start(vertx, pool, database.connectOptions(), new Seeds(config.seedsDir()), config.decision(), worker).map(k -> {
      knowledge = k;
      health.register("knowledgeBase", k::readiness);
      routes.add(new AskRoutes(k));
      return null;
    });
  }

  private Void startConversations() {
    conversations = new ConversationService(vertx, new ConversationStore(pool), knowledge);
    WebChannel web = new WebChannel(vertx, conversations, config.conversationsPerMinute(), config.messagesPerMinute());
    routes.add(web::mount);
    return null;
  }

  /** After the console: the work-order routes under /api/v1/console/ mount behind its session guard. */
  private Future<Void> startWorkOrders() {
    return WorkOrders.start(vertx, pool, config.hotline(), new ConversationStore(pool), worker).map(w -> {
      workOrders = w;
      conversations.workOrders(w.dialogue());
      routes.add(w.routes());
      return null;
    });
  }

  public WorkOrders workOrders() {
    return workOrders;
  }

  private Future<Void> startConsole() {
    return Console.start(vertx, pool, config.console(), knowledge, worker).map(c -> {
      console = c;
      routes.add(c.routes());
      return null;
    });
  }

  private Void startWechat() {
    if (config.wechat().enabled()) {
      wechat = WechatChannel.start(vertx, config.wechat(), pool, conversations, knowledge, config.maxBodyBytes());
      routes.add(wechat::mount);
    }
    return null;
  }

  private Future<Void> deployHttp() {
    long t = System.nanoTime();
    http = new HttpVerticle(config, health, List.copyOf(routes));
    return vertx.deployVerticle(http).map(id -> {
      httpDeployment = id;
      log.info("Stage http: listening on {}:{} in {} ms", config.httpHost(), http.actualPort(), (System.nanoTime() - t) / 1_000_000);
      return null;
    });
  }

  private <T> Future<T> stage(String name, Callable<T> work) {
    long t = System.nanoTime();
    return vertx.executeBlocking(work).onSuccess(r ->
        log.info("Stage {}: done in {} ms{}", name, (System.nanoTime() - t) / 1_000_000, r == null ? "" : " (" + r + ")"));
  }

  public int port() {
    return http.actualPort();
  }

  public Pool pool() {
    return pool;
  }

  public ConversationService conversations() {
    return conversations;
  }

  public Console console() {
    return console;
  }

  public KnowledgeService knowledge() {
    return knowledge;
  }

  /** Stops accepting requests, finishes those in flight, closes the pool, stops the embedded database. */
  public Future<Void> stop() {
    Future<Void> undeploy = httpDeployment == null ? Future.succeededFuture() : vertx.undeploy(httpDeployment);
    return undeploy
        .eventually(() -> wechat == null ? Future.succeededFuture() : wechat.close())
        .eventually(() -> console == null ? Future.succeededFuture() : console.stop())
        .eventually(() -> workOrders == null ? Future.succeededFuture() : workOrders.stop())
        .eventually(() -> knowledge == null ? Future.succeededFuture() : knowledge.stop())
        .eventually(() -> worker == null ? Future.succeededFuture() : worker.close())
        .eventually(() -> pool == null ? Future.succeededFuture() : pool.close())
        .eventually(() -> vertx.executeBlocking(() -> {
          if (database != null) database.close();
          return null;
        }))
        .onComplete(r -> log.info("banban stopped"))
        .mapEmpty();
  }
}
