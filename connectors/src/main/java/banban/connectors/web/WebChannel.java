package banban.connectors.web;

import banban.connectors.ConversationPort;
import banban.connectors.InboundMessage;
import banban.connectors.http.HttpError;
import banban.connectors.http.JsonBodies;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.regex.Pattern;

/**
 * The website help box's channel: REST for creating conversations, sending and reading messages, and a
 * WebSocket that pushes what the bot and operators say. It checks the wire format, the citizen's token
 * and the rate limits; what a message means is the conversation service's business.
 */
public final class WebChannel {
  public static final String CHANNEL = "web";
  private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  private final Vertx vertx;
  private final ConversationPort conversations;
  private final RateLimiter creates;
  private final RateLimiter messages;

  public WebChannel(Vertx vertx, ConversationPort conversations, int createsPerMinute, int messagesPerMinute) {
    this.vertx = vertx;
    this.conversations = conversations;
    this.creates = new RateLimiter(createsPerMinute);
    this.messages = new RateLimiter(messagesPerMinute);
  }

  public void mount(Router router) {
    router.post("/api/v1/conversations").handler(this::open);
    router.get("/api/v1/conversations/:id/messages").handler(this::read);
    router.post("/api/v1/conversations/:id/messages").handler(this::send);
    router.post("/api/v1/conversations/:id/feedback").handler(this::feedback);
    router.post("/api/v1/conversations/:id/handoff").handler(this::handoff);
    router.post("/api/v1/conversations/:id/rating").handler(this::rate);
    router.get("/api/v1/conversations/:id/stream").handler(this::stream);
  }

  private void open(RoutingContext ctx) {
    limit(ctx, creates);
    JsonBodies.object(ctx);
    conversations.open(CHANNEL, "web:" + ctx.request().remoteAddress().host())
        .onSuccess(c -> ctx.response().setStatusCode(201).putHeader("Content-Type", "application/json; charset=utf-8").end(c.encode()))
        .onFailure(ctx::fail);
  }

  private void read(RoutingContext ctx) {
    String id = conversationId(ctx);
    long after = afterParam(ctx);
    conversations.authorize(id, bearer(ctx))
        .compose(v -> conversations.transcript(id, after))
        .onSuccess(ctx::json)
        .onFailure(ctx::fail);
  }

  private void send(RoutingContext ctx) {
    String id = conversationId(ctx);
    JsonObject body = JsonBodies.object(ctx);
    String text = JsonBodies.text(body, "text");
    String faqId = JsonBodies.optionalId(body, "faqId");
    limit(ctx, messages);
    conversations.authorize(id, bearer(ctx))
        .compose(v -> conversations.receive(new InboundMessage(id, CHANNEL, text, faqId, null)))
        .onSuccess(list -> created(ctx, new JsonObject().put("messages", list)))
        .onFailure(ctx::fail);
  }

  private void feedback(RoutingContext ctx) {
    String id = conversationId(ctx);
    JsonObject body = JsonBodies.object(ctx);
    if (!(body.getValue("messageId") instanceof Number n) || !(body.getValue("helpful") instanceof Boolean helpful)) {
      throw HttpError.badRequest("Fields 'messageId' (number) and 'helpful' (true or false) are required");
    }
    limit(ctx, messages);
    conversations.authorize(id, bearer(ctx))
        .compose(v -> conversations.feedback(id, n.longValue(), helpful))
        .onSuccess(list -> created(ctx, new JsonObject().put("messages", list)))
        .onFailure(ctx::fail);
  }

  private void handoff(RoutingContext ctx) {
    String id = conversationId(ctx);
    limit(ctx, messages);
    conversations.authorize(id, bearer(ctx))
        .compose(v -> conversations.requestHuman(id))
        .onSuccess(r -> created(ctx, r))
        .onFailure(ctx::fail);
  }

  private void rate(RoutingContext ctx) {
    String id = conversationId(ctx);
    JsonObject body = JsonBodies.object(ctx);
    if (!(body.getValue("rating") instanceof String rating)) throw HttpError.badRequest("Field 'rating' is required");
    Object comment = body.getValue("comment");
    if (comment != null && !(comment instanceof String)) throw HttpError.badRequest("Field 'comment' must be a string");
    String text = comment == null || ((String) comment).isBlank() ? null : JsonBodies.text(body, "comment");
    limit(ctx, messages);
    conversations.authorize(id, bearer(ctx))
        .compose(v -> conversations.rate(id, rating, text))
        .onSuccess(list -> created(ctx, new JsonObject().put("messages", list)))
        .onFailure(ctx::fail);
  }

  /** The live stream; browsers cannot set headers on a WebSocket, so the token comes as a parameter. */
  private void stream(RoutingContext ctx) {
    String id = conversationId(ctx);
    String token = ctx.request().getParam("token");
    ctx.request().pause();
    conversations.authorize(id, token == null ? "" : token)
        .compose(v -> ctx.request().toWebSocket())
        .onSuccess(ws -> pipe(id, ws))
        .onFailure(e -> {
          ctx.request().resume();
          ctx.fail(e);
        });
  }

  private void pipe(String id, ServerWebSocket ws) {
    MessageConsumer<JsonObject> consumer = vertx.eventBus().consumer(conversations.streamAddress(id), m -> {
      if (!ws.isClosed()) ws.writeTextMessage(m.body().encode());
    });
    ws.closeHandler(v -> consumer.unregister());
    ws.exceptionHandler(e -> consumer.unregister());
    // The only thing a help box sends on its stream is that the citizen is typing, which the operator's
    // console shows; anything else is ignored.
    ws.textMessageHandler(t -> {
      if (t.length() < 64 && t.contains("\"typing\"")) {
        vertx.eventBus().publish(conversations.streamAddress(id), new JsonObject().put("type", "typing").put("sender", "citizen"));
      }
    });
  }

  private static void created(RoutingContext ctx, JsonObject body) {
    ctx.response().setStatusCode(201).putHeader("Content-Type", "application/json; charset=utf-8").end(body.encode());
  }

  private static String conversationId(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    if (id == null || !UUID.matcher(id).matches()) throw HttpError.notFound("No such conversation");
    return id;
  }

  private static String bearer(RoutingContext ctx) {
    String h = ctx.request().getHeader("Authorization");
    if (h == null || !h.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw HttpError.forbidden("A conversation token is required (Authorization: Bearer <token>)");
    }
    return h.substring(7).strip();
  }

  private static long afterParam(RoutingContext ctx) {
    String after = ctx.request().getParam("after");
    if (after == null || after.isEmpty()) return 0;
    try {
      long v = Long.parseLong(after);
      if (v < 0) throw new NumberFormatException();
      return v;
    } catch (NumberFormatException e) {
      throw HttpError.badRequest("Parameter 'after' must be a message id (a whole number)");
    }
  }

  private static void limit(RoutingContext ctx, RateLimiter limiter) {
    long retryAfter = limiter.acquire(ctx.request().remoteAddress().host(), System.currentTimeMillis());
    if (retryAfter > 0) {
      ctx.response().putHeader("Retry-After", String.valueOf(retryAfter));
      throw new HttpError(429, "too_many_requests", "Too many requests from this address; retry in " + retryAfter + " s");
    }
  }
}
