package banban.gateway.conversation;

import banban.connectors.http.HttpError;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.Set;
import java.util.UUID;

/**
 * The citizen's satisfaction rating after an operator (or the idle timer) closed the conversation. It is
 * tied to the closing message that asked for it, so each closing is rated at most once.
 */
final class Ratings {
  static final Set<String> VALUES = Set.of("satisfied", "basically_satisfied", "dissatisfied");
  private static final String LAST_ASK = "SELECT m.id, c.operator_id FROM message m JOIN conversation c ON c.id = m.conversation_id"
      + " WHERE m.conversation_id = $1 AND m.sender = 'system' AND m.payload->>'action' = 'rate' ORDER BY m.id DESC LIMIT 1";
  private static final String INSERT = "INSERT INTO conversation_rating (message_id, conversation_id, operator_id, rating, comment)"
      + " VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING";

  private final ConversationStore store;
  private final Texts texts;

  Ratings(ConversationStore store, Texts texts) {
    this.store = store;
    this.texts = texts;
  }

  /** Stores the rating and returns the thank-you message; 409 when nothing awaits a rating or it was given. */
  Future<JsonArray> rate(String conversationId, String rating, String comment) {
    if (!VALUES.contains(rating)) {
      return Future.failedFuture(HttpError.badRequest("Field 'rating' is satisfied, basically_satisfied or dissatisfied"));
    }
    UUID id = UUID.fromString(conversationId);
    return store.pool().withTransaction(c -> c.preparedQuery(LAST_ASK).execute(Tuple.of(id)).compose(rs -> {
      if (rs.size() == 0) return Future.failedFuture(HttpError.conflict("This conversation has no closed service to rate"));
      Row ask = rs.iterator().next();
      return c.preparedQuery(INSERT).execute(Tuple.of(ask.getLong("id"), id, ask.getString("operator_id"), rating, comment))
          .compose(ins -> ins.rowCount() == 0 ? Future.failedFuture(HttpError.conflict("This service was already rated"))
              : store.insertMessage(c, conversationId, "system", texts.get("rating.thanks"),
                  new JsonObject().put("action", "rated").put("rating", rating)));
    })).map(m -> new JsonArray().add(m));
  }
}
