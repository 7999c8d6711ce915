package banban.gateway.workorder;

import static org.assertj.core.api.Assertions.assertThat;

import banban.connectors.hotline.HotlineSignature;
import banban.gateway.config.GatewayConfig;
import banban.gateway.console.ConsoleAuth;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;

/** What the 12345 tests share: a gateway configured for a simulator, console login, signed callbacks, polling. */
final class HotlineFixture {
  static final String SECRET = "test-hotline-secret-0123";
  static final String CALLBACK_SECRET = "test-callback-secret-0123";
  static final String ADMIN_PASSWORD = "admin-password-for-tests";

  private HotlineFixture() {}

  static GatewayConfig config(Path dataDir, int simPort) throws Exception {
    Path train = Path.of(HotlineFixture.class.getResource("/workorder/routing-train.csv").toURI());
    return GatewayConfig.fromJson(GatewayConfig.defaults()
        .put(GatewayConfig.HTTP_PORT, "0")
        .put(GatewayConfig.HTTP_HOST, "127.0.0.1")
        .put(GatewayConfig.DATA_DIR, dataDir.toString())
        .put(GatewayConfig.HOTLINE_URL, "http://127.0.0.1:" + simPort)
        .put(GatewayConfig.HOTLINE_SECRET, SECRET)
        .put(GatewayConfig.HOTLINE_CALLBACK_SECRET, CALLBACK_SECRET)
        .put(GatewayConfig.HOTLINE_TIMEOUT_MS, "2000")
        .put(GatewayConfig.HOTLINE_RETRY_BASE_MS, "100")
        .put(GatewayConfig.HOTLINE_MAX_ATTEMPTS, "100")
        .put(GatewayConfig.PII_KEY, "test-pii-key")
        .put(GatewayConfig.ROUTING_DATA, train.toString())
        .put(GatewayConfig.ADMIN_PASSWORD, ADMIN_PASSWORD)
        .put(GatewayConfig.CONSOLE_BCRYPT_COST, "10"));
  }

  /** A logged-in console session. */
  record Session(WebClient client, int port, String cookie, String csrf) {
    HttpRequest<Buffer> request(HttpMethod method, String path) {
      HttpRequest<Buffer> r = client.request(method, port, "127.0.0.1", path).putHeader("Cookie", cookie);
      return method == HttpMethod.GET ? r : r.putHeader(ConsoleAuth.CSRF_HEADER, csrf);
    }
  }

  static Session login(WebClient client, int port) {
    HttpResponse<Buffer> r = client.post(port, "127.0.0.1", "/api/v1/console/login")
        .sendJsonObject(new JsonObject().put("username", "admin").put("password", ADMIN_PASSWORD)).await();
    assertThat(r.statusCode()).isEqualTo(200);
    String cookie = r.cookies().stream().filter(c -> c.startsWith(ConsoleAuth.COOKIE + "=")).findFirst().orElseThrow().split(";")[0];
    return new Session(client, port, cookie, r.bodyAsJsonObject().getString("csrfToken"));
  }

  /** Posts a callback signed with the given secret (null = unsigned). */
  static HttpResponse<Buffer> callback(WebClient client, int port, String secret, Buffer body) {
    HttpRequest<Buffer> r = client.post(port, "127.0.0.1", HotlineRoutes.CALLBACK_PATH).putHeader("Content-Type", "application/json");
    if (secret != null) {
      String ts = HotlineSignature.now();
      r.putHeader(HotlineSignature.TIMESTAMP_HEADER, ts).putHeader(HotlineSignature.SIGNATURE_HEADER, HotlineSignature.sign(secret, ts, body));
    }
    return r.sendBuffer(body).await();
  }

  /** Waits for an asynchronous effect, checking every 100 ms, and fails with the message after the deadline. */
  static void eventually(String what, Duration limit, Supplier<Boolean> check) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!check.get()) {
      if (System.nanoTime() > deadline) throw new AssertionError("Timed out waiting for: " + what);
      try {
        Thread.sleep(100); // polling interval of a deadline loop, not a wait for the effect itself
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
