package banban.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import banban.gateway.Gateway;
import banban.gateway.TestGateways;
import banban.gateway.config.GatewayConfig;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.sqlclient.Tuple;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.bcrypt.BCrypt;

/** Console accounts, sessions, CSRF and roles on a real gateway and database. */
class ConsoleAuthTest {
  @TempDir static Path dataDir;
  static Vertx vertx;
  static Gateway gateway;
  static WebClient client;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    gateway = Gateway.start(vertx, ConsoleClient.config(dataDir, GatewayConfig.CONSOLE_LOGIN_RATE, "5"))
        .await(120, TimeUnit.SECONDS);
    client = WebClient.create(vertx, new WebClientOptions().setFollowRedirects(false));
  }

  @AfterAll
  static void stop() throws Exception {
    TestGateways.stop(vertx, gateway);
  }

  ConsoleClient console() {
    return ConsoleClient.of(vertx, client, gateway);
  }

  ConsoleClient admin() {
    return console().loggedIn("admin", ConsoleClient.ADMIN_PASSWORD);
  }

  @Test
  @DisplayName("The first administrator logs in with the configured password; the cookie is HttpOnly and SameSite=Strict, Secure only behind TLS")
  void loginCookie() {
    HttpResponse<Buffer> r = client.post(gateway.port(), "127.0.0.1", "/api/v1/console/login")
        .sendJsonObject(new JsonObject().put("username", "admin").put("password", ConsoleClient.ADMIN_PASSWORD)).await();
    assertThat(r.statusCode()).isEqualTo(200);
    String cookie = r.cookies().get(0);
    assertThat(cookie).startsWith("banban_console=").containsIgnoringCase("HttpOnly").contains("SameSite=Strict").doesNotContain("Secure");
    assertThat(r.bodyAsJsonObject().getJsonObject("operator").getString("role")).isEqualTo("admin");
    assertThat(r.bodyAsJsonObject().getString("csrfToken")).hasSizeGreaterThan(30);

    HttpResponse<Buffer> tls = client.post(gateway.port(), "127.0.0.1", "/api/v1/console/login").putHeader("X-Forwarded-Proto", "https")
        .sendJsonObject(new JsonObject().put("username", "admin").put("password", ConsoleClient.ADMIN_PASSWORD)).await();
    assertThat(tls.cookies().get(0)).contains("Secure");
  }

  @Test
  @DisplayName("Passwords are stored as bcrypt hashes that verify, never as the password")
  void hashing() {
    admin().createOperator("hash.check", "李四", 3);
    String hash = gateway.pool().preparedQuery("SELECT password_hash FROM operator WHERE username = $1")
        .execute(Tuple.of("hash.check")).await().iterator().next().getString(0);
    assertThat(hash).startsWith("$2").doesNotContain("hash.check-password");
    assertThat(BCrypt.checkpw("hash.check-password", hash)).isTrue();
    assertThat(BCrypt.checkpw("hash.check-passwore", hash)).isFalse();
  }

  @Test
  @DisplayName("A wrong password and an unknown user get the same 401 answer")
  void sameAnswer() {
    HttpResponse<Buffer> wrong = console().login("admin", "not-the-password");
    HttpResponse<Buffer> unknown = console().login("nobody.here", "not-the-password");
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(unknown.statusCode()).isEqualTo(401);
    assertThat(wrong.bodyAsString()).isEqualTo(unknown.bodyAsString());
    assertThat(wrong.cookies()).isEmpty();
  }

  @Test
  @DisplayName("A state-changing request without the CSRF token, or with a wrong one, is refused and changes nothing")
  void csrf() {
    ConsoleClient admin = admin();
    HttpResponse<Buffer> none = client.post(gateway.port(), "127.0.0.1", "/api/v1/console/availability").putHeader("Cookie", admin.cookie)
        .sendJsonObject(new JsonObject().put("available", true)).await();
    assertThat(none.statusCode()).isEqualTo(403);
    assertThat(none.bodyAsJsonObject().getJsonObject("error").getString("code")).isEqualTo("csrf");
    HttpResponse<Buffer> wrong = client.post(gateway.port(), "127.0.0.1", "/api/v1/console/canned-replies").putHeader("Cookie", admin.cookie)
        .putHeader(ConsoleAuth.CSRF_HEADER, admin.csrf + "x").sendJsonObject(new JsonObject().put("title", "t").put("text", "x")).await();
    assertThat(wrong.statusCode()).isEqualTo(403);
    assertThat(admin.get("/api/v1/console/canned-replies").bodyAsJsonObject().getJsonArray("replies")).isEmpty();

    assertThat(admin.post("/api/v1/console/canned-replies", new JsonObject().put("title", "问候").put("text", "您好，请问有什么可以帮您？"))
        .statusCode()).isEqualTo(201);
    assertThat(admin.get("/api/v1/console/canned-replies").bodyAsJsonObject().getJsonArray("replies")).hasSize(1);
  }

  @Test
  @DisplayName("Operators cannot manage accounts; a disabled operator cannot log in and loses their session")
  void roles() {
    ConsoleClient admin = admin();
    JsonObject op = admin.createOperator("role.check", "王五", 3);
    ConsoleClient operator = console().loggedIn("role.check", "role.check-password");
    assertThat(operator.get("/api/v1/console/operators").statusCode()).isEqualTo(403);
    HttpResponse<Buffer> create = operator.post("/api/v1/console/operators",
        new JsonObject().put("username", "sneaky").put("displayName", "x").put("password", "sneaky-password"));
    assertThat(create.statusCode()).isEqualTo(403);
    assertThat(operator.get("/api/v1/console/me").statusCode()).isEqualTo(200);

    assertThat(admin.post("/api/v1/console/operators/" + op.getLong("id") + "/disable", new JsonObject()).statusCode()).isEqualTo(200);
    assertThat(operator.get("/api/v1/console/me").statusCode()).isEqualTo(401);
    assertThat(console().login("role.check", "role.check-password").statusCode()).isEqualTo(401);
  }

  @Test
  @DisplayName("A citizen's conversation token opens no console API, and no cookie means 401")
  void citizenToken() {
    JsonObject conv = client.post(gateway.port(), "127.0.0.1", "/api/v1/conversations").sendJsonObject(new JsonObject()).await().bodyAsJsonObject();
    HttpResponse<Buffer> r = client.get(gateway.port(), "127.0.0.1", "/api/v1/console/conversations/" + conv.getString("id"))
        .putHeader("Authorization", "Bearer " + conv.getString("token")).send().await();
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(client.get(gateway.port(), "127.0.0.1", "/api/v1/console/queue").send().await().statusCode()).isEqualTo(401);
  }

  @Test
  @DisplayName("An expired session is refused; logging out ends the session at once")
  void expiryAndLogout() {
    ConsoleClient a = admin();
    assertThat(a.get("/api/v1/console/me").statusCode()).isEqualTo(200);
    gateway.pool().query("UPDATE console_session SET expires_at = now() - interval '1 second'").execute().await();
    assertThat(a.get("/api/v1/console/me").statusCode()).isEqualTo(401);

    ConsoleClient b = admin();
    assertThat(b.post("/api/v1/console/logout", new JsonObject()).statusCode()).isEqualTo(204);
    assertThat(b.get("/api/v1/console/me").statusCode()).isEqualTo(401);
  }

  @Test
  @DisplayName("After five failed attempts a minute for one user name, even the right password gets 429")
  void bruteForce() {
    admin().createOperator("brute.force", "赵六", 3);
    for (int i = 0; i < 5; i++) assertThat(console().login("brute.force", "guess-" + i).statusCode()).isEqualTo(401);
    HttpResponse<Buffer> r = console().login("brute.force", "brute.force-password");
    assertThat(r.statusCode()).isEqualTo(429);
    assertThat(r.getHeader("Retry-After")).isNotNull();
  }

  @Test
  @DisplayName("/console redirects to the console page, which is served with its login form")
  void page() {
    HttpResponse<Buffer> r = client.get(gateway.port(), "127.0.0.1", "/console").send().await();
    assertThat(r.statusCode()).isEqualTo(302);
    assertThat(r.getHeader("Location")).isEqualTo("/console/");
  }
}
