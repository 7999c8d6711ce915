package banban.gateway.workorder;

import banban.connectors.hotline.HotlineAdapter;
import banban.connectors.hotline.HotlineException;
import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.CircuitBreakerOptions;
import io.vertx.circuitbreaker.CircuitBreakerState;
import io.vertx.circuitbreaker.OpenCircuitException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox to the 12345 platform. Each tick claims due rows under a lease and posts them
 * through a circuit breaker; a failure is retried after an exponentially growing delay with jitter
 * (so that a platform coming back is not hit by every order at once), and a refusal or too many
 * attempts makes the row a dead letter. Delivery is at least once; the idempotency key makes it
 * exactly once on the platform.
 */
public final class OutboxDispatcher {
  private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);
  static final long POLL_MS = 250;
  static final int BATCH = 20;
  static final long MAX_DELAY_MS = 3_600_000;

  private final Vertx vertx;
  private final WorkOrderService service;
  private final HotlineAdapter adapter;
  private final HotlineSettings settings;
  private final CircuitBreaker breaker;
  private long timer = -1;
  private boolean busy;
  private boolean stopped;

  public OutboxDispatcher(Vertx vertx, WorkOrderService service, HotlineAdapter adapter, HotlineSettings settings) {
    this.vertx = vertx;
    this.service = service;
    this.adapter = adapter;
    this.settings = settings;
    // Five failures in a row open the circuit for 30 s: while the platform is down nothing is claimed,
    // so attempts are not used up against a dead endpoint.
    this.breaker = CircuitBreaker.create("banban-12345", vertx, new CircuitBreakerOptions()
            .setMaxFailures(5).setTimeout(-1).setResetTimeout(Math.max(1000L, Math.min(30_000L, settings.retryBaseMs() * 5L))))
        .openHandler(v -> log.warn("12345 platform circuit opened after repeated failures"))
        .closeHandler(v -> log.info("12345 platform circuit closed"));
  }

  public void start() {
    timer = vertx.setPeriodic(POLL_MS, t -> tick());
  }

  public Future<Void> stop() {
    stopped = true;
    if (timer >= 0) vertx.cancelTimer(timer);
    breaker.close();
    return Future.succeededFuture();
  }

  public CircuitBreakerState circuit() {
    return breaker.state();
  }

  /** A lease long enough for one delivery, its database writes included. */
  long leaseMs() {
    return 2L * settings.timeoutMs() + 1000;
  }

  private void tick() {
    if (busy || stopped || breaker.state() == CircuitBreakerState.OPEN) return;
    busy = true;
    service.outbox().claim(BATCH, leaseMs())
        .compose(rows -> Future.join(rows.stream().map(this::deliver).toList()).map(rows.size()))
        .onComplete(r -> {
          busy = false;
          if (r.failed() && !stopped) log.warn("Outbox tick failed: {}", r.cause().getMessage());
          if (r.succeeded() && r.result() == BATCH) vertx.runOnContext(v -> tick());
        });
  }

  private Future<Void> deliver(OutboxStore.Claimed row) {
    return service.store().pool().withConnection(c -> service.store().phone(c, row.orderId()))
        .compose(phone -> {
          JsonObject body = row.payload().copy();
          phone.ifPresent(p -> body.put("submit".equals(row.kind()) ? "phone" : "citizenPhone", p));
          return breaker.<JsonObject>execute(p -> send(row, body).onComplete(p));
        })
        .compose(ack -> service.delivered(row, ack).onSuccess(v ->
            log.info("Outbox row {} ({} of order {}) delivered after {} attempts", row.id(), row.kind(),
                row.payload().getString("reference"), row.attempts())))
        .recover(e -> failed(row, e));
  }

  private Future<JsonObject> send(OutboxStore.Claimed row, JsonObject body) {
    return "submit".equals(row.kind()) ? adapter.submit(row.idempotencyKey(), body)
        : adapter.requestThreeWayCall(row.idempotencyKey(), body);
  }

  private Future<Void> failed(OutboxStore.Claimed row, Throwable e) {
    if (stopped) return Future.succeededFuture(); // the lease runs out; the next start tries again
    if (e instanceof OpenCircuitException) return service.outbox().release(row.id());
    String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    boolean permanent = e instanceof HotlineException h && !h.retryable();
    if (permanent || row.attempts() >= settings.maxAttempts()) {
      log.error("Outbox row {} of order {} is a dead letter after {} attempts: {}", row.id(),
          row.payload().getString("reference"), row.attempts(), reason);
      return service.outbox().dead(row.id(), reason);
    }
    long delay = backoff(settings.retryBaseMs(), row.attempts());
    log.warn("Outbox row {} of order {} failed (attempt {}): {}; next try in {} ms", row.id(),
        row.payload().getString("reference"), row.attempts(), reason, delay);
    return service.outbox().retryLater(row.id(), delay, reason);
  }

  /** base × 2^(attempt−1), capped, then "equal jitter": a random point in its upper half. */
  static long backoff(long baseMs, int attempt) {
    long d = Math.min(MAX_DELAY_MS, baseMs << Math.min(30, Math.max(0, attempt - 1)));
    return d / 2 + ThreadLocalRandom.current().nextLong(d / 2 + 1);
  }
}
