package banban.gateway.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import banban.gateway.Gateway;
import banban.gateway.config.GatewayConfig;
import banban.gateway.console.ConsoleAuth;
import banban.gateway.wechat.WechatPlayer.Mode;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.sqlclient.Tuple;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end through the operator console's own API: a WeChat follower asks for a person, an operator answers. */
class WechatConsoleTest {
  static final String ADMIN_PASSWORD = "wechat-admin-password";
  @TempDir static Path dataDir;
  static Vertx vertx;
  static WechatApiSimulator api;
  static Gateway gateway;
  static WebClient client;
  static String cookie;
  static String csrf;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    api = WechatApiSimulator.start(vertx);
    GatewayConfig config = GatewayConfig.fromJson(GatewayConfig.defaults()
        .put(GatewayConfig.HTTP_PORT, "0").put(GatewayConfig.HTTP_HOST, "127.0.0.1").put(GatewayConfig.DATA_DIR, dataDir.toString())
        .put(GatewayConfig.ADMIN_PASSWORD, ADMIN_PASSWORD).put(GatewayConfig.CONSOLE_BCRYPT_COST, "10")
        .put(GatewayConfig.WECHAT_ACCOUNTS, WechatGateways.accounts().encode()).put(GatewayConfig.WECHAT_API_BASE, api.base()));
    gateway = Gateway.start(vertx, config).await(120, TimeUnit.SECONDS);
    client = WebClient.create(vertx);
  }

  @AfterAll
  static void stop() throws Exception {
    gateway.stop().await();
    api.close();
    vertx.close().await();
  }

  static HttpResponse<Buffer> console(HttpMethod method, String path, JsonObject body) {
    var r = client.request(method, gateway.port(), "127.0.0.1", path);
    if (cookie != null) r.putHeader("Cookie", cookie);
    if (csrf != null) r.putHeader(ConsoleAuth.CSRF_HEADER, csrf);
    return (body == null ? r.send() : r.sendJsonObject(body)).await();
  }

  @Test
  @DisplayName("A follower's 转人工 reaches the console queue; the operator's reply through the console API reaches the follower")
  void operatorAnswersFollower() throws Exception {
    String openId = "o-console";
    WechatPlayer wechat = new WechatPlayer(client, gateway.port(), "district", WechatGateways.TOKEN, WechatGateways.APP_ID,
        WechatGateways.AES_KEY);
    assertThat(wechat.post(Mode.SAFE, WechatPlayer.text(openId, 42, "转人工")).content()).contains("人工客服");
    String conversation = gateway.pool().preparedQuery("SELECT id::text FROM conversation WHERE citizen_ref = $1")
        .execute(Tuple.of("district:" + openId)).await().iterator().next().getString(0);

    HttpResponse<Buffer> login = console(HttpMethod.POST, "/api/v1/console/login",
        new JsonObject().put("username", "admin").put("password", ADMIN_PASSWORD));
    assertThat(login.statusCode()).as(login.bodyAsString()).isEqualTo(200);
    cookie = login.cookies().stream().filter(c -> c.startsWith(ConsoleAuth.COOKIE + "=")).findFirst().orElseThrow().split(";")[0];
    csrf = login.bodyAsJsonObject().getString("csrfToken");
    // The live socket makes the operator online; then available, then the conversation can be taken.
    WebSocket socket = vertx.createWebSocketClient().connect(new WebSocketConnectOptions().setPort(gateway.port()).setHost("127.0.0.1")
        .setURI("/api/v1/console/stream").addHeader("Cookie", cookie)).await();
    assertThat(console(HttpMethod.POST, "/api/v1/console/availability", new JsonObject().put("available", true)).statusCode()).isEqualTo(200);
    HttpResponse<Buffer> accept = console(HttpMethod.POST, "/api/v1/console/conversations/" + conversation + "/accept", new JsonObject());
    assertThat(accept.statusCode()).as(accept.bodyAsString()).isEqualTo(200);
    HttpResponse<Buffer> reply = console(HttpMethod.POST, "/api/v1/console/conversations/" + conversation + "/messages",
        new JsonObject().put("text", "您好，我是工作人员，请讲。"));
    assertThat(reply.statusCode()).as(reply.bodyAsString()).isEqualTo(201);

    assertThat(api.await(openId, c -> c.equals("您好，我是工作人员，请讲。")).toUser()).isEqualTo(openId);
    assertThat(gateway.pool().preparedQuery("SELECT count(*) FROM wechat_delivery WHERE open_id = $1 AND status = 'sent'")
        .execute(Tuple.of(openId)).await().iterator().next().getLong(0)).isGreaterThanOrEqualTo(1);
    // The follower writes again while a person owns the conversation: stored, the bot stays silent.
    assertThat(wechat.post(Mode.SAFE, WechatPlayer.text(openId, 43, "好的，我想问公积金")).success()).isTrue();
    socket.close().await();
  }
}
