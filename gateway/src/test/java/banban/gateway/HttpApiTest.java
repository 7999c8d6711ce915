package banban.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The HTTP surface of one running gateway: error envelope and the ask API. */
class HttpApiTest {
  @TempDir static Path dataDir;
  static Vertx vertx;
  static Gateway gateway;
  static WebClient client;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    gateway = TestGateways.start(vertx, dataDir);
    client = WebClient.create(vertx);
  }

  @AfterAll
  static void stop() throws Exception {
    TestGateways.stop(vertx, gateway);
  }

  private static HttpResponse<Buffer> post(String path, String contentType, String body) {
    var req = client.post(gateway.port(), "127.0.0.1", path);
    if (contentType != null) req.putHeader("Content-Type", contentType);
    return req.sendBuffer(Buffer.buffer(body)).await();
  }

  private static void assertEnvelope(HttpResponse<Buffer> r, int status, String code) {
    assertThat(r.statusCode()).isEqualTo(status);
    assertThat(r.getHeader("Content-Type")).startsWith("application/json");
    JsonObject error = r.bodyAsJsonObject().getJsonObject("error");
    assertThat(error.getString("code")).isEqualTo(code);
    assertThat(error.getString("message")).isNotBlank();
    assertThat(r.bodyAsString()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  @DisplayName("An unknown route gets a 404 JSON error envelope")
  void unknownRoute() {
    assertEnvelope(client.get(gateway.port(), "127.0.0.1", "/no/such/page").send().await(), 404, "not_found");
  }

  @Test
  @DisplayName("A wrong method on a known route gets a 405 envelope")
  void wrongMethod() {
    assertEnvelope(client.delete(gateway.port(), "127.0.0.1", "/api/v1/ask").send().await(), 405, "method_not_allowed");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "malformed JSON            | application/json | {\"text\": ",
      "JSON array                | application/json | [\"公积金\"]",
      "empty text                | application/json | {\"text\": \"\"}",
      "blank text                | application/json | {\"text\": \"   \"}",
      "text not a string         | application/json | {\"text\": 42}",
      "missing text              | application/json | {\"question\": \"公积金怎么提取\"}",
      "wrong content type        | text/plain       | {\"text\": \"公积金怎么提取\"}",
      "empty body                | application/json | ''"})
  @DisplayName("Bad ask requests get a 400 envelope")
  void badAsk(String name, String contentType, String body) {
    assertEnvelope(post("/api/v1/ask", contentType, body), 400, "bad_request");
  }

  @Test
  @DisplayName("Text over 1,000 characters gets a 400 envelope")
  void tooLong() {
    String text = "公".repeat(1001);
    assertEnvelope(post("/api/v1/ask", "application/json", new JsonObject().put("text", text).encode()), 400, "text_too_long");
  }

  @Test
  @DisplayName("A body over the size limit gets a 413 envelope")
  void tooLarge() {
    String text = "x".repeat(70_000);
    assertEnvelope(post("/api/v1/ask", "application/json", new JsonObject().put("text", text).encode()), 413, "payload_too_large");
  }

  @Test
  @DisplayName("A seed question is answered with its FAQ entry")
  void answersSeedQuestion() {
    HttpResponse<Buffer> r = post("/api/v1/ask", "application/json", new JsonObject().put("text", "个体工商户营业执照怎么办理？").encode());
    assertThat(r.statusCode()).isEqualTo(200);
    JsonObject d = r.bodyAsJsonObject();
    assertThat(d.getString("action")).isEqualTo("answer");
    assertThat(d.getString("faqId")).isEqualTo("biz-001");
    assertThat(d.getString("answer")).contains("个体工商户");
    assertThat(d.getDouble("confidence")).isBetween(0.0, 1.0);
  }

  @Test
  @DisplayName("An FAQ answer edited in PostgreSQL is what the running gateway answers next, without a restart")
  void faqEditPropagates() {
    gateway.pool().query("UPDATE faq SET answer = answer || '（2026年起办理时间调整，以窗口告知为准）' WHERE id = 'biz-001'").execute().await();
    long deadline = System.currentTimeMillis() + 15_000;
    String answer = "";
    while (System.currentTimeMillis() < deadline && !answer.contains("2026年起办理时间调整")) {
      answer = post("/api/v1/ask", "application/json", new JsonObject().put("text", "个体工商户营业执照怎么办理？").encode())
          .bodyAsJsonObject().getString("answer", "");
    }
    assertThat(answer).contains("2026年起办理时间调整");
  }
}
