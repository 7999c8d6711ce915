package banban.gateway.console;

import banban.connectors.http.HttpError;
import banban.gateway.conversation.ConversationStore;
import banban.gateway.conversation.Texts;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.ZonedDateTime;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The queue of citizens waiting for a person, in PostgreSQL: oldest first, offered to operators who are
 * available, online and have a free seat, taken by exactly one of them. It also tells queued citizens
 * their place and wait, and offers to take a message when nobody can come.
 */
public final class HandoffQueue {
  private static final Logger log = LoggerFactory.getLogger(HandoffQueue.class);
  /** Rough time between an offer and an accept, added to every estimate. */
  static final long ACCEPT_SECONDS = 30;

  private final Pool pool;
  private final ConversationStore store;
  private final ConsoleEvents events;
  private final ConsoleSettings settings;
  private final Texts texts;

  public HandoffQueue(Pool pool, ConversationStore store, ConsoleEvents events, ConsoleSettings settings, Texts texts) {
    this.pool = pool;
    this.store = store;
    this.events = events;
    this.settings = settings;
    this.texts = texts;
  }

  ConsoleEvents events() {
    return events;
  }

  private double offlineSecs() {
    return (double) settings.offlineAfter().toSeconds();
  }

  /** What one console shows: the queue, the operator's own conversations, and the conversation offered to them. */
  public Future<JsonObject> snapshot(Operator op) {
    return pool.withConnection(c -> c.preparedQuery(QueueSql.OPERATOR_LOAD.replace(" FOR UPDATE", ""))
        .execute(Tuple.of(op.id(), offlineSecs(), op.ref()))
        .compose(me -> c.query(QueueSql.QUEUE).execute()
            .compose(queue -> c.preparedQuery(QueueSql.MINE).execute(Tuple.of(op.ref())).map(mine -> {
              Row m = me.iterator().next();
              JsonArray q = new JsonArray();
              queue.forEach(r -> q.add(new JsonObject().put("id", r.getUUID("id").toString()).put("channel", r.getString("channel"))
                  .put("queuedAt", r.getOffsetDateTime("queued_at").toInstant().toString()).put("waitedSeconds", r.getLong("waited"))
                  .put("lastText", r.getString("last_text")).put("offeredMessage", r.getBoolean("offered"))));
              JsonArray own = new JsonArray();
              mine.forEach(r -> own.add(new JsonObject().put("id", r.getUUID("id").toString()).put("channel", r.getString("channel"))
                  .put("lastText", r.getString("last_text")).put("waitingForReply", "citizen".equals(r.getString("last_sender")))));
              boolean free = m.getBoolean("available") && m.getBoolean("online") && m.getLong("active") < m.getInteger("capacity");
              return new JsonObject().put("type", "queue").put("queue", q).put("mine", own)
                  .put("available", m.getBoolean("available")).put("capacity", m.getInteger("capacity"))
                  .put("offer", free && !q.isEmpty() ? q.getJsonObject(0).getString("id") : null);
            }))));
  }

