package banban.gateway.conversation;

import banban.kb.Decision.Suggestion;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Conversations, messages, feedback and unanswered questions in PostgreSQL. */
public final class ConversationStore {
  private static final String MESSAGE_COLUMNS = "id, sender, text, payload, created_at";

  private final Pool pool;

  public ConversationStore(Pool pool) {
    this.pool = pool;
  }

  public Pool pool() {
    return pool;
  }

  public Future<Void> create(SqlClient c, UUID id, String channel, String citizenRef, String tokenSha256) {
    return c.preparedQuery("INSERT INTO conversation (id, channel, citizen_ref, token_sha256) VALUES ($1, $2, $3, $4)")
        .execute(Tuple.of(id, channel, citizenRef, tokenSha256)).mapEmpty();
  }

  /** Serialises find-or-create for one citizen of a channel until the transaction ends. */
  public Future<Void> lockCitizen(SqlClient c, String channel, String citizenRef) {
    return c.preparedQuery("SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))").execute(Tuple.of(channel, citizenRef)).mapEmpty();
  }

  /** The id of the citizen's newest conversation on the channel, if any. */
  public Future<Optional<String>> latest(SqlClient c, String channel, String citizenRef) {
    return c.preparedQuery("SELECT id FROM conversation WHERE channel = $1 AND citizen_ref = $2 ORDER BY created_at DESC LIMIT 1")
        .execute(Tuple.of(channel, citizenRef))
        .map(rs -> rs.size() == 0 ? Optional.empty() : Optional.of(rs.iterator().next().getUUID(0).toString()));
  }

  public Future<Optional<String>> tokenDigest(String id) {
    return pool.preparedQuery("SELECT token_sha256 FROM conversation WHERE id = $1").execute(Tuple.of(UUID.fromString(id)))
        .map(rs -> rs.size() == 0 ? Optional.empty() : Optional.of(rs.iterator().next().getString(0)));
  }

  /** The conversation row, locked for the rest of the transaction when {@code forUpdate}. */
  public Future<Conversation> load(SqlClient c, String id, boolean forUpdate) {
    return c.preparedQuery("SELECT id, channel, citizen_ref, state, fallback_streak, pending_choices FROM conversation WHERE id = $1"
            + (forUpdate ? " FOR UPDATE" : ""))
        .execute(Tuple.of(UUID.fromString(id)))
        .map(rs -> {
          if (rs.size() == 0) throw new IllegalStateException("conversation " + id + " vanished");
          Row r = rs.iterator().next();
          return new Conversation(r.getUUID("id").toString(), r.getString("channel"), r.getString("citizen_ref"),
              ConversationState.fromWire(r.getString("state")), r.getInteger("fallback_streak"),
              choices((JsonArray) r.getValue("pending_choices")));
        });
  }

  public Future<JsonObject> insertMessage(SqlClient c, String conversationId, String sender, String text, JsonObject payload) {
    return c.preparedQuery("INSERT INTO message (conversation_id, sender, text, payload) VALUES ($1, $2, $3, $4) RETURNING " + MESSAGE_COLUMNS)
        .execute(Tuple.of(UUID.fromString(conversationId), sender, text, payload))
        .map(rs -> toJson(rs.iterator().next()));
  }

  /**
   * The citizen's message, stored once per delivery key: empty when a message with this key is already
   * stored (a retried delivery that an instance handled before it died).
   */
  public Future<java.util.Optional<JsonObject>> insertCitizenMessage(SqlClient c, String conversationId, String text,
      String dedupeKey) {
    return c.preparedQuery("INSERT INTO message (conversation_id, sender, text, dedupe_key) VALUES ($1, 'citizen', $2, $3)"
            + " ON CONFLICT (dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING RETURNING " + MESSAGE_COLUMNS)
        .execute(Tuple.of(UUID.fromString(conversationId), text, dedupeKey))
        .map(rs -> rs.size() == 0 ? java.util.Optional.<JsonObject>empty() : java.util.Optional.of(toJson(rs.iterator().next())));
  }

