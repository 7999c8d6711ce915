package banban.gateway.workorder;

import banban.gateway.conversation.Conversation;
import banban.gateway.conversation.ConversationState;
import banban.gateway.conversation.ConversationStore;
import banban.kb.Decision;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The filing dialogue inside a conversation: the bot drafts an order from the citizen's words, shows
 * the summary, asks for a callback number and consent, and files only after "确认". Its step is kept
 * in {@code work_order_draft}, so the dialogue survives restarts and any instance can continue it. The
 * conversation engine calls it inside its own transaction, with the conversation row locked.
 */
public final class WorkOrderDialogue {
  private static final Pattern YES = Pattern.compile("^(确认|确定|同意|是|是的|好|好的|可以|行|对|提交|提交工单|需要|要|嗯|ok|yes)[。.!！]*$");
  private static final Pattern CANCEL = Pattern.compile("取消|不用了|不要了|算了|不提交|放弃|不需要");
  private static final Pattern NO_PHONE = Pattern.compile("^(不留|不方便留|不想留|匿名|不留电话)");
  private static final Pattern WAIT = Pattern.compile("不用|不要|继续等|等待|等一下|等人工");
  private static final Pattern STATUS = Pattern.compile("(我的)?工单.{0,4}(进度|进展|状态|到哪|怎么样|处理得?怎么样)|查.{0,3}工单|工单查询");

  private final WorkOrderService service;
  private final ConversationStore conversations;
  private final WorkOrderTexts texts;
  private final DepartmentRouter router;

  public WorkOrderDialogue(WorkOrderService service, ConversationStore conversations, WorkOrderTexts texts,
      DepartmentRouter router) {
    this.service = service;
    this.conversations = conversations;
    this.texts = texts;
    this.router = router;
  }

  private record Draft(UUID orderId, String step) {}

  /** The turn's messages when an open draft or a status question takes it; null to let the bot answer. */
  public Future<JsonArray> continueDraft(SqlClient c, Conversation conv, String text) {
    String t = text.strip().toLowerCase(java.util.Locale.ROOT);
    return draft(c, conv.id()).compose(d -> {
      if (d.isEmpty()) return STATUS.matcher(t).find() ? status(c, conv) : Future.succeededFuture(null);
      Draft draft = d.get();
      return switch (draft.step()) {
        case "offer" -> YES.matcher(t).matches() ? startFromConversation(c, conv)
            : WAIT.matcher(t).find() ? dropDraft(c, conv.id(), null).compose(v -> say(c, conv, "offer.declined"))
            : Future.succeededFuture(null);
        case "phone" -> phoneStep(c, conv, draft, text, t);
        default -> consentStep(c, conv, draft, t);
      };
    });
  }

  /** The bot decided this is a matter for a department: draft the order and show the summary. */
  public Future<JsonArray> start(SqlClient c, Conversation conv, String text, Decision decision) {
    return router.route(text).compose(route -> {
      String who = texts.get("who.default", texts.get("channel." + ("wechat".equals(conv.channel()) ? "wechat" : "web")));
      Summary summary = SummaryExtractor.summarise(text, who);
      AppealType type = SummaryExtractor.appealType(text);
      NewOrder o = new NewOrder(conv.id(), conv.channel(), conv.citizenRef(), type, SummaryExtractor.title(text), text,
          summary, summary.where().isEmpty() ? null : summary.where(), route.map(DepartmentRouter.Route::category).orElse(null),
          route.map(DepartmentRouter.Route::department).orElse(decision == null ? null : decision.department()), null, null, "normal", null, null,
          false, "bot");
      return service.store().insert(c, o, WorkOrderStatus.DRAFT)
          .compose(order -> service.store().event(c, order.id(), "bot", null, WorkOrderStatus.DRAFT, "drafted in conversation", null)
              .compose(v -> c.preparedQuery("INSERT INTO work_order_draft (conversation_id, order_id, step) VALUES ($1, $2, 'phone')"
                      + " ON CONFLICT (conversation_id) DO UPDATE SET order_id = $2, step = 'phone', updated_at = now()")
                  .execute(Tuple.of(UUID.fromString(conv.id()), order.id())))
              .compose(v -> reply(c, conv, texts.get("draft.intro", texts.summary(type, summary)),
                  new JsonObject().put("action", "work_order_draft").put("reference", order.reference()))));
    });
  }

  /**
   * (c) No operator can take the conversation: offer the citizen to file a 12345 order instead. For the
   * console's queue; the citizen's "提交工单" then drafts the order from what they wrote so far.
   */
  public Future<JsonArray> offerWhenNoOperator(String conversationId) {
    return conversations.pool().withTransaction(c -> conversations.load(c, conversationId, true).compose(conv ->
        c.preparedQuery("INSERT INTO work_order_draft (conversation_id, step) VALUES ($1, 'offer') ON CONFLICT DO NOTHING")
            .execute(Tuple.of(UUID.fromString(conversationId)))
            .compose(v -> conversations.insertMessage(c, conversationId, "system", texts.get("offer"),
                new JsonObject().put("action", "work_order_offer")))
            .map(m -> new JsonArray().add(m))));
  }

  /**
   * Drafts an order from everything the citizen wrote in the conversation and shows the summary: for
   * the console's "leave a message" offer when the citizen picks a work order.
   */
  public Future<JsonArray> draftFromConversation(String conversationId) {
    return conversations.pool().withTransaction(c -> conversations.load(c, conversationId, true)
        .compose(conv -> startFromConversation(c, conv)));
  }

