package banban.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import banban.gateway.Gateway;
import banban.gateway.config.GatewayConfig;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** A console user over HTTP, as the page talks to the gateway: session cookie, CSRF header, live socket. */
final class ConsoleClient {
  static final String ADMIN_PASSWORD = "first-admin-password";

  final Vertx vertx;
  final WebClient client;
  final int port;
  String cookie;
  String csrf;
  JsonObject operator;
  WebSocket socket;
  final List<JsonObject> events = new CopyOnWriteArrayList<>();

  ConsoleClient(Vertx vertx, WebClient client, int port) {
    this.vertx = vertx;
    this.client = client;
    this.port = port;
  }

  /** Test configuration: a known first admin, a cheap bcrypt cost, and whatever the test changes. */
  static GatewayConfig config(Path dataDir, String... keyValues) {
    JsonObject json = GatewayConfig.defaults()
        .put(GatewayConfig.HTTP_PORT, "0").put(GatewayConfig.HTTP_HOST, "127.0.0.1").put(GatewayConfig.DATA_DIR, dataDir.toString())
        .put(GatewayConfig.ADMIN_PASSWORD, ADMIN_PASSWORD).put(GatewayConfig.CONSOLE_BCRYPT_COST, "10");
    for (int i = 0; i < keyValues.length; i += 2) json.put(keyValues[i], keyValues[i + 1]);
    return GatewayConfig.fromJson(json);
  }

  static ConsoleClient of(Vertx vertx, WebClient client, Gateway g) {
    return new ConsoleClient(vertx, client, g.port());
  }

  HttpResponse<Buffer> login(String user, String password) {
    HttpResponse<Buffer> r = client.post(port, "127.0.0.1", "/api/v1/console/login")
        .sendJsonObject(new JsonObject().put("username", user).put("password", password)).await();
    if (r.statusCode() == 200) {
      cookie = r.cookies().stream().filter(c -> c.startsWith(ConsoleAuth.COOKIE + "=")).findFirst().orElseThrow().split(";")[0];
      csrf = r.bodyAsJsonObject().getString("csrfToken");
      operator = r.bodyAsJsonObject().getJsonObject("operator");
    }
    return r;
  }

  ConsoleClient loggedIn(String user, String password) {
    assertThat(login(user, password).statusCode()).isEqualTo(200);
    return this;
  }

  HttpRequest<Buffer> request(HttpMethod method, String path) {
    HttpRequest<Buffer> r = client.request(method, port, "127.0.0.1", path);
    if (cookie != null) r.putHeader("Cookie", cookie);
    if (csrf != null && method != HttpMethod.GET) r.putHeader(ConsoleAuth.CSRF_HEADER, csrf);
    return r;
  }

  HttpResponse<Buffer> get(String path) {
    return request(HttpMethod.GET, path).send().await();
  }

  HttpResponse<Buffer> post(String path, JsonObject body) {
    return request(HttpMethod.POST, path).sendJsonObject(body).await();
  }

  /** A new operator account, created by this (administrator) client. */
  JsonObject createOperator(String username, String name, int capacity) {
    HttpResponse<Buffer> r = post("/api/v1/console/operators", new JsonObject().put("username", username)
        .put("displayName", name).put("password", username + "-password").put("capacity", capacity));
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(201);
    return r.bodyAsJsonObject().getJsonObject("operator");
  }

  /** Opens the live socket (the operator is online from now on) and sets them available. */
  ConsoleClient online() {
    WebSocketConnectOptions o = new WebSocketConnectOptions().setPort(port).setHost("127.0.0.1")
        .setURI("/api/v1/console/stream").addHeader("Cookie", cookie);
    WebSocketClient ws = vertx.createWebSocketClient();
    // The handler is set on the event loop as the connection completes, so the first push is not missed.
    // A handshake that loses its connection is tried again, as the console page does: once in some
    // hundred connects on loopback the pooled connection was evicted mid-handshake.
    for (int attempt = 1; ; attempt++) {
      try {
        socket = ws.connect(o).onSuccess(s -> s.textMessageHandler(t -> events.add(new JsonObject(t))))
            .timeout(15, java.util.concurrent.TimeUnit.SECONDS).await();
        break;
      } catch (RuntimeException e) {
        if (attempt == 3 || !(e.getCause() instanceof io.netty.handler.codec.http.websocketx.WebSocketHandshakeException
            || e instanceof io.netty.handler.codec.http.websocketx.WebSocketHandshakeException)) throw e;
      }
    }
    await(e -> "queue".equals(e.getString("type")));
    assertThat(post("/api/v1/console/availability", new JsonObject().put("available", true)).statusCode()).isEqualTo(200);
    return this;
  }

  JsonObject await(Predicate<JsonObject> p) {
    return awaitIn(events, p);
  }

  /** The first event pushed after the first {@code skip} that matches, within 15 seconds. */
  JsonObject awaitAfter(int skip, Predicate<JsonObject> p) {
    return awaitIn(events, skip, p);
  }

  static JsonObject awaitIn(List<JsonObject> list, Predicate<JsonObject> p) {
    return awaitIn(list, 0, p);
  }

  /** Polls a list of pushed events until one matches, for at most 15 seconds. */
  static JsonObject awaitIn(List<JsonObject> list, int skip, Predicate<JsonObject> p) {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (System.nanoTime() < deadline) {
      List<JsonObject> now = List.copyOf(list);
      for (JsonObject e : now.subList(Math.min(skip, now.size()), now.size())) if (p.test(e)) return e;
      try {
        Thread.sleep(20); // polling interval of a deadline loop, not a wait for the effect itself
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
      }
    }
    throw new AssertionError("No matching event within 15 s; got " + list);
  }
}
