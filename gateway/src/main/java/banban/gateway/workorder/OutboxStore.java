package banban.gateway.workorder;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The delivery outbox. A row is written in the transaction that files the order, claimed by one
 * dispatcher at a time with a lease ({@code FOR UPDATE SKIP LOCKED}, then {@code locked_until}), and
 * ends delivered or dead. A gateway that dies holding a lease loses it when the lease runs out; the
 * idempotency key makes the platform answer the second delivery with the first acknowledgement.
 */
public final class OutboxStore {
  /** One claimed row. */
  public record Claimed(long id, UUID orderId, String kind, String idempotencyKey, JsonObject payload, int attempts) {}

  private final Pool pool;

  public OutboxStore(Pool pool) {
    this.pool = pool;
  }

  public Future<Void> enqueue(SqlClient c, UUID orderId, String kind, String idempotencyKey, JsonObject payload) {
    return c.preparedQuery("INSERT INTO work_order_outbox (order_id, kind, idempotency_key, payload) VALUES ($1, $2, $3, $4)")
        .execute(Tuple.of(orderId, kind, idempotencyKey, payload)).mapEmpty();
  }

  /** Due rows, leased to the caller for {@code leaseMs}; each claim counts as an attempt. */
  public Future<List<Claimed>> claim(int limit, long leaseMs) {
    return pool.preparedQuery("UPDATE work_order_outbox SET locked_until = now() + $2 * interval '1 millisecond',"
            + " attempts = attempts + 1 WHERE id IN (SELECT id FROM work_order_outbox WHERE state = 'pending'"
            + " AND next_attempt_at <= now() AND (locked_until IS NULL OR locked_until < now())"
            + " ORDER BY next_attempt_at, id LIMIT $1 FOR UPDATE SKIP LOCKED)"
            + " RETURNING id, order_id, kind, idempotency_key, payload, attempts")
        .execute(Tuple.of(limit, leaseMs)).map(rs -> {
          List<Claimed> out = new ArrayList<>();
          for (Row r : rs) {
            out.add(new Claimed(r.getLong("id"), r.getUUID("order_id"), r.getString("kind"), r.getString("idempotency_key"),
                (JsonObject) r.getValue("payload"), r.getInteger("attempts")));
          }
          return out;
        });
  }

  /** False when the row was already delivered (by another instance after our lease ran out). */
  public Future<Boolean> delivered(SqlClient c, long id, JsonObject response) {
    return c.preparedQuery("UPDATE work_order_outbox SET state = 'delivered', delivered_at = now(), locked_until = NULL,"
            + " response = $2, last_error = NULL WHERE id = $1 AND state = 'pending'")
        .execute(Tuple.of(id, response)).map(rs -> rs.rowCount() == 1);
  }

  public Future<Void> retryLater(long id, long delayMs, String error) {
    return pool.preparedQuery("UPDATE work_order_outbox SET next_attempt_at = now() + $2 * interval '1 millisecond',"
            + " locked_until = NULL, last_error = $3 WHERE id = $1 AND state = 'pending'")
        .execute(Tuple.of(id, delayMs, error)).mapEmpty();
  }

  /** Gives back a claim that was never tried (the circuit was open): the attempt does not count. */
  public Future<Void> release(long id) {
    return pool.preparedQuery("UPDATE work_order_outbox SET locked_until = NULL, attempts = attempts - 1 WHERE id = $1 AND state = 'pending'")
        .execute(Tuple.of(id)).mapEmpty();
  }

  public Future<Void> dead(long id, String error) {
    return pool.preparedQuery("UPDATE work_order_outbox SET state = 'dead', locked_until = NULL, last_error = $2 WHERE id = $1 AND state = 'pending'")
        .execute(Tuple.of(id, error)).mapEmpty();
  }

  /** A dead letter goes back to the queue, with a fresh count of attempts (an administrator's decision). */
  public Future<Boolean> requeue(long id) {
    return pool.preparedQuery("UPDATE work_order_outbox SET state = 'pending', attempts = 0, next_attempt_at = now(),"
            + " locked_until = NULL WHERE id = $1 AND state = 'dead'")
        .execute(Tuple.of(id)).map(rs -> rs.rowCount() == 1);
  }

  public Future<JsonArray> deadLetters() {
    return pool.query("SELECT o.id, o.kind, o.idempotency_key, o.attempts, o.last_error, o.created_at, w.reference, w.title"
            + " FROM work_order_outbox o JOIN work_order w ON w.id = o.order_id WHERE o.state = 'dead' ORDER BY o.id")
        .execute().map(rs -> {
          JsonArray a = new JsonArray();
          rs.forEach(r -> a.add(new JsonObject().put("id", r.getLong("id")).put("kind", r.getString("kind"))
              .put("idempotencyKey", r.getString("idempotency_key")).put("attempts", r.getInteger("attempts"))
              .put("reason", r.getString("last_error")).put("reference", r.getString("reference"))
              .put("title", r.getString("title")).put("createdAt", r.getOffsetDateTime("created_at").toInstant().toString())));
          return a;
        });
  }

  /** Counts per state, for health and the tests: {pending, delivered, dead}. */
  public Future<JsonObject> counts() {
    return pool.query("SELECT state, count(*) AS n FROM work_order_outbox GROUP BY state").execute().map(rs -> {
      JsonObject o = new JsonObject().put("pending", 0L).put("delivered", 0L).put("dead", 0L);
      rs.forEach(r -> o.put(r.getString("state"), r.getLong("n")));
      return o;
    });
  }
}
