package banban.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import banban.gateway.Gateway;
import banban.gateway.TestGateways;
import banban.gateway.config.GatewayConfig;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console's clock with short timings (reminder 1 s, idle close 4 s), and the queue across a restart. */
class ConsoleSweepTest {
  @TempDir static Path dataDir;
  static Vertx vertx;
  static GatewayConfig config;
  static Gateway gateway;
  static WebClient client;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    config = ConsoleClient.config(dataDir, GatewayConfig.CONSOLE_REMINDER, "1", GatewayConfig.CONSOLE_IDLE_CLOSE, "4");
    gateway = Gateway.start(vertx, config).await(120, TimeUnit.SECONDS);
    client = WebClient.create(vertx);
  }

  @AfterAll
  static void stop() throws Exception {
    TestGateways.stop(vertx, gateway);
  }

  @Test
  @DisplayName("An operator who leaves a citizen waiting is reminded; a conversation idle too long is closed politely with a rating prompt")
  void reminderAndIdleClose() {
    ConsoleClient admin = ConsoleClient.of(vertx, client, gateway).loggedIn("admin", ConsoleClient.ADMIN_PASSWORD);
    admin.createOperator("slow.op", "慢坐席", 3);
    ConsoleClient op = ConsoleClient.of(vertx, client, gateway).loggedIn("slow.op", "slow.op-password").online();
    Citizen c = Citizen.open(vertx, client, gateway.port()).askForPerson();
    assertThat(op.post("/api/v1/console/conversations/" + c.id + "/accept", new JsonObject()).statusCode()).isEqualTo(200);
    c.say("请问还在吗？");

    JsonObject reminder = op.await(e -> "reminder".equals(e.getString("type")));
    assertThat(reminder.getString("conversationId")).isEqualTo(c.id);

    JsonObject closed = c.awaitMessage("system", "自动结束");
    assertThat(closed.getJsonObject("payload").getString("action")).isEqualTo("rate");
    assertThat(closed.getJsonObject("payload").getString("resolution")).isEqualTo("no_response");
    c.await(e -> "state".equals(e.getString("type")) && "closed".equals(e.getString("state")));
    assertThat(ConsoleQueueTestSupport.state(gateway, c.id)).isEqualTo("closed");
  }

  @Test
  @DisplayName("The queue survives a restart of the gateway, in the same order")
  void restartKeepsQueue() throws Exception {
    Citizen a = Citizen.open(vertx, client, gateway.port()).askForPerson();
    Citizen b = Citizen.open(vertx, client, gateway.port()).askForPerson();
    gateway.stop().await(60, TimeUnit.SECONDS);
    gateway = Gateway.start(vertx, config).await(120, TimeUnit.SECONDS);

    ConsoleClient admin = ConsoleClient.of(vertx, client, gateway).loggedIn("admin", ConsoleClient.ADMIN_PASSWORD);
    JsonArray queue = admin.get("/api/v1/console/queue").bodyAsJsonObject().getJsonArray("queue");
    assertThat(queue.stream().map(o -> ((JsonObject) o).getString("id")).filter(id -> id.equals(a.id) || id.equals(b.id)))
        .containsExactly(a.id, b.id);
  }
}