  /** Takes a queued conversation for the operator; of concurrent accepts exactly one succeeds, the others get 409. */
  public Future<JsonObject> accept(Operator op, String conversationId) {
    return pool.withTransaction(c -> c.preparedQuery(QueueSql.OPERATOR_LOAD).execute(Tuple.of(op.id(), offlineSecs(), op.ref()))
        .compose(rs -> {
          Row me = rs.iterator().next();
          if (me.getBoolean("disabled")) return Future.failedFuture(HttpError.forbidden("This account is disabled"));
          if (!me.getBoolean("available")) return Future.failedFuture(new HttpError(409, "away", "Set yourself available first"));
          if (!me.getBoolean("online")) return Future.failedFuture(new HttpError(409, "offline", "Open the console's live connection first"));
          if (me.getLong("active") >= me.getInteger("capacity")) {
            return Future.failedFuture(new HttpError(409, "at_capacity", "All " + me.getInteger("capacity") + " of your seats are taken"));
          }
          return c.preparedQuery(QueueSql.ACCEPT).execute(Tuple.of(UUID.fromString(conversationId), op.ref()));
        })
        .compose(rs -> {
          if (rs.size() == 0) return Future.failedFuture(new HttpError(409, "taken", "This conversation is no longer waiting"));
          Row r = rs.iterator().next();
          return store.insertMessage(c, conversationId, "system", texts.get("operator.joined", op.displayName()),
                  new JsonObject().put("action", "operator-joined").put("operatorName", op.displayName()))
              .map(m -> new JsonObject().put("channel", r.getString("channel")).put("citizenRef", r.getString("citizen_ref")).put("message", m));
        }))
        .onSuccess(r -> {
          log.info("Conversation {} accepted by operator {}", conversationId, op.username());
          events.message(conversationId, r.getString("channel"), r.getString("citizenRef"), r.getJsonObject("message"));
          events.state(conversationId, "with_operator");
          events.queueChanged();
        })
        .map(r -> new JsonObject().put("conversationId", conversationId).put("state", "with_operator"));
  }

  /**
   * Tells every queued citizen their place and estimated wait, and offers those nobody can serve soon
   * (outside staffed hours, no operator on duty, or a wait past the limit) to leave a message instead.
   */
  public Future<Void> announce() {
    return pool.query(QueueSql.QUEUE).execute().compose(queue -> {
      if (queue.size() == 0) return Future.succeededFuture();
      return pool.preparedQuery(QueueSql.SEATS).execute(Tuple.of(offlineSecs()))
          .compose(seats -> pool.query(QueueSql.HANDLING).execute().compose(handling -> {
            Row s = seats.iterator().next();
            long total = s.getLong("seats");
            long free = Math.max(0, total - s.getLong("used"));
            double handle = handling.iterator().next().getNumeric(0).doubleValue();
            boolean staffed = settings.staffedHours().staffedAt(ZonedDateTime.now(settings.zone()));
            Future<Void> all = Future.succeededFuture();
            int pos = 0;
            for (Row r : queue) {
              pos++;
              long eta = estimate(pos, free, total, handle);
              String id = r.getUUID("id").toString();
              events.queued(id, pos, eta);
              boolean hopeless = !staffed || total == 0 || eta > settings.maxWait().toSeconds()
                  || r.getLong("waited") > settings.maxWait().toSeconds();
              if (hopeless && !r.getBoolean("offered")) {
                String channel = r.getString("channel");
                String citizen = r.getString("citizen_ref");
                all = all.compose(v -> offerMessage(id, channel, citizen));
              }
            }
            return all;
          }));
    });
  }

  /** Seconds until a person can answer the citizen at this place in the queue. */
  static long estimate(int position, long freeSeats, long seats, double handlingSeconds) {
    if (position <= freeSeats) return ACCEPT_SECONDS;
    return ACCEPT_SECONDS + (long) Math.ceil((position - freeSeats) * handlingSeconds / Math.max(1, seats));
  }

  private Future<Void> offerMessage(String id, String channel, String citizenRef) {
    return pool.withTransaction(c -> c.preparedQuery(QueueSql.MARK_UNSTAFFED_OFFER).execute(Tuple.of(UUID.fromString(id)))
        .compose((RowSet<Row> rs) -> rs.size() == 0 ? Future.succeededFuture((JsonObject) null)
            : store.insertMessage(c, id, "system", texts.get("unstaffed.offer"),
                new JsonObject().put("action", "leave-message").put("options", new JsonArray().add("callback").add("work_order")))))
        .onSuccess(m -> {
          if (m != null) {
            log.info("Conversation {} offered to leave a message: nobody can serve it soon", id);
            events.message(id, channel, citizenRef, m);
          }
        }).mapEmpty();
  }
}
