package banban.gateway.workorder;

import banban.connectors.http.HttpError;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work orders' lifecycle: filing (order, event and outbox row in one transaction), the platform's
 * acknowledgement, its status callbacks and three-way call requests. Every change tells the citizen.
 */
public final class WorkOrderService {
  private static final Logger log = LoggerFactory.getLogger(WorkOrderService.class);

  /** An order after a change, the message that tells the citizen (published after commit), and whether it was a replay. */
  private record Told(WorkOrder order, JsonObject message, boolean duplicate) {}

  private final WorkOrderStore store;
  private final OutboxStore outbox;
  private final WorkOrderNotifier notifier;
  private final WorkOrderTexts texts;

  public WorkOrderService(WorkOrderStore store, OutboxStore outbox, WorkOrderNotifier notifier, WorkOrderTexts texts) {
    this.store = store;
    this.outbox = outbox;
    this.notifier = notifier;
    this.texts = texts;
  }

  public WorkOrderStore store() {
    return store;
  }

  public OutboxStore outbox() {
    return outbox;
  }

  private Pool pool() {
    return store.pool();
  }

  /** Files a complete order (the console's 转12345): the citizen is told the reference. */
  public Future<WorkOrder> file(NewOrder o) {
    return pool().withTransaction(c -> dropOpenDraft(c, o.conversationId()).compose(x -> store.insert(c, o, WorkOrderStatus.DRAFT))
            .compose(d -> store.event(c, d.id(), o.createdBy(), null, WorkOrderStatus.DRAFT, "created", null)
                .compose(v -> submit(c, d, o.createdBy())))
            .compose(order -> notifier.store(c, order, texts.get("console.filed", order.reference()))
                .map(m -> new Told(order, m, false))))
        .map(told -> {
          notifier.publish(told.order(), told.message());
          return told.order();
        });
  }

  /** The operator files for the citizen: a draft the bot had opened in the conversation is dropped. */
  private Future<Void> dropOpenDraft(SqlClient c, String conversationId) {
    if (conversationId == null) return Future.succeededFuture();
    return c.preparedQuery("DELETE FROM work_order_draft WHERE conversation_id = $1 RETURNING order_id")
        .execute(Tuple.of(UUID.fromString(conversationId)))
        .compose(rs -> rs.size() == 0 || rs.iterator().next().getUUID(0) == null ? Future.succeededFuture()
            : store.delete(c, rs.iterator().next().getUUID(0)));
  }

  /** Submits a draft inside the caller's transaction: status, event, outbox row, conversation ticketed. */
  Future<WorkOrder> submit(SqlClient c, WorkOrder draft, String actor) {
    return transcript(c, draft.conversationId()).compose(transcript -> {
      JsonObject payload = platformPayload(draft).put("transcript", transcript);
      return store.transition(c, draft.id(), WorkOrderStatus.DRAFT, WorkOrderStatus.SUBMITTED, actor, null, null, null)
          .compose(v -> outbox.enqueue(c, draft.id(), "submit", "order-" + draft.id(), payload))
          .compose(v -> notifier.markTicketed(c, draft.conversationId()))
          .compose(v -> store.byId(c, draft.id(), false)).map(o -> {
            log.info("Work order {} filed by {}", draft.reference(), actor);
            return o.orElseThrow();
          });
    });
  }

  /** The platform acknowledged an outbox row: record it once, move the order, tell the citizen. */
  Future<Void> delivered(OutboxStore.Claimed row, JsonObject ack) {
    return pool().withTransaction(c -> outbox.delivered(c, row.id(), ack).compose(first -> {
      if (!first) return Future.succeededFuture((Runnable) () -> {});
      return store.byId(c, row.orderId(), true).compose(found -> {
        WorkOrder order = found.orElseThrow();
        if ("three_way_call".equals(row.kind())) {
          JsonObject call = (order.threeWayCall() == null ? new JsonObject() : order.threeWayCall().copy())
              .put("status", ack.getString("status", "requested")).put("callId", ack.getString("callId"));
          return store.recordThreeWayCall(c, order.id(), call)
              .compose(v -> store.event(c, order.id(), "12345", order.status(), order.status(), "三方连线已发起 " + ack.getString("callId"), null))
              .map(v -> (Runnable) () -> {});
        }
        if (order.status() != WorkOrderStatus.SUBMITTED) return Future.succeededFuture((Runnable) () -> {});
        JsonObject extra = new JsonObject().put("platformNo", ack.getString("platformNo"));
        return store.transition(c, order.id(), order.status(), WorkOrderStatus.ACCEPTED, "12345", "受理", null, extra)
            .compose(v -> store.byId(c, order.id(), false))
            .compose(updated -> notifier.store(c, updated.orElseThrow(), texts.get("notify.accepted", order.reference(), ack.getString("platformNo")))
                .map(m -> (Runnable) () -> notifier.publish(updated.get(), m)));
      });
    })).map(after -> {
      after.run();
      return null;
    });
  }

