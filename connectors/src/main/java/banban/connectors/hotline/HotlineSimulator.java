package banban.connectors.hotline;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A 12345 platform for tests and demos. It accepts orders per the protocol (one order per idempotency
 * key; a repeated key gets the first acknowledgement again), moves each order through the lifecycle on
 * a timer and calls banban back with signed callbacks. {@code GET /_sim/orders} shows what it received,
 * with the number of deliveries per key. Its state lives in memory and survives {@link #stop()} and
 * {@link #start()}, so tests can simulate an outage.
 */
public final class HotlineSimulator {
  private static final Logger log = LoggerFactory.getLogger(HotlineSimulator.class);
  private static final String[] LIFECYCLE = {"dispatched", "in_progress", "replied", "closed", "visited"};

  /** port 0 = any; stepMs 0 = orders stay accepted; callbackUrl null = no callbacks. */
  public record Options(int port, String secret, String callbackUrl, String callbackSecret, long stepMs) {}

  private final Vertx vertx;
  private final Options options;
  private final SimCallbacks callbacks;
  private final Map<String, JsonObject> orders = new LinkedHashMap<>();
  private final Map<String, JsonObject> calls = new LinkedHashMap<>();
  private final java.util.List<Runnable> held = new java.util.ArrayList<>();
  private HttpServer server;
  private int port;
  private int sequence;
  private boolean refuse;
  private boolean hold;
  private boolean advance;

  public HotlineSimulator(Vertx vertx, Options options) {
    this.vertx = vertx;
    this.options = options;
    this.port = options.port();
    this.callbacks = new SimCallbacks(vertx, options.callbackUrl(), options.callbackSecret());
    this.advance = options.stepMs() > 0;
  }

  /** Where callbacks go, when the gateway's port is known only after the simulator started. */
  public void callbackTo(String url) {
    callbacks.target(url);
  }

  /** Whether orders received from now on move through the lifecycle on the timer (needs stepMs > 0). */
  public synchronized void advanceOrders(boolean on) {
    advance = on && options.stepMs() > 0;
  }

  /** Listens (again) on the same port as before, with the orders received so far. */
  public synchronized Future<Integer> start() {
    Router router = Router.router(vertx);
    router.post().handler(BodyHandler.create(false).setBodyLimit(1 << 20));
    router.post("/orders").handler(this::receiveOrder);
    router.post("/three-way-calls").handler(this::receiveCall);
    router.get("/_sim/orders").handler(this::list);
    return vertx.createHttpServer().requestHandler(router).listen(port).map(s -> {
      synchronized (this) {
        server = s;
        port = s.actualPort();
      }
      log.info("12345 simulator listening on port {}", port);
      return port;
    });
  }

  public synchronized Future<Void> stop() {
    HttpServer s = server;
    server = null;
    return s == null ? Future.succeededFuture() : s.close();
  }

  public synchronized int port() {
    return port;
  }

  /** Fault injection: answer every new order with 422, as a platform refusing its content would. */
  public synchronized void refuseOrders(boolean on) {
    refuse = on;
  }

  /**
   * Fault injection: record orders but hold back the acknowledgements until {@link #releaseHeld()}, so a
   * test can stop the gateway after the platform accepted an order and before banban heard about it.
   */
  public synchronized void holdAcknowledgements(boolean on) {
    hold = on;
  }

  public void releaseHeld() {
    java.util.List<Runnable> todo;
    synchronized (this) {
      todo = java.util.List.copyOf(held);
      held.clear();
      hold = false;
    }
    todo.forEach(Runnable::run);
  }

  /** What {@code GET /_sim/orders} returns. */
  public synchronized JsonObject snapshot() {
    JsonArray list = new JsonArray();
    orders.values().forEach(o -> list.add(o.copy()));
    JsonArray callList = new JsonArray();
    calls.values().forEach(c -> callList.add(c.copy()));
    return new JsonObject().put("orders", list).put("threeWayCalls", callList);
  }

  private boolean signed(RoutingContext ctx) {
    boolean ok = HotlineSignature.verify(options.secret(), ctx.request().getHeader(HotlineSignature.TIMESTAMP_HEADER),
        ctx.request().getHeader(HotlineSignature.SIGNATURE_HEADER), body(ctx), Instant.now(),
        HotlineSignature.DEFAULT_TOLERANCE);
    if (!ok) reply(ctx, 401, new JsonObject().put("error", "bad signature"));
    return ok;
  }

  private void receiveOrder(RoutingContext ctx) {
    if (!signed(ctx)) return;
    String key = ctx.request().getHeader(HotlineSignature.IDEMPOTENCY_HEADER);
    JsonObject order = json(ctx);
    if (key == null || key.isBlank() || order == null || order.getString("reference") == null
        || order.getString("title") == null || order.getString("citizenText") == null) {
      reply(ctx, 400, new JsonObject().put("error", "Idempotency-Key, reference, title and citizenText are required"));
      return;
    }
    JsonObject ack;
    boolean fresh;
    synchronized (this) {
      if (refuse) {
        reply(ctx, 422, new JsonObject().put("error", "rejected by the platform"));
        return;
      }
      JsonObject known = orders.get(key);
      fresh = known == null;
      if (fresh) {
        String no = String.format("12345-%d-%06d", java.time.Year.now().getValue(), ++sequence);
        known = new JsonObject().put("idempotencyKey", key).put("platformNo", no)
            .put("reference", order.getString("reference")).put("title", order.getString("title"))
            .put("department", order.getString("department")).put("status", "accepted").put("deliveries", 0)
            .put("hasPhone", order.getString("phone") != null);
        orders.put(key, known);
      }
      known.put("deliveries", known.getInteger("deliveries") + 1);
      ack = new JsonObject().put("platformNo", known.getString("platformNo")).put("status", "accepted");
    }
    boolean moves;
    synchronized (this) {
      moves = fresh && advance;
    }
    Runnable answer = () -> {
      reply(ctx, fresh ? 201 : 200, ack);
      if (moves) advanceLater(key, 0);
    };
    synchronized (this) {
      if (hold) {
        held.add(answer);
        return;
      }
    }
    answer.run();
  }

  private void receiveCall(RoutingContext ctx) {
    if (!signed(ctx)) return;
    String key = ctx.request().getHeader(HotlineSignature.IDEMPOTENCY_HEADER);
    JsonObject req = json(ctx);
    if (key == null || key.isBlank() || req == null || req.getString("platformNo") == null) {
      reply(ctx, 400, new JsonObject().put("error", "Idempotency-Key and platformNo are required"));
      return;
    }
    JsonObject ack;
    synchronized (this) {
      JsonObject call = calls.computeIfAbsent(key, k -> new JsonObject().put("idempotencyKey", k)
          .put("callId", "CALL-" + (calls.size() + 1)).put("platformNo", req.getString("platformNo"))
          .put("status", "requested").put("deliveries", 0));
      call.put("deliveries", call.getInteger("deliveries") + 1);
      ack = new JsonObject().put("callId", call.getString("callId")).put("status", "requested");
    }
    reply(ctx, 201, ack);
  }

  private void advanceLater(String key, int step) {
    if (step >= LIFECYCLE.length) return;
    vertx.setTimer(options.stepMs(), t -> {
      JsonObject event;
      synchronized (this) {
        JsonObject o = orders.get(key);
        o.put("status", LIFECYCLE[step]);
        event = new JsonObject().put("platformNo", o.getString("platformNo")).put("reference", o.getString("reference"))
            .put("status", LIFECYCLE[step]).put("note", SimCallbacks.note(LIFECYCLE[step], o.getString("department")));
        if ("visited".equals(LIFECYCLE[step])) event.put("satisfaction", "satisfied");
      }
      callbacks.send(event).onComplete(r -> advanceLater(key, step + 1));
    });
  }

  private void list(RoutingContext ctx) {
    reply(ctx, 200, snapshot());
  }

  private static Buffer body(RoutingContext ctx) {
    Buffer b = ctx.body().buffer();
    return b == null ? Buffer.buffer() : b;
  }

  private static JsonObject json(RoutingContext ctx) {
    try {
      return ctx.body().asJsonObject();
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static void reply(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
  }
}
