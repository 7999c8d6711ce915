package banban.gateway.console;

import banban.gateway.Gateway;
import io.vertx.sqlclient.Tuple;
import java.util.UUID;

/** Reading a conversation's row directly, for assertions. */
final class ConsoleQueueTestSupport {
  private ConsoleQueueTestSupport() {}

  static String state(Gateway gateway, String id) {
    return gateway.pool().preparedQuery("SELECT state FROM conversation WHERE id = $1").execute(Tuple.of(UUID.fromString(id)))
        .await().iterator().next().getString(0);
  }
}