  private Future<JsonArray> startFromConversation(SqlClient c, Conversation conv) {
    return c.preparedQuery("SELECT text FROM message WHERE conversation_id = $1 AND sender = 'citizen' ORDER BY id")
        .execute(Tuple.of(UUID.fromString(conv.id()))).compose(rs -> {
          StringBuilder words = new StringBuilder();
          rs.forEach(r -> {
            String s = r.getString(0);
            if (!YES.matcher(s.strip().toLowerCase(java.util.Locale.ROOT)).matches()) words.append(words.length() == 0 ? "" : "\n").append(s);
          });
          return start(c, conv, words.length() == 0 ? "（市民未留下文字）" : words.toString(), null);
        });
  }

  private Future<JsonArray> phoneStep(SqlClient c, Conversation conv, Draft d, String raw, String t) {
    if (CANCEL.matcher(t).find()) return dropDraft(c, conv.id(), d.orderId()).compose(v -> say(c, conv, "draft.cancelled"));
    Optional<String> phone = Phones.find(raw);
    if (phone.isPresent()) {
      return service.store().updateDraft(c, d.orderId(), phone.get(), null, null).compose(v -> step(c, conv, "consent"))
          .compose(v -> say(c, conv, "draft.consent", Phones.mask(phone.get())));
    }
    if (NO_PHONE.matcher(t).find()) {
      return step(c, conv, "consent").compose(v -> say(c, conv, "draft.consent.nophone"));
    }
    // Anything else is more about the matter: nothing the citizen says is dropped from the order.
    return service.store().updateDraft(c, d.orderId(), null, null, raw.strip()).compose(v -> say(c, conv, "draft.added"));
  }

  private Future<JsonArray> consentStep(SqlClient c, Conversation conv, Draft d, String t) {
    if (CANCEL.matcher(t).find()) return dropDraft(c, conv.id(), d.orderId()).compose(v -> say(c, conv, "draft.cancelled"));
    if (!YES.matcher(t).matches()) return say(c, conv, "draft.reask");
    return service.store().updateDraft(c, d.orderId(), null, true, null)
        .compose(v -> service.store().byId(c, d.orderId(), true))
        .compose(order -> service.submit(c, order.orElseThrow(), "citizen"))
        .compose(order -> dropDraft(c, conv.id(), null)
            // The conversation is ticketed now: store the message without touching its state again.
            .compose(v -> conversations.insertMessage(c, conv.id(), "bot", texts.get("draft.filed", order.reference()),
                new JsonObject().put("action", "work_order_filed").put("reference", order.reference())))
            .map(m -> new JsonArray().add(m)));
  }

  private Future<JsonArray> status(SqlClient c, Conversation conv) {
    return service.store().forCitizen(c, conv.id(), conv.channel(), conv.citizenRef()).compose(orders -> {
      if (orders.isEmpty()) return say(c, conv, "status.none");
      StringBuilder s = new StringBuilder(texts.get("status.header"));
      JsonArray list = new JsonArray();
      for (WorkOrder o : orders) {
        s.append('\n').append(texts.get("status.line", o.reference(), o.title(), o.status().chinese(), o.updatedAt().substring(0, 10)));
        list.add(new JsonObject().put("reference", o.reference()).put("status", o.status().wireName()));
      }
      return reply(c, conv, s.toString(), new JsonObject().put("action", "work_order_status").put("orders", list));
    });
  }

  private Future<Optional<Draft>> draft(SqlClient c, String conversationId) {
    return c.preparedQuery("SELECT order_id, step FROM work_order_draft WHERE conversation_id = $1")
        .execute(Tuple.of(UUID.fromString(conversationId)))
        .map(rs -> rs.size() == 0 ? Optional.empty()
            : Optional.of(new Draft(rs.iterator().next().getUUID(0), rs.iterator().next().getString(1))));
  }

  private Future<Void> step(SqlClient c, Conversation conv, String step) {
    return c.preparedQuery("UPDATE work_order_draft SET step = $2, updated_at = now() WHERE conversation_id = $1")
        .execute(Tuple.of(UUID.fromString(conv.id()), step)).mapEmpty();
  }

  private Future<Void> dropDraft(SqlClient c, String conversationId, UUID orderId) {
    return c.preparedQuery("DELETE FROM work_order_draft WHERE conversation_id = $1").execute(Tuple.of(UUID.fromString(conversationId)))
        .compose(v -> orderId == null ? Future.succeededFuture() : service.store().delete(c, orderId));
  }

  private Future<JsonArray> say(SqlClient c, Conversation conv, String key, Object... args) {
    return reply(c, conv, texts.get(key, args), new JsonObject().put("action", "work_order_dialogue"));
  }

  private Future<JsonArray> reply(SqlClient c, Conversation conv, String text, JsonObject payload) {
    // Like any bot turn: a closed conversation reopens, and old numbered choices no longer apply.
    ConversationState state = conv.state() == ConversationState.CLOSED ? ConversationState.BOT : conv.state();
    return conversations.insertMessage(c, conv.id(), "bot", text, payload)
        .compose(m -> conversations.update(c, conv.id(), state, 0, List.of()).map(v -> new JsonArray().add(m)));
  }
}
