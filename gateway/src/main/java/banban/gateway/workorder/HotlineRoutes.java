package banban.gateway.workorder;

import banban.connectors.hotline.HotlineSignature;
import banban.connectors.http.HttpError;
import banban.gateway.console.ConsoleAuth;
import banban.gateway.console.Operator;
import banban.gateway.http.HttpVerticle;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Instant;
import java.util.UUID;

/**
 * HTTP routes of the 12345 connector. The callback is authenticated by its HMAC signature alone; the
 * console routes sit under {@code /api/v1/console/}, behind the console's session and CSRF guard, and
 * each handler also asks {@link ConsoleAuth} for the operator, so a route mounted ahead of the guard
 * fails closed with 401 instead of opening.
 */
public final class HotlineRoutes implements HttpVerticle.Routes {
  public static final String CALLBACK_PATH = "/hotline/12345/callback";
  private static final int CALLBACK_MAX_BYTES = 64 * 1024;

  private final WorkOrders workOrders;
  private final ConsoleWorkOrders console;

  HotlineRoutes(WorkOrders workOrders) {
    this.workOrders = workOrders;
    this.console = new ConsoleWorkOrders(workOrders);
  }

  @Override
  public void accept(Router router) {
    router.post(CALLBACK_PATH).handler(BodyHandler.create(false).setBodyLimit(CALLBACK_MAX_BYTES)).handler(this::callback);
    router.get("/api/v1/console/conversations/:id/work-orders").handler(ctx -> console.prefill(ctx, operator(ctx)));
    router.post("/api/v1/console/conversations/:id/work-orders").handler(ctx -> console.file(ctx, operator(ctx)));
    router.get("/api/v1/console/work-orders/:orderId").handler(ctx -> console.details(ctx, operator(ctx)));
    router.post("/api/v1/console/work-orders/:orderId/three-way-call").handler(ctx -> console.threeWayCall(ctx, operator(ctx)));
    router.get("/api/v1/console/admin/work-orders/dead-letters").handler(this::deadLetters);
    router.post("/api/v1/console/admin/work-orders/dead-letters/:rowId/retry").handler(this::retryDeadLetter);
  }

  private static Operator operator(RoutingContext ctx) {
    return ConsoleAuth.operator(ctx);
  }

  private void callback(RoutingContext ctx) {
    String secret = workOrders.settings().callbackSecret();
    if (secret.isEmpty()) throw new HttpError(503, "callbacks_disabled", "BANBAN_HOTLINE_CALLBACK_SECRET is not configured");
    Buffer body = ctx.body().buffer() == null ? Buffer.buffer() : ctx.body().buffer();
    if (!HotlineSignature.verify(secret, ctx.request().getHeader(HotlineSignature.TIMESTAMP_HEADER),
        ctx.request().getHeader(HotlineSignature.SIGNATURE_HEADER), body, Instant.now(), HotlineSignature.DEFAULT_TOLERANCE)) {
      throw new HttpError(401, "bad_signature", "The callback signature is missing, wrong or too old");
    }
    JsonObject json;
    try {
      json = body.toJsonObject();
    } catch (RuntimeException e) {
      throw HttpError.badRequest("The callback body is not a JSON object");
    }
    workOrders.service().callback(Callback.parse(json))
        .onSuccess(r -> ctx.json(r))
        .onFailure(ctx::fail);
  }

  private void deadLetters(RoutingContext ctx) {
    ConsoleAuth.admin(ctx);
    workOrders.service().outbox().deadLetters()
        .compose(list -> workOrders.service().outbox().counts().map(counts -> new JsonObject().put("deadLetters", list).put("outbox", counts)))
        .onSuccess(ctx::json).onFailure(ctx::fail);
  }

  private void retryDeadLetter(RoutingContext ctx) {
    ConsoleAuth.admin(ctx);
    long id;
    try {
      id = Long.parseLong(ctx.pathParam("rowId"));
    } catch (NumberFormatException e) {
      throw HttpError.badRequest("rowId must be a number");
    }
    workOrders.service().outbox().requeue(id).onSuccess(ok -> {
      if (!ok) {
        ctx.fail(HttpError.notFound("No dead letter " + id));
      } else {
        ctx.json(new JsonObject().put("id", id).put("state", "pending"));
      }
    }).onFailure(ctx::fail);
  }

  static UUID uuid(RoutingContext ctx, String param) {
    try {
      return UUID.fromString(ctx.pathParam(param));
    } catch (IllegalArgumentException e) {
      throw HttpError.notFound("No such " + param);
    }
  }
}
