package banban.connectors.hotline;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

/**
 * banban's adapter protocol over HTTP: signed JSON POSTs to {@code <base>/orders} and
 * {@code <base>/three-way-calls}, each with an {@code Idempotency-Key}.
 */
public final class HttpHotlineAdapter implements HotlineAdapter {
  private final WebClient client;
  private final String baseUrl;
  private final String secret;
  private final long timeoutMs;

  public HttpHotlineAdapter(Vertx vertx, String baseUrl, String secret, long timeoutMs) {
    this.client = WebClient.create(vertx, new WebClientOptions().setConnectTimeout((int) Math.min(timeoutMs, 5000))
        .setUserAgent("banban-hotline/1"));
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.secret = secret;
    this.timeoutMs = timeoutMs;
  }

  @Override
  public Future<JsonObject> submit(String idempotencyKey, JsonObject order) {
    return post("/orders", idempotencyKey, order, "platformNo");
  }

  @Override
  public Future<JsonObject> requestThreeWayCall(String idempotencyKey, JsonObject request) {
    return post("/three-way-calls", idempotencyKey, request, "callId");
  }

  private Future<JsonObject> post(String path, String key, JsonObject json, String requiredField) {
    Buffer body = json.toBuffer();
    String ts = HotlineSignature.now();
    return client.postAbs(baseUrl + path)
        .timeout(timeoutMs)
        .putHeader("Content-Type", "application/json")
        .putHeader(HotlineSignature.IDEMPOTENCY_HEADER, key)
        .putHeader(HotlineSignature.TIMESTAMP_HEADER, ts)
        .putHeader(HotlineSignature.SIGNATURE_HEADER, HotlineSignature.sign(secret, ts, body))
        .sendBuffer(body)
        .recover(e -> Future.failedFuture(new HotlineException("platform unreachable: " + e.getMessage(), true)))
        .compose(resp -> accept(resp, requiredField));
  }

  private static Future<JsonObject> accept(HttpResponse<Buffer> resp, String requiredField) {
    int status = resp.statusCode();
    if (status / 100 != 2) {
      return Future.failedFuture(new HotlineException("platform answered HTTP " + status,
          HotlineException.retryableStatus(status)));
    }
    try {
      JsonObject ack = resp.bodyAsJsonObject();
      if (ack == null || !(ack.getValue(requiredField) instanceof String s) || s.isBlank()) {
        return Future.failedFuture(new HotlineException("acknowledgement without " + requiredField, true));
      }
      return Future.succeededFuture(ack);
    } catch (DecodeException | ClassCastException e) {
      return Future.failedFuture(new HotlineException("acknowledgement is not JSON", true));
    }
  }
}