  /** The stored message of a delivery key, then what followed it up to the citizen's next message. */
  public Future<JsonArray> delivery(String dedupeKey) {
    return pool.preparedQuery("WITH d AS (SELECT conversation_id AS conv, id AS from_id FROM message WHERE dedupe_key = $1)"
            + " SELECT " + MESSAGE_COLUMNS + " FROM message, d WHERE conversation_id = d.conv AND id >= d.from_id ORDER BY id")
        .execute(Tuple.of(dedupeKey))
        .map(rs -> {
          JsonArray out = new JsonArray();
          for (Row r : rs) {
            if (!out.isEmpty() && "citizen".equals(r.getString("sender"))) break;
            out.add(toJson(r));
          }
          return out;
        });
  }

  public Future<JsonArray> messagesAfter(String conversationId, long afterId) {
    return pool.preparedQuery("SELECT " + MESSAGE_COLUMNS + " FROM message WHERE conversation_id = $1 AND id > $2 ORDER BY id")
        .execute(Tuple.of(UUID.fromString(conversationId), afterId))
        .map(rs -> {
          JsonArray out = new JsonArray();
          rs.forEach(r -> out.add(toJson(r)));
          return out;
        });
  }

  public Future<Optional<JsonObject>> message(SqlClient c, String conversationId, long messageId) {
    return c.preparedQuery("SELECT " + MESSAGE_COLUMNS + " FROM message WHERE conversation_id = $1 AND id = $2")
        .execute(Tuple.of(UUID.fromString(conversationId), messageId))
        .map(rs -> rs.size() == 0 ? Optional.empty() : Optional.of(toJson(rs.iterator().next())));
  }

  /** Records the turn's effect on the conversation; the state moves only along allowed transitions. */
  public Future<Void> update(SqlClient c, String id, ConversationState state, int fallbackStreak, List<Suggestion> pending) {
    JsonArray p = new JsonArray();
    pending.forEach(s -> p.add(new JsonObject().put("faqId", s.faqId()).put("question", s.question())));
    return c.preparedQuery("UPDATE conversation SET state = $2, fallback_streak = $3, pending_choices = $4, updated_at = now(),"
            + " queued_at = CASE WHEN $2 = 'queued' AND state <> 'queued' THEN now() WHEN $2 = 'queued' THEN queued_at END,"
            + " closed_reason = CASE WHEN $2 = 'closed' THEN closed_reason END WHERE id = $1")
        .execute(Tuple.of(UUID.fromString(id), state.wireName(), fallbackStreak, pending.isEmpty() ? null : p))
        .mapEmpty();
  }

  /** Place in the queue, 1 for the next to be served; null when not queued. */
  public Future<Integer> queuePosition(SqlClient c, String id) {
    return c.preparedQuery("SELECT CASE WHEN me.state = 'queued' THEN (SELECT count(*) FROM conversation q"
            + " WHERE q.state = 'queued' AND q.queued_at <= me.queued_at) END AS pos FROM conversation me WHERE me.id = $1")
        .execute(Tuple.of(UUID.fromString(id)))
        .map(rs -> {
          Long pos = rs.iterator().next().getLong("pos");
          return pos == null ? null : pos.intValue();
        });
  }

  public Future<Boolean> recordFeedback(SqlClient c, String conversationId, long messageId, boolean helpful) {
    return c.preparedQuery("INSERT INTO answer_feedback (message_id, conversation_id, helpful) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING")
        .execute(Tuple.of(messageId, UUID.fromString(conversationId), helpful))
        .map(rs -> rs.rowCount() == 1);
  }

  public Future<Void> recordUnanswered(SqlClient c, String conversationId, Long messageId, String text, String reason, JsonArray candidates) {
    return c.preparedQuery("INSERT INTO unanswered_question (conversation_id, message_id, text, reason, candidates) VALUES ($1, $2, $3, $4, $5)")
        .execute(Tuple.of(UUID.fromString(conversationId), messageId, text, reason, candidates))
        .mapEmpty();
  }

  static JsonObject toJson(Row r) {
    Object payload = r.getValue("payload");
    OffsetDateTime created = r.getOffsetDateTime("created_at");
    return new JsonObject().put("id", r.getLong("id")).put("sender", r.getString("sender")).put("text", r.getString("text"))
        .put("createdAt", created.toInstant().toString())
        .put("payload", payload instanceof JsonObject o ? o : null);
  }

  private static List<Suggestion> choices(JsonArray a) {
    List<Suggestion> out = new ArrayList<>();
    if (a != null) {
      for (int i = 0; i < a.size(); i++) {
        JsonObject o = a.getJsonObject(i);
        out.add(new Suggestion(o.getString("faqId"), o.getString("question")));
      }
    }
    return out;
  }
}
