package banban.gateway.workorder;

import banban.gateway.conversation.ConversationStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import banban.gateway.conversation.ConversationState;
import java.util.List;

/**
 * Tells the citizen about their order on their channel: a system message stored in the conversation
 * (the web widget shows it live, or on the next visit) and, for WeChat, the same message on
 * {@code banban.outbound} for the WeChat connector to send through the customer-service API.
 */
public final class WorkOrderNotifier {
  public static final String OUTBOUND_ADDRESS = "banban.outbound";

  private final Vertx vertx;
  private final ConversationStore conversations;

  public WorkOrderNotifier(Vertx vertx, ConversationStore conversations) {
    this.vertx = vertx;
    this.conversations = conversations;
  }

  /** Stores the message in the transaction; publishing waits for the caller's commit via {@link #publish}. */
  public Future<JsonObject> store(SqlClient c, WorkOrder order, String text) {
    if (order.conversationId() == null) return Future.succeededFuture(null);
    JsonObject payload = new JsonObject().put("action", "work_order").put("reference", order.reference())
        .put("status", order.status().wireName());
    return conversations.insertMessage(c, order.conversationId(), "system", text, payload);
  }

  /** Publishes a stored message after its transaction committed. */
  public void publish(WorkOrder order, JsonObject message) {
    if (message == null || order.conversationId() == null) return;
    vertx.eventBus().publish("banban.conversation." + order.conversationId(),
        new JsonObject().put("type", "message").put("message", message));
    if ("wechat".equals(order.channel())) {
      vertx.eventBus().publish(OUTBOUND_ADDRESS, new JsonObject().put("conversationId", order.conversationId())
          .put("channel", order.channel()).put("citizenRef", order.citizenRef()).put("message", message));
    }
  }

  /**
   * Moves a conversation the bot or the queue holds to {@code ticketed}; one an operator holds stays
   * with the operator, who closes it when done.
   */
  public Future<Void> markTicketed(SqlClient c, String conversationId) {
    if (conversationId == null) return Future.succeededFuture();
    return conversations.load(c, conversationId, true).compose(conv -> {
      if (conv.state() != ConversationState.BOT && conv.state() != ConversationState.QUEUED) return Future.succeededFuture();
      return conversations.update(c, conversationId, ConversationState.TICKETED, 0, List.of());
    });
  }
}
