package banban.gateway.http;

import banban.connectors.http.HttpError;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that turns a failure into the JSON error envelope
 * {@code {"error": {"code": "...", "message": "..."}}}. Clients never see a stack trace; unexpected
 * failures are logged here with theirs.
 */
public final class Failures {
  private static final Logger log = LoggerFactory.getLogger(Failures.class);

  private static final Map<Integer, String> CODES = Map.ofEntries(
      Map.entry(400, "bad_request"), Map.entry(401, "unauthorized"), Map.entry(403, "forbidden"),
      Map.entry(404, "not_found"), Map.entry(405, "method_not_allowed"), Map.entry(409, "conflict"),
      Map.entry(413, "payload_too_large"), Map.entry(415, "unsupported_media_type"),
      Map.entry(429, "too_many_requests"), Map.entry(503, "unavailable"));

  private static final Map<Integer, String> MESSAGES = Map.ofEntries(
      Map.entry(400, "The request is malformed"), Map.entry(401, "Authentication is required"),
      Map.entry(403, "Not allowed"), Map.entry(404, "No such resource"),
      Map.entry(405, "Method not allowed on this resource"), Map.entry(413, "The request body is too large"),
      Map.entry(415, "Unsupported content type"), Map.entry(429, "Too many requests, retry later"),
      Map.entry(503, "The service is not ready"));

  private Failures() {}

  public static void handle(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    int status;
    String code;
    String message;
    if (failure instanceof HttpError e) {
      status = e.status();
      code = e.code();
      message = e.getMessage();
    } else {
      status = failure instanceof HttpException h ? h.getStatusCode() : ctx.statusCode();
      if (status < 400) status = 500;
      code = CODES.getOrDefault(status, status >= 500 ? "internal_error" : "error");
      message = MESSAGES.getOrDefault(status, status >= 500 ? "Internal error" : "Request failed");
      if (status >= 500) {
        log.error("Request {} {} failed", ctx.request().method(), ctx.normalizedPath(), failure);
      }
    }
    send(ctx, status, code, message);
  }

  public static void send(RoutingContext ctx, int status, String code, String message) {
    if (ctx.response().ended() || ctx.response().closed()) return;
    if (ctx.response().headWritten()) {
      ctx.response().reset();
      return;
    }
    ctx.response().setStatusCode(status)
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .end(new JsonObject().put("error", new JsonObject().put("code", code).put("message", message)).encode());
  }
}
