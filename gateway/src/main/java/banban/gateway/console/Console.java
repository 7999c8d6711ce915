package banban.gateway.console;

import banban.gateway.conversation.ConversationStore;
import banban.gateway.conversation.Texts;
import banban.gateway.http.HttpVerticle;
import banban.gateway.kb.KnowledgeService;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;

/**
 * The operator console, wired: accounts and sessions, the handoff queue, operator actions, the live
 * socket and the sweeper. {@link #routes()} mounts the APIs; {@link #auth()} guards colleagues' console
 * routes (work orders) the same way.
 */
public final class Console {
  private final Vertx vertx;
  private final WorkerExecutor hashing;
  private final ConsoleAuth auth;
  private final Accounts accounts;
  private final AuthRoutes authRoutes;
  private final ConsoleRoutes consoleRoutes;
  private final ConsoleSocket socket;
  private final HandoffQueue queue;
  private final Sweeper sweeper;
  private MessageConsumer<JsonObject> announcer;

  private Console(Vertx vertx, Pool pool, ConsoleSettings settings, KnowledgeService knowledge, WorkerExecutor kbWorker) {
    this.vertx = vertx;
    // Its own small pool: a burst of logins must not queue behind knowledge-base searches, nor the reverse.
    this.hashing = vertx.createSharedWorkerExecutor("banban-auth", 2);
    Texts texts = Texts.load();
    ConversationStore store = new ConversationStore(pool);
    ConsoleEvents events = new ConsoleEvents(vertx);
    Sessions sessions = new Sessions(pool, settings.sessionIdle());
    this.auth = new ConsoleAuth(sessions);
    this.accounts = new Accounts(pool, new Passwords(settings.bcryptCost(), hashing), settings.defaultCapacity());
    this.authRoutes = new AuthRoutes(accounts, sessions, new CannedReplies(pool), settings.loginAttemptsPerMinute());
    this.queue = new HandoffQueue(pool, store, events, settings, texts);
    OperatorActions actions = new OperatorActions(pool, store, events, texts, knowledge, kbWorker);
    Presence presence = new Presence(pool);
    this.consoleRoutes = new ConsoleRoutes(accounts, queue, actions);
    this.socket = new ConsoleSocket(vertx, queue, actions, presence, auth);
    this.sweeper = new Sweeper(vertx, pool, settings, presence, queue, actions, sessions);
  }

  /** Creates the first administrator if needed and starts the sweeper. */
  public static Future<Console> start(Vertx vertx, Pool pool, ConsoleSettings settings, KnowledgeService knowledge,
      WorkerExecutor kbWorker) {
    Console c = new Console(vertx, pool, settings, knowledge, kbWorker);
    return c.accounts.ensureFirstAdmin(settings.adminPassword()).map(v -> {
      // Every queue change re-announces places and waits to the queued citizens.
      c.announcer = vertx.eventBus().consumer(ConsoleEvents.QUEUE, m -> c.queue.announce());
      c.sweeper.start();
      return c;
    });
  }

  public ConsoleAuth auth() {
    return auth;
  }

  public HttpVerticle.Routes routes() {
    return this::mount;
  }

  private void mount(Router router) {
    // Vert.x matches "/console" also for "/console/", which the static handler must serve.
    router.get("/console").handler(ctx -> {
      if (ctx.request().path().equals("/console")) ctx.redirect("/console/");
      else ctx.next();
    });
    authRoutes.mountLogin(router);
    router.get("/api/v1/console/stream").handler(socket::open);
    router.route("/api/v1/console/*").handler(auth);
    authRoutes.mount(router);
    consoleRoutes.mount(router);
  }

  /** Runs the sweeper once now; tests use it instead of waiting for the timer. */
  public Future<Void> sweep() {
    return sweeper.sweep();
  }

  public Future<Void> stop() {
    sweeper.stop();
    if (announcer != null) announcer.unregister();
    return hashing.close();
  }
}
