package banban.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Row;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
class GatewayLifecycleTest {

  @Test
  @DisplayName("A gateway starts on an empty data directory, becomes ready, stops, and a second start finds the seed entries exactly once")
  void startStopRestart(Vertx vertx, @TempDir Path dataDir) throws Exception {
    WebClient client = WebClient.create(vertx);

    Gateway first = TestGateways.start(vertx, dataDir);
    HttpResponse<Buffer> live = client.get(first.port(), "127.0.0.1", "/health/live").send().await();
    assertThat(live.statusCode()).isEqualTo(200);
    assertThat(live.bodyAsJsonObject().getString("status")).isEqualTo("UP");

    HttpResponse<Buffer> ready = client.get(first.port(), "127.0.0.1", "/health/ready").send().await();
    assertThat(ready.statusCode()).isEqualTo(200);
    JsonObject checks = ready.bodyAsJsonObject().getJsonObject("checks");
    assertThat(checks.getJsonObject("database").getString("status")).isEqualTo("UP");
    assertThat(checks.getJsonObject("knowledgeBase").getString("status")).isEqualTo("UP");
    int seeded = countFaq(first);
    assertThat(seeded).isGreaterThan(200);
    first.stop().await(60, TimeUnit.SECONDS);

    Gateway second = TestGateways.start(vertx, dataDir);
    try {
      assertThat(countFaq(second)).isEqualTo(seeded);
      Row starts = second.pool().query("SELECT count(*) AS n FROM gateway_instance_start").execute().await().iterator().next();
      assertThat(starts.getLong("n")).isEqualTo(2L);
      HttpResponse<Buffer> ready2 = client.get(second.port(), "127.0.0.1", "/health/ready").send().await();
      assertThat(ready2.statusCode()).isEqualTo(200);
    } finally {
      second.stop().await(60, TimeUnit.SECONDS);
    }
  }

  private static int countFaq(Gateway g) {
    Row row = g.pool().query("SELECT count(*) AS n, count(DISTINCT id) AS d FROM faq").execute().await().iterator().next();
    assertThat(row.getLong("n")).isEqualTo(row.getLong("d"));
    return row.getLong("n").intValue();
  }
}
