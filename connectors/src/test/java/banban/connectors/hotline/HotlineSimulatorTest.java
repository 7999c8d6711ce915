package banban.connectors.hotline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The simulator and the HTTP adapter against each other: the protocol's idempotency and signatures. */
class HotlineSimulatorTest {
  static final String SECRET = "simulator-secret-16";
  Vertx vertx;
  HotlineSimulator sim;
  HttpHotlineAdapter adapter;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    sim = new HotlineSimulator(vertx, new HotlineSimulator.Options(0, SECRET, null, null, 0));
    int port = sim.start().await();
    adapter = new HttpHotlineAdapter(vertx, "http://127.0.0.1:" + port, SECRET, 2000);
  }

  @AfterEach
  void stop() {
    vertx.close().await();
  }

  static JsonObject order(String ref) {
    return new JsonObject().put("reference", ref).put("title", "小区门口垃圾堆积").put("citizenText", "垃圾三天没人清运");
  }

  @Test
  @DisplayName("A repeated idempotency key gets the first platform number again, and the simulator counts both deliveries of one order")
  void idempotent() {
    JsonObject first = adapter.submit("order-1", order("BB-2026-000001")).await();
    JsonObject again = adapter.submit("order-1", order("BB-2026-000001")).await();
    JsonObject other = adapter.submit("order-2", order("BB-2026-000002")).await();
    assertThat(again.getString("platformNo")).isEqualTo(first.getString("platformNo"));
    assertThat(other.getString("platformNo")).isNotEqualTo(first.getString("platformNo"));
    var orders = sim.snapshot().getJsonArray("orders");
    assertThat(orders).hasSize(2);
    assertThat(orders.getJsonObject(0).getInteger("deliveries")).isEqualTo(2);
    assertThat(orders.getJsonObject(1).getInteger("deliveries")).isEqualTo(1);
  }

  @Test
  @DisplayName("A request signed with the wrong secret is refused with 401 (not retryable) and records nothing")
  void wrongSecret() {
    HttpHotlineAdapter forger = new HttpHotlineAdapter(vertx, "http://127.0.0.1:" + sim.port(), "not-the-secret-16", 2000);
    assertThatThrownBy(() -> forger.submit("order-x", order("BB-2026-000009")).await())
        .isInstanceOfSatisfying(HotlineException.class, e -> assertThat(e.retryable()).isFalse());
    assertThat(sim.snapshot().getJsonArray("orders")).isEmpty();
  }

  @Test
  @DisplayName("While the platform is down the adapter fails with a retryable error; after a restart the same simulator keeps its orders")
  void outage() {
    adapter.submit("order-1", order("BB-2026-000001")).await();
    sim.stop().await();
    assertThatThrownBy(() -> adapter.submit("order-2", order("BB-2026-000002")).await())
        .isInstanceOfSatisfying(HotlineException.class, e -> assertThat(e.retryable()).isTrue());
    sim.start().await();
    adapter.submit("order-2", order("BB-2026-000002")).await();
    assertThat(sim.snapshot().getJsonArray("orders")).hasSize(2);
  }

  @Test
  @DisplayName("An order without its required fields is refused with 400 (not retryable)")
  void malformed() {
    assertThatThrownBy(() -> adapter.submit("order-1", new JsonObject().put("reference", "BB-1")).await())
        .isInstanceOfSatisfying(HotlineException.class, e -> {
          assertThat(e.retryable()).isFalse();
          assertThat(e.getMessage()).contains("400");
        });
  }

  @Test
  @DisplayName("A three-way call request is acknowledged with a call id, once per idempotency key")
  void threeWayCall() {
    JsonObject req = new JsonObject().put("platformNo", "12345-2026-000001").put("citizenPhone", "13800000000");
    JsonObject a = adapter.requestThreeWayCall("call-1", req).await();
    JsonObject b = adapter.requestThreeWayCall("call-1", req).await();
    assertThat(a.getString("callId")).isEqualTo(b.getString("callId")).startsWith("CALL-");
    assertThat(sim.snapshot().getJsonArray("threeWayCalls")).hasSize(1);
  }
}
