package banban.gateway.console;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/**
 * The console's event-bus addresses and what it publishes on them. Pushes go over the bus, so a
 * clustered bus carries them to whichever instance holds the citizen's or the operator's socket.
 */
public final class ConsoleEvents {
  /** A tick: the queue or some operator's free capacity changed; consoles refresh their view. */
  public static final String QUEUE = "banban.console.queue";
  /** Every operator and system message the console adds, for channels that push (WeChat). */
  public static final String OUTBOUND = "banban.outbound";
  /** {@code {conversationId, problem}} from a channel that could not deliver an operator's reply. */
  public static final String DELIVERY_FAILED = "banban.console.delivery-failed";

  private final Vertx vertx;

  public ConsoleEvents(Vertx vertx) {
    this.vertx = vertx;
  }

  /** Reminders and notices for one operator's consoles. */
  static String operator(String ref) {
    return "banban.console.operator." + ref;
  }

  static String conversation(String id) {
    return "banban.conversation." + id;
  }

  void message(String conversationId, String channel, String citizenRef, JsonObject message) {
    vertx.eventBus().publish(conversation(conversationId), new JsonObject().put("type", "message").put("message", message));
    vertx.eventBus().publish(OUTBOUND, new JsonObject().put("conversationId", conversationId).put("channel", channel)
        .put("citizenRef", citizenRef).put("message", message));
  }

  void state(String conversationId, String state) {
    vertx.eventBus().publish(conversation(conversationId), new JsonObject().put("type", "state").put("state", state)
        .putNull("queuePosition"));
  }

  void queued(String conversationId, int position, long etaSeconds) {
    vertx.eventBus().publish(conversation(conversationId), new JsonObject().put("type", "state").put("state", "queued")
        .put("queuePosition", position).put("estimatedWaitSeconds", etaSeconds));
  }

  void typing(String conversationId) {
    vertx.eventBus().publish(conversation(conversationId), new JsonObject().put("type", "typing").put("sender", "operator"));
  }

  void toOperator(String ref, JsonObject event) {
    vertx.eventBus().publish(operator(ref), event);
  }

  void queueChanged() {
    vertx.eventBus().publish(QUEUE, new JsonObject());
  }
}
