package banban.connectors.hotline;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.time.Instant;
import java.util.UUID;

/**
 * The simulator's signed status callbacks to banban. A callback that is not answered with 2xx is sent
 * again (same callbackId) a few times, as a real platform would, so banban must treat replays as no-ops.
 */
final class SimCallbacks {
  private static final int ATTEMPTS = 5;
  private static final long RETRY_MS = 500;

  private final Vertx vertx;
  private final WebClient client;
  private volatile String url;
  private final String secret;

  SimCallbacks(Vertx vertx, String url, String secret) {
    this.vertx = vertx;
    this.client = WebClient.create(vertx);
    this.url = url;
    this.secret = secret == null ? "" : secret;
  }

  static String note(String status, String department) {
    String unit = department == null || department.isBlank() ? "承办单位" : department;
    return switch (status) {
      case "dispatched" -> "已派单至" + unit;
      case "in_progress" -> unit + "已签收，正在办理";
      case "replied" -> unit + "已答复：已安排人员现场处理。";
      case "closed" -> "工单已办结";
      case "visited" -> "回访完成，市民表示满意";
      default -> status;
    };
  }

  void target(String url) {
    this.url = url;
  }

  /** Completes when banban answered 2xx or the attempts ran out; never fails. */
  Future<Void> send(JsonObject event) {
    if (url == null) return Future.succeededFuture();
    event.put("callbackId", UUID.randomUUID().toString()).put("at", Instant.now().toString());
    Promise<Void> done = Promise.promise();
    attempt(event.toBuffer(), 1, done);
    return done.future();
  }

  private void attempt(Buffer body, int n, Promise<Void> done) {
    String ts = HotlineSignature.now();
    client.postAbs(url).timeout(5000).putHeader("Content-Type", "application/json")
        .putHeader(HotlineSignature.TIMESTAMP_HEADER, ts)
        .putHeader(HotlineSignature.SIGNATURE_HEADER, HotlineSignature.sign(secret, ts, body))
        .sendBuffer(body)
        .onComplete(r -> {
          if (r.succeeded() && r.result().statusCode() / 100 == 2) {
            done.complete();
          } else if (n >= ATTEMPTS) {
            done.complete();
          } else {
            vertx.setTimer(RETRY_MS * n, t -> attempt(body, n + 1, done));
          }
        });
  }
}
