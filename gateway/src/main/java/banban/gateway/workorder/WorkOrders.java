package banban.gateway.workorder;

import banban.connectors.hotline.HttpHotlineAdapter;
import banban.gateway.conversation.ConversationStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The 12345 connector as the gateway wires it: routing model, stores, service, filing dialogue,
 * outbox dispatcher (only when a platform URL is configured) and the methods other features call.
 */
public final class WorkOrders {
  private static final Logger log = LoggerFactory.getLogger(WorkOrders.class);

  private final Vertx vertx;
  private final WorkOrderService service;
  private final WorkOrderDialogue dialogue;
  private final DepartmentRouter router;
  private final HotlineSettings settings;
  private final OutboxDispatcher dispatcher;

  private WorkOrders(Vertx vertx, WorkOrderService service, WorkOrderDialogue dialogue, DepartmentRouter router,
      HotlineSettings settings, OutboxDispatcher dispatcher) {
    this.vertx = vertx;
    this.service = service;
    this.dialogue = dialogue;
    this.router = router;
    this.settings = settings;
    this.dispatcher = dispatcher;
  }

  public static Future<WorkOrders> start(Vertx vertx, Pool pool, HotlineSettings settings, ConversationStore conversations,
      WorkerExecutor worker) {
    if (settings.piiKey().isEmpty()) {
      log.warn("BANBAN_PII_KEY is not set: phone numbers are encrypted with a development key; set it before going live");
    }
    return DepartmentRouter.train(settings.routingData(), settings.departments(), worker).map(router -> {
      WorkOrderTexts texts = WorkOrderTexts.load();
      WorkOrderService service = new WorkOrderService(new WorkOrderStore(pool, new Phones(settings.piiKey())),
          new OutboxStore(pool), new WorkOrderNotifier(vertx, conversations), texts);
      WorkOrderDialogue dialogue = new WorkOrderDialogue(service, conversations, texts, router);
      OutboxDispatcher dispatcher = null;
      if (settings.url().isPresent()) {
        dispatcher = new OutboxDispatcher(vertx, service,
            new HttpHotlineAdapter(vertx, settings.url().get(), settings.secret(), settings.timeoutMs()), settings);
        dispatcher.start();
        log.info("12345 delivery to {} started", settings.url().get());
      } else {
        log.warn("BANBAN_HOTLINE_URL is not set: work orders are kept in the outbox until a platform is configured");
      }
      return new WorkOrders(vertx, service, dialogue, router, settings, dispatcher);
    });
  }

  public WorkOrderService service() {
    return service;
  }

  public WorkOrderDialogue dialogue() {
    return dialogue;
  }

  public DepartmentRouter router() {
    return router;
  }

  HotlineSettings settings() {
    return settings;
  }

  /**
   * (c) Nobody can serve a queued citizen: offer them to file a 12345 work order instead. The console
   * calls this; the offer and the citizen's answer go through the filing dialogue.
   */
  public Future<JsonArray> offerWhenNoOperator(String conversationId) {
    return dialogue.offerWhenNoOperator(conversationId).onSuccess(publish(conversationId));
  }

  /** The citizen chose a work order from the console's "leave a message" offer: draft it now. */
  public Future<JsonArray> draftFromConversation(String conversationId) {
    return dialogue.draftFromConversation(conversationId).onSuccess(publish(conversationId));
  }

  private io.vertx.core.Handler<JsonArray> publish(String conversationId) {
    return list -> list.forEach(m -> vertx.eventBus().publish("banban.conversation." + conversationId,
        new JsonObject().put("type", "message").put("message", m)));
  }

  /** The routes of the callback, the console's work-order API and the administrators' dead letters. */
  public HotlineRoutes routes() {
    return new HotlineRoutes(this);
  }

  public Future<Void> stop() {
    return dispatcher == null ? Future.succeededFuture() : dispatcher.stop();
  }
}
