package banban.gateway.workorder;

import static banban.gateway.workorder.HotlineFixture.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import banban.connectors.hotline.HotlineSimulator;
import banban.gateway.Gateway;
import banban.gateway.TestGateways;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No order lost and none delivered twice: platform outages, a gateway stopped mid-delivery, permanent refusals. */
class WorkOrderFaultTest {
  @TempDir Path dataDir;
  Vertx vertx;
  HotlineSimulator sim;
  Gateway gateway;
  WebClient client;
  int simPort;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    client = WebClient.create(vertx);
    sim = new HotlineSimulator(vertx, new HotlineSimulator.Options(0, HotlineFixture.SECRET, null, null, 0));
    simPort = sim.start().await();
    gateway = startGateway();
  }

  Gateway startGateway() throws Exception {
    return Gateway.start(vertx, HotlineFixture.config(dataDir, simPort)).await(180, TimeUnit.SECONDS);
  }

  @AfterEach
  void stop() throws Exception {
    if (gateway != null) TestGateways.stop(vertx, gateway);
  }

  String file(int i) {
    return gateway.workOrders().service().file(WorkOrderFlowTest.newOrder("第" + i + "个工单：道路破损")).await().reference();
  }

  JsonObject outbox() {
    return gateway.workOrders().service().outbox().counts().await();
  }

  long accepted() {
    return gateway.pool().query("SELECT count(*) FROM work_order WHERE status = 'accepted' AND platform_no IS NOT NULL").execute().await()
        .iterator().next().getLong(0);
  }

  JsonArray simOrders() {
    return sim.snapshot().getJsonArray("orders");
  }

  @Test
  @DisplayName("Orders filed while the platform is down are each delivered exactly once after it comes back")
  void platformOutage() {
    sim.stop().await();
    List<String> refs = IntStream.rangeClosed(1, 5).mapToObj(this::file).toList();
    // Every order tried, then retried while the platform stays down. With the circuit open only one
    // probe goes out per reset interval and which order it carries is a race, so the test asks for
    // twice as many attempts as orders, not for two attempts of each order.
    eventually("every order tried and retries under way", Duration.ofSeconds(30), () -> {
      io.vertx.sqlclient.Row r = gateway.pool().query("SELECT min(attempts), sum(attempts) FROM work_order_outbox")
          .execute().await().iterator().next();
      return r.getInteger(0) >= 1 && r.getLong(1) >= 10;
    });
    assertThat(outbox().getLong("pending")).isEqualTo(5);
    assertThat(outbox().getLong("dead")).isZero();

    sim.start().await();
    eventually("all five delivered", Duration.ofSeconds(60), () -> outbox().getLong("delivered") == 5);
    eventually("all five accepted", Duration.ofSeconds(10), () -> accepted() == 5);
    JsonArray orders = simOrders();
    assertThat(orders).hasSize(5);
    Set<String> platformNos = new HashSet<>();
    for (Object o : orders) {
      JsonObject order = (JsonObject) o;
      assertThat(order.getInteger("deliveries")).as(order.encode()).isEqualTo(1);
      assertThat(refs).contains(order.getString("reference"));
      platformNos.add(order.getString("platformNo"));
    }
    assertThat(platformNos).hasSize(5);
  }

  @Test
  @DisplayName("A gateway stopped after the platform took an order but before it heard back re-delivers it after restart: one order on the platform")
  void gatewayStoppedMidDelivery() throws Exception {
    sim.holdAcknowledgements(true);
    String ref = file(1);
    eventually("the platform received the order", Duration.ofSeconds(30), () -> simOrders().size() == 1);
    gateway.stop().await(60, TimeUnit.SECONDS);
    gateway = null;
    sim.releaseHeld(); // the acknowledgement reaches a gateway that is gone

    gateway = startGateway();
    eventually("the restarted gateway delivered the order", Duration.ofSeconds(60), () -> accepted() == 1);
    JsonArray orders = simOrders();
    assertThat(orders).hasSize(1);
    assertThat(orders.getJsonObject(0).getString("reference")).isEqualTo(ref);
    assertThat(orders.getJsonObject(0).getInteger("deliveries")).isEqualTo(2);
    String platformNo = gateway.pool().query("SELECT platform_no FROM work_order").execute().await().iterator().next().getString(0);
    assertThat(platformNo).isEqualTo(orders.getJsonObject(0).getString("platformNo"));
    long acceptedEvents = gateway.pool().query("SELECT count(*) FROM work_order_event WHERE to_status = 'accepted'").execute().await()
        .iterator().next().getLong(0);
    assertThat(acceptedEvents).isEqualTo(1);
    assertThat(outbox().getLong("delivered")).isEqualTo(1);
  }

  @Test
  @DisplayName("An order the platform refuses becomes a dead letter with the reason, visible to administrators only, and can be retried")
  void deadLetters() {
    sim.refuseOrders(true);
    String ref = file(1);
    eventually("dead letter", Duration.ofSeconds(30), () -> outbox().getLong("dead") == 1);
    HotlineFixture.Session admin = HotlineFixture.login(client, gateway.port());
    HttpResponse<Buffer> r = admin.request(HttpMethod.GET, "/api/v1/console/admin/work-orders/dead-letters").send().await();
    assertThat(r.statusCode()).isEqualTo(200);
    JsonObject dead = r.bodyAsJsonObject().getJsonArray("deadLetters").getJsonObject(0);
    assertThat(dead.getString("reference")).isEqualTo(ref);
    assertThat(dead.getString("reason")).contains("422");
    assertThat(dead.getInteger("attempts")).isEqualTo(1);
    assertThat(client.get(gateway.port(), "127.0.0.1", "/api/v1/console/admin/work-orders/dead-letters").send().await().statusCode())
        .isEqualTo(401);

    sim.refuseOrders(false);
    HttpResponse<Buffer> retry = admin.request(HttpMethod.POST,
        "/api/v1/console/admin/work-orders/dead-letters/" + dead.getLong("id") + "/retry").send().await();
    assertThat(retry.statusCode()).isEqualTo(200);
    eventually("delivered after the retry", Duration.ofSeconds(30), () -> accepted() == 1);
    assertThat(admin.request(HttpMethod.POST, "/api/v1/console/admin/work-orders/dead-letters/" + dead.getLong("id") + "/retry")
        .send().await().statusCode()).isEqualTo(404);
  }
}
