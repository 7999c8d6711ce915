package banban.gateway.console;

import banban.connectors.http.HttpError;
import banban.gateway.conversation.ConversationStore;
import banban.gateway.conversation.Texts;
import banban.gateway.kb.KnowledgeService;
import banban.kb.Candidate;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an operator does to a conversation they own: reply, show that they are typing, close it with a
 * resolution; and what they may read: the transcript and the knowledge base's candidates. An operator
 * sees queued conversations and their own; anything else answers 404, as if it did not exist.
 */
public final class OperatorActions {
  private static final Logger log = LoggerFactory.getLogger(OperatorActions.class);
  public static final Set<String> RESOLUTIONS = Set.of("resolved", "transferred", "no_response", "other");
  static final int SUGGESTIONS = 3;

  private final Pool pool;
  private final ConversationStore store;
  private final ConsoleEvents events;
  private final Texts texts;
  private final KnowledgeService knowledge;
  private final WorkerExecutor kbWorker;

  public OperatorActions(Pool pool, ConversationStore store, ConsoleEvents events, Texts texts, KnowledgeService knowledge,
      WorkerExecutor kbWorker) {
    this.pool = pool;
    this.store = store;
    this.events = events;
    this.texts = texts;
    this.knowledge = knowledge;
    this.kbWorker = kbWorker;
  }

  /** The conversation as the console shows it, with every message and why it came to a person. */
  public Future<JsonObject> transcript(Operator op, String id) {
    return visible(op, id).compose(conv -> store.messagesAfter(id, 0).map(messages -> new JsonObject()
        .put("id", id).put("state", conv.getString("state")).put("channel", conv.getString("channel"))
        .put("mine", op.ref().equals(conv.getString("operator_id"))).put("resolution", conv.getString("closed_reason"))
        .put("handoffReason", HandoffReason.of(messages)).put("messages", messages)));
  }

  public Future<JsonObject> reply(Operator op, String id, String text) {
    return pool.withTransaction(c -> owned(c, op, id).compose(conv -> store.insertMessage(c, id, "operator", text,
            new JsonObject().put("operatorName", op.displayName()))
        .compose(m -> c.preparedQuery("UPDATE conversation SET updated_at = now() WHERE id = $1").execute(Tuple.of(UUID.fromString(id)))
            .map(v -> conv.put("message", m)))))
        .onSuccess(conv -> events.message(id, conv.getString("channel"), conv.getString("citizen_ref"), conv.getJsonObject("message")))
        .map(conv -> conv.getJsonObject("message"));
  }

  public Future<Void> typing(Operator op, String id) {
    return pool.withConnection(c -> owned(c, op, id)).onSuccess(v -> events.typing(id)).mapEmpty();
  }

  /** Closes a conversation the operator owns and asks the citizen for a rating. */
  public Future<JsonObject> close(Operator op, String id, String resolution) {
    if (!RESOLUTIONS.contains(resolution)) {
      return Future.failedFuture(HttpError.badRequest("Field 'resolution' is one of " + String.join(", ", RESOLUTIONS.stream().sorted().toList())));
    }
    return pool.withTransaction(c -> owned(c, op, id).compose(conv -> closeLocked(c, id, resolution, "closed.rate", conv)))
        .onSuccess(conv -> {
          log.info("Conversation {} closed by operator {} as {}", id, op.username(), resolution);
          published(id, conv);
        })
        .map(conv -> new JsonObject().put("conversationId", id).put("state", "closed").put("resolution", resolution));
  }

  /** The sweeper's close of a conversation nobody wrote in for too long; false when it moved on meanwhile. */
  Future<Boolean> closeIdle(String id) {
    return pool.withTransaction(c -> c.preparedQuery(QueueSql.CONVERSATION_FOR_UPDATE).execute(Tuple.of(UUID.fromString(id)))
        .compose(rs -> {
          JsonObject conv = rs.iterator().next().toJson();
          if (!"with_operator".equals(conv.getString("state"))) return Future.succeededFuture((JsonObject) null);
          return closeLocked(c, id, "no_response", "closed.idle", conv);
        }))
        .map(conv -> {
          if (conv == null) return false;
          log.info("Conversation {} closed after being idle", id);
          published(id, conv);
          return true;
        });
  }

  private Future<JsonObject> closeLocked(SqlClient c, String id, String resolution, String textKey, JsonObject conv) {
    return c.preparedQuery(QueueSql.CLOSE).execute(Tuple.of(UUID.fromString(id), resolution))
        .compose(v -> store.insertMessage(c, id, "system", texts.get(textKey),
            new JsonObject().put("action", "rate").put("resolution", resolution)))
        .map(m -> conv.put("message", m));
  }

  private void published(String id, JsonObject conv) {
    events.message(id, conv.getString("channel"), conv.getString("citizen_ref"), conv.getJsonObject("message"));
    events.state(id, "closed");
    if (conv.getString("operator_id") != null) {
      events.toOperator(conv.getString("operator_id"), new JsonObject().put("type", "closed").put("conversationId", id));
    }
    events.queueChanged();
  }

  /** Up to three knowledge-base entries for the citizen's latest message, searched on the knowledge-base pool. */
  public Future<JsonArray> assist(Operator op, String id) {
    return visible(op, id)
        .compose(conv -> pool.preparedQuery(QueueSql.LAST_CITIZEN).execute(Tuple.of(UUID.fromString(id))))
        .compose(rs -> {
          if (rs.size() == 0) return Future.succeededFuture(List.<Candidate>of());
          String text = rs.iterator().next().getString("text");
          return kbWorker.executeBlocking(() -> knowledge.knowledgeBase().candidates(text), false);
        })
        .map(list -> {
          JsonArray out = new JsonArray();
          list.stream().limit(SUGGESTIONS).forEach(cand -> out.add(new JsonObject().put("faqId", cand.entry().id())
              .put("question", cand.entry().question()).put("answer", cand.entry().answer())
              .put("department", cand.entry().department()).put("confidence", Math.round(cand.confidence() * 100) / 100.0)));
          return out;
        });
  }

  private Future<JsonObject> visible(Operator op, String id) {
    return pool.preparedQuery(QueueSql.CONVERSATION).execute(Tuple.of(UUID.fromString(id))).compose(rs -> {
      Row r = rs.size() == 0 ? null : rs.iterator().next();
      boolean ok = r != null && (op.admin() || "queued".equals(r.getString("state")) || op.ref().equals(r.getString("operator_id")));
      return ok ? Future.succeededFuture(r.toJson()) : Future.failedFuture(HttpError.notFound("No such conversation"));
    });
  }

  /** The conversation, locked, when this operator is serving it. */
  private Future<JsonObject> owned(SqlClient c, Operator op, String id) {
    return c.preparedQuery(QueueSql.CONVERSATION_FOR_UPDATE).execute(Tuple.of(UUID.fromString(id))).compose(rs -> {
      Row r = rs.size() == 0 ? null : rs.iterator().next();
      if (r == null || !op.ref().equals(r.getString("operator_id"))) return Future.failedFuture(HttpError.notFound("No such conversation"));
      if (!"with_operator".equals(r.getString("state"))) {
        return Future.failedFuture(HttpError.conflict("You are no longer serving this conversation (it is " + r.getString("state") + ")"));
      }
      return Future.succeededFuture(r.toJson());
    });
  }
}
