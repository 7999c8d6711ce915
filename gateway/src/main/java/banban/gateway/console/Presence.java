package banban.gateway.console;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which operators have a console connected to this instance. Their {@code last_seen_at} is refreshed on
 * connect and on every sweep, so an operator whose last console closed counts as offline once the
 * configured time has passed, on every instance.
 */
final class Presence {
  private final Pool pool;
  private final Map<Long, Integer> sockets = new ConcurrentHashMap<>();

  Presence(Pool pool) {
    this.pool = pool;
  }

  Future<Void> connected(long operatorId) {
    sockets.merge(operatorId, 1, Integer::sum);
    return touch(new Long[] {operatorId});
  }

  void disconnected(long operatorId) {
    sockets.computeIfPresent(operatorId, (k, n) -> n <= 1 ? null : n - 1);
  }

  /** Marks every operator connected here as seen now. */
  Future<Void> heartbeat() {
    return sockets.isEmpty() ? Future.succeededFuture() : touch(sockets.keySet().toArray(Long[]::new));
  }

  private Future<Void> touch(Long[] ids) {
    return pool.preparedQuery(ConsoleSql.TOUCH).execute(Tuple.tuple().addArrayOfLong(ids)).mapEmpty();
  }
}
