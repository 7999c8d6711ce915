package banban.gateway.console;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's clock: keeps connected operators online, reminds operators of citizens waiting for a
 * reply, closes conversations idle for too long, refreshes queued citizens' waits and offers, and drops
 * expired sessions. One pass at a time; every step is a conditional UPDATE, so several instances
 * sweeping at once do each thing once.
 */
final class Sweeper {
  private static final Logger log = LoggerFactory.getLogger(Sweeper.class);

  private final Vertx vertx;
  private final Pool pool;
  private final ConsoleSettings settings;
  private final Presence presence;
  private final HandoffQueue queue;
  private final OperatorActions actions;
  private final Sessions sessions;
  private long timer = -1;
  private boolean running;

  Sweeper(Vertx vertx, Pool pool, ConsoleSettings settings, Presence presence, HandoffQueue queue, OperatorActions actions,
      Sessions sessions) {
    this.vertx = vertx;
    this.pool = pool;
    this.settings = settings;
    this.presence = presence;
    this.queue = queue;
    this.actions = actions;
    this.sessions = sessions;
  }

  void start() {
    timer = vertx.setPeriodic(settings.sweepEvery().toMillis(), id -> sweep());
  }

  void stop() {
    if (timer >= 0) vertx.cancelTimer(timer);
  }

  Future<Void> sweep() {
    if (running) return Future.succeededFuture();
    running = true;
    return presence.heartbeat()
        .compose(v -> remind())
        .compose(v -> closeIdle())
        .compose(v -> queue.announce())
        .compose(v -> sessions.purgeExpired().mapEmpty())
        .onFailure(e -> log.warn("Console sweep failed: {}", e.getMessage()))
        .onComplete(r -> running = false)
        .mapEmpty();
  }

  private Future<Void> remind() {
    return pool.preparedQuery(QueueSql.DUE_REMINDERS).execute(Tuple.of((double) settings.reminderAfter().toSeconds())).map(rs -> {
      for (Row r : rs) {
        String id = r.getUUID("id").toString();
        queue.events().toOperator(r.getString("operator_id"), new JsonObject().put("type", "reminder").put("conversationId", id));
      }
      return null;
    });
  }

  private Future<Void> closeIdle() {
    return pool.preparedQuery(QueueSql.IDLE).execute(Tuple.of((double) settings.idleClose().toSeconds())).compose(rs -> {
      List<String> ids = new ArrayList<>();
      rs.forEach(r -> ids.add(r.getUUID("id").toString()));
      Future<Void> all = Future.succeededFuture();
      for (String id : ids) all = all.compose(v -> actions.closeIdle(id).mapEmpty());
      return all;
    });
  }
}
