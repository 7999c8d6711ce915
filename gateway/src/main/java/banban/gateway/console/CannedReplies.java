package banban.gateway.console;

import banban.connectors.http.HttpError;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

/** Replies administrators prepare for operators to insert with one click. */
final class CannedReplies {
  private final Pool pool;

  CannedReplies(Pool pool) {
    this.pool = pool;
  }

  Future<JsonArray> list() {
    return pool.query(ConsoleSql.CANNED).execute().map(rs -> {
      JsonArray out = new JsonArray();
      rs.forEach(r -> out.add(json(r)));
      return out;
    });
  }

  Future<JsonObject> create(String title, String text, Operator by) {
    return pool.preparedQuery(ConsoleSql.INSERT_CANNED).execute(Tuple.of(title, text, by.id())).map(rs -> json(rs.iterator().next()));
  }

  Future<Void> delete(long id) {
    return pool.preparedQuery(ConsoleSql.DELETE_CANNED).execute(Tuple.of(id)).compose(rs ->
        rs.rowCount() == 0 ? Future.failedFuture(HttpError.notFound("No such canned reply")) : Future.succeededFuture());
  }

  private static JsonObject json(Row r) {
    return new JsonObject().put("id", r.getLong("id")).put("title", r.getString("title")).put("text", r.getString("text"));
  }
}