  /** Applies a verified platform callback: 404 unknown order, 409 illegal transition, replay → no effect. */
  public Future<JsonObject> callback(Callback cb) {
    return pool().withTransaction(c -> find(c, cb).compose(order -> store.callbackSeen(c, order.id(), cb.callbackId()).compose(seen -> {
      if (seen) return Future.succeededFuture(new Told(order, null, true));
      if (!order.status().canMoveTo(cb.status())) {
        return Future.failedFuture(HttpError.conflict("Order " + order.reference() + " cannot move from "
            + order.status().wireName() + " to " + cb.status().wireName()));
      }
      JsonObject extra = new JsonObject().put("platformNo", cb.platformNo()).put("satisfaction", cb.satisfaction())
          .put("returnReason", cb.returnReason()).put("mergedInto", cb.mergedInto());
      return store.transition(c, order.id(), order.status(), cb.status(), "12345", cb.note(), cb.callbackId(), extra)
          .compose(v -> store.byId(c, order.id(), false)).compose(updated -> notifier.store(c, updated.orElseThrow(),
              texts.get("notify.status", order.reference(), cb.status().chinese(), cb.note() == null ? "" : cb.note()))
              .map(m -> new Told(updated.get(), m, false)));
    }))).map(told -> {
      WorkOrder order = told.order();
      if (!told.duplicate()) {
        notifier.publish(order, told.message());
        log.info("Work order {} is now {} (platform callback)", order.reference(), cb.status().wireName());
      }
      return new JsonObject().put("reference", order.reference()).put("status", order.status().wireName())
          .put("duplicate", told.duplicate());
    });
  }

  private Future<WorkOrder> find(SqlClient c, Callback cb) {
    Future<java.util.Optional<WorkOrder>> byNo = cb.platformNo() == null ? Future.succeededFuture(java.util.Optional.empty())
        : store.byPlatformNo(c, cb.platformNo(), true);
    return byNo.compose(o -> o.isPresent() || cb.reference() == null ? Future.succeededFuture(o) : store.byReference(c, cb.reference(), true))
        .compose(o -> o.isPresent() ? Future.succeededFuture(o.get())
            : Future.failedFuture(HttpError.notFound("No work order " + (cb.platformNo() != null ? cb.platformNo() : cb.reference()))));
  }

  /** An operator asks the platform to bridge the citizen, the operator and a 12345 agent (三方连线). */
  public Future<WorkOrder> requestThreeWayCall(UUID orderId, String operator, String operatorLine) {
    return pool().withTransaction(c -> store.byId(c, orderId, true).compose(found -> {
      if (found.isEmpty()) return Future.failedFuture(HttpError.notFound("No work order " + orderId));
      WorkOrder order = found.get();
      if (order.platformNo() == null) return Future.failedFuture(HttpError.conflict("The platform has not accepted this order yet"));
      return store.phone(c, orderId).compose(phone -> phone.isEmpty()
          ? Future.failedFuture(HttpError.conflict("The citizen left no phone number to call"))
          : enqueueCall(c, order, operator, operatorLine));
    }));
  }

  private Future<WorkOrder> enqueueCall(SqlClient c, WorkOrder order, String operator, String operatorLine) {
    UUID orderId = order.id();
    JsonObject call = new JsonObject().put("status", "requesting").put("requestedBy", operator)
        .put("requestedAt", java.time.Instant.now().toString());
    JsonObject payload = new JsonObject().put("platformNo", order.platformNo()).put("reference", order.reference())
        .put("operator", operator).put("operatorLine", operatorLine);
    return c.preparedQuery("SELECT count(*) FROM work_order_outbox WHERE order_id = $1 AND kind = 'three_way_call'")
        .execute(Tuple.of(orderId)).map(rs -> rs.iterator().next().getLong(0))
        .compose(n -> outbox.enqueue(c, orderId, "three_way_call", "call-" + orderId + "-" + (n + 1), payload))
        .compose(v -> store.recordThreeWayCall(c, orderId, call))
        .compose(v -> store.event(c, orderId, operator, order.status(), order.status(), "请求三方连线", null))
        .compose(v -> store.byId(c, orderId, false)).map(o -> o.orElseThrow());
  }

  /** The order with its event history. */
  public Future<JsonObject> details(UUID id) {
    return pool().withConnection(c -> store.byId(c, id, false).compose(o -> o.isEmpty()
        ? Future.failedFuture(HttpError.notFound("No work order " + id))
        : store.events(c, id).map(ev -> o.get().toJson().put("events", ev))));
  }

  private static Future<JsonArray> transcript(SqlClient c, String conversationId) {
    if (conversationId == null) return Future.succeededFuture(new JsonArray());
    return c.preparedQuery("SELECT sender, text, created_at FROM message WHERE conversation_id = $1 ORDER BY id")
        .execute(Tuple.of(UUID.fromString(conversationId))).map(rs -> {
          JsonArray a = new JsonArray();
          // The number travels in its own field; the outbox copy of the chat keeps it masked.
          rs.forEach(r -> a.add(new JsonObject().put("sender", r.getString("sender")).put("text", Phones.maskAll(r.getString("text")))
              .put("at", r.getOffsetDateTime("created_at").toInstant().toString())));
          return a;
        });
  }

  /** The order as the protocol's submit body, without the phone number (added only when sending). */
  static JsonObject platformPayload(WorkOrder o) {
    return new JsonObject().put("reference", o.reference()).put("appealType", o.appealType().wireName())
        .put("appealTypeText", o.appealType().chinese()).put("title", o.title()).put("citizenText", o.citizenText())
        .put("summary", o.summary().toJson()).put("location", o.location())
        .put("category", o.category() != null ? o.category() : o.categorySuggested())
        .put("department", o.department() != null ? o.department() : o.departmentSuggested())
        .put("urgency", o.urgency()).put("contactName", o.contactName()).put("consentToContact", o.consent())
        .put("channel", o.channel()).put("createdAt", o.createdAt());
  }
}
