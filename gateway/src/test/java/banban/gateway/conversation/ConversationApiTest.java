package banban.gateway.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import banban.gateway.Gateway;
import banban.gateway.TestGateways;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.sqlclient.Tuple;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The web channel and the conversation engine behind it, on a real gateway and database. */
class ConversationApiTest {
  @TempDir static Path dataDir;
  static Vertx vertx;
  static Gateway gateway;
  static WebClient client;

  record Conv(String id, String token) {}

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

  static HttpRequest<Buffer> req(io.vertx.core.http.HttpMethod method, String path, String token) {
    HttpRequest<Buffer> r = client.request(method, gateway.port(), "127.0.0.1", path);
    if (token != null) r.putHeader("Authorization", "Bearer " + token);
    return r;
  }

  static Conv open() {
    HttpResponse<Buffer> r = req(io.vertx.core.http.HttpMethod.POST, "/api/v1/conversations", null).sendJsonObject(new JsonObject()).await();
    assertThat(r.statusCode()).isEqualTo(201);
    JsonObject body = r.bodyAsJsonObject();
    assertThat(body.getString("state")).isEqualTo("bot");
    return new Conv(body.getString("id"), body.getString("token"));
  }

  static HttpResponse<Buffer> send(Conv c, JsonObject body) {
    return req(io.vertx.core.http.HttpMethod.POST, "/api/v1/conversations/" + c.id() + "/messages", c.token()).sendJsonObject(body).await();
  }

  static JsonArray say(Conv c, String text) {
    HttpResponse<Buffer> r = send(c, new JsonObject().put("text", text));
    assertThat(r.statusCode()).isEqualTo(201);
    return r.bodyAsJsonObject().getJsonArray("messages");
  }

  static JsonObject transcript(Conv c, long after) {
    HttpResponse<Buffer> r = req(io.vertx.core.http.HttpMethod.GET, "/api/v1/conversations/" + c.id() + "/messages?after=" + after, c.token()).send().await();
    assertThat(r.statusCode()).isEqualTo(200);
    return r.bodyAsJsonObject();
  }

  static long count(String sql, Object... params) {
    return gateway.pool().preparedQuery(sql).execute(Tuple.from(params)).await().iterator().next().getLong(0);
  }

  @Test
  @DisplayName("A new conversation starts with the bot's welcome, and a seed question gets its answer with the department as source")
  void askAndAnswer() {
    Conv c = open();
    JsonObject t = transcript(c, 0);
    assertThat(t.getString("state")).isEqualTo("bot");
    assertThat(t.getJsonArray("messages")).hasSize(1);
    assertThat(t.getJsonArray("messages").getJsonObject(0).getString("sender")).isEqualTo("bot");

    JsonArray msgs = say(c, "个体工商户营业执照怎么办理？");
    assertThat(msgs).hasSize(2);
    assertThat(msgs.getJsonObject(0).getString("sender")).isEqualTo("citizen");
    JsonObject bot = msgs.getJsonObject(1);
    assertThat(bot.getString("sender")).isEqualTo("bot");
    assertThat(bot.getJsonObject("payload").getString("faqId")).isEqualTo("biz-001");
    assertThat(bot.getJsonObject("payload").getString("department")).isEqualTo("区行政审批服务局");
    assertThat(bot.getJsonObject("payload").getBoolean("askFeedback")).isTrue();
  }

  @Test
  @DisplayName("Reading with after= returns only the later messages, in order, for a reconnecting widget")
  void reconnectAfter() {
    Conv c = open();
    long first = say(c, "你好").getJsonObject(1).getLong("id");
    say(c, "谢谢");
    JsonArray later = transcript(c, first).getJsonArray("messages");
    assertThat(later).hasSize(2);
    assertThat(later.getJsonObject(0).getLong("id")).isGreaterThan(first);
    assertThat(later.getJsonObject(0).getString("text")).isEqualTo("谢谢");
    assertThat(later.getJsonObject(1).getLong("id")).isGreaterThan(later.getJsonObject(0).getLong("id"));
    assertThat(transcript(c, 0).getJsonArray("messages")).hasSize(5);
  }

  @Test
  @DisplayName("A wrong token gets 403, an unknown id 404, and one citizen's token never opens another's conversation")
  void tokens() {
    Conv a = open();
    Conv b = open();
    say(a, "公积金怎么提取");
    String path = "/api/v1/conversations/" + a.id() + "/messages";
    assertThat(req(io.vertx.core.http.HttpMethod.GET, path, b.token()).send().await().statusCode()).isEqualTo(403);
    assertThat(req(io.vertx.core.http.HttpMethod.GET, path, null).send().await().statusCode()).isEqualTo(403);
    assertThat(req(io.vertx.core.http.HttpMethod.GET, path, "forged").send().await().statusCode()).isEqualTo(403);
    assertThat(req(io.vertx.core.http.HttpMethod.GET, "/api/v1/conversations/" + UUID.randomUUID() + "/messages", a.token()).send().await().statusCode()).isEqualTo(404);
    assertThat(req(io.vertx.core.http.HttpMethod.GET, "/api/v1/conversations/not-a-uuid/messages", a.token()).send().await().statusCode()).isEqualTo(404);
    HttpResponse<Buffer> crossPost = req(io.vertx.core.http.HttpMethod.POST, path, b.token()).sendJsonObject(new JsonObject().put("text", "偷看")).await();
    assertThat(crossPost.statusCode()).isEqualTo(403);
    assertThat(count("SELECT count(*) FROM message WHERE text = $1", "偷看")).isZero();
  }

  @Test
  @DisplayName("Malformed, empty and over-long messages get 400 and store nothing")
  void badMessages() {
    Conv c = open();
    long before = count("SELECT count(*) FROM message WHERE conversation_id = $1", UUID.fromString(c.id()));
    String path = "/api/v1/conversations/" + c.id() + "/messages";
    assertThat(req(io.vertx.core.http.HttpMethod.POST, path, c.token()).putHeader("Content-Type", "application/json")
        .sendBuffer(Buffer.buffer("{\"text\": ")).await().statusCode()).isEqualTo(400);
    assertThat(send(c, new JsonObject().put("text", "")).statusCode()).isEqualTo(400);
    assertThat(send(c, new JsonObject().put("text", "问".repeat(1001))).statusCode()).isEqualTo(400);
    assertThat(send(c, new JsonObject().put("text", "你好").put("faqId", 7)).statusCode()).isEqualTo(400);
    assertThat(count("SELECT count(*) FROM message WHERE conversation_id = $1", UUID.fromString(c.id()))).isEqualTo(before);
  }

  @Test
  @DisplayName("没用 offers a person and is recorded for the KB maintainers; feedback twice is refused")
  void notHelpful() {
    Conv c = open();
    JsonObject answer = say(c, "个体工商户营业执照怎么办理？").getJsonObject(1);
    String path = "/api/v1/conversations/" + c.id() + "/feedback";
    HttpResponse<Buffer> r = req(io.vertx.core.http.HttpMethod.POST, path, c.token())
        .sendJsonObject(new JsonObject().put("messageId", answer.getLong("id")).put("helpful", false)).await();
    assertThat(r.statusCode()).isEqualTo(201);
    JsonObject reply = r.bodyAsJsonObject().getJsonArray("messages").getJsonObject(0);
    assertThat(reply.getJsonObject("payload").getBoolean("offerHuman")).isTrue();
    assertThat(reply.getString("text")).contains("人工");
    assertThat(count("SELECT count(*) FROM unanswered_question WHERE conversation_id = $1 AND reason = 'not_helpful'", UUID.fromString(c.id()))).isEqualTo(1);
    HttpResponse<Buffer> again = req(io.vertx.core.http.HttpMethod.POST, path, c.token())
        .sendJsonObject(new JsonObject().put("messageId", answer.getLong("id")).put("helpful", true)).await();
    assertThat(again.statusCode()).isEqualTo(409);
    HttpResponse<Buffer> notAnswer = req(io.vertx.core.http.HttpMethod.POST, path, c.token())
        .sendJsonObject(new JsonObject().put("messageId", 1).put("helpful", true)).await();
    assertThat(notAnswer.statusCode()).isEqualTo(404);
  }

  @Test
  @DisplayName("Two questions the bot cannot answer in a row offer a person, and both are recorded as unanswered")
  void twoFallbacks() {
    Conv c = open();
    ConversationService unsure = new ConversationService(vertx, new ConversationStore(gateway.pool()), gateway.knowledge(),
        text -> Future.succeededFuture(new banban.kb.Decision(banban.kb.Decision.Action.FALLBACK, null, null, "抱歉，没有找到", null,
            0.05, java.util.List.of(), java.util.List.of())));
    JsonObject first = unsure.receive(banban.connectors.InboundMessage.text(c.id(), "web", "火星上的天气怎么查")).await().getJsonObject(1);
    JsonObject second = unsure.receive(banban.connectors.InboundMessage.text(c.id(), "web", "帮我订两张电影票")).await().getJsonObject(1);
    assertThat(first.getJsonObject("payload").getBoolean("offerHuman")).isFalse();
    assertThat(second.getJsonObject("payload").getBoolean("offerHuman")).isTrue();
    assertThat(second.getString("text")).contains("人工");
    assertThat(count("SELECT count(*) FROM unanswered_question WHERE conversation_id = $1 AND reason = 'fallback'", UUID.fromString(c.id()))).isEqualTo(2);
    // An answer in between resets the streak.
    say(c, "个体工商户营业执照怎么办理？");
    JsonObject third = unsure.receive(banban.connectors.InboundMessage.text(c.id(), "web", "还有一个问题")).await().getJsonObject(1);
    assertThat(third.getJsonObject("payload").getBoolean("offerHuman")).isFalse();
  }

  @Test
  @DisplayName("Asking for a person queues the conversation; after that the bot stays silent and the message waits for the operator")
  void handoffSilencesBot() {
    Conv c = open();
    HttpResponse<Buffer> r = req(io.vertx.core.http.HttpMethod.POST, "/api/v1/conversations/" + c.id() + "/handoff", c.token())
        .sendJsonObject(new JsonObject()).await();
    assertThat(r.statusCode()).isEqualTo(201);
    assertThat(r.bodyAsJsonObject().getString("state")).isEqualTo("queued");
    assertThat(r.bodyAsJsonObject().getInteger("queuePosition")).isPositive();
    JsonArray msgs = say(c, "个体工商户营业执照怎么办理？");
    assertThat(msgs).hasSize(1);
    assertThat(msgs.getJsonObject(0).getString("sender")).isEqualTo("citizen");
    assertThat(transcript(c, 0).getString("state")).isEqualTo("queued");
  }

  @Test
  @DisplayName("Typing 转人工 queues the conversation with a system message giving the place in the queue")
  void handoffByText() {
    Conv c = open();
    JsonArray msgs = say(c, "转人工");
    assertThat(msgs.getJsonObject(1).getJsonObject("payload").getString("action")).isEqualTo("handoff");
    assertThat(msgs.getJsonObject(msgs.size() - 1).getString("sender")).isEqualTo("system");
    assertThat(transcript(c, 0).getString("state")).isEqualTo("queued");
  }

  @Test
  @DisplayName("A closed conversation reopens with the bot when the citizen writes again")
  void closedReopens() {
    Conv c = open();
    gateway.pool().preparedQuery("UPDATE conversation SET state = 'closed' WHERE id = $1").execute(Tuple.of(UUID.fromString(c.id()))).await();
    JsonArray msgs = say(c, "个体工商户营业执照怎么办理？");
    assertThat(msgs).hasSize(2);
    assertThat(transcript(c, 0).getString("state")).isEqualTo("bot");
  }

  @Test
  @DisplayName("When the answer fails, the citizen's message is stored anyway and the citizen gets an apology")
  void messageStoredBeforeAnswer() {
    Conv c = open();
    ConversationService failing = new ConversationService(vertx, new ConversationStore(gateway.pool()), gateway.knowledge(),
        text -> Future.failedFuture(new IllegalStateException("index unavailable")));
    JsonArray msgs = failing.receive(banban.connectors.InboundMessage.text(c.id(), "web", "公积金贷款额度怎么算")).await();
    assertThat(msgs.getJsonObject(0).getString("sender")).isEqualTo("citizen");
    assertThat(msgs.getJsonObject(msgs.size() - 1).getString("sender")).isEqualTo("system");
    assertThat(count("SELECT count(*) FROM message WHERE conversation_id = $1 AND sender = 'citizen' AND text = $2",
        UUID.fromString(c.id()), "公积金贷款额度怎么算")).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM unanswered_question WHERE conversation_id = $1 AND reason = 'error'", UUID.fromString(c.id()))).isEqualTo(1);
  }

  @Test
  @DisplayName("The WebSocket stream pushes the bot's reply; a wrong token cannot open it")
  void stream() throws Exception {
    Conv c = open();
    WebSocketClient ws = vertx.createWebSocketClient();
    CompletableFuture<JsonObject> botMessage = new CompletableFuture<>();
    var socket = ws.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(gateway.port())
        .setURI("/api/v1/conversations/" + c.id() + "/stream?token=" + c.token())).await();
    socket.textMessageHandler(t -> {
      JsonObject e = new JsonObject(t);
      if ("message".equals(e.getString("type")) && "bot".equals(e.getJsonObject("message").getString("sender"))) {
        botMessage.complete(e.getJsonObject("message"));
      }
    });
    say(c, "个体工商户营业执照怎么办理？");
    assertThat(botMessage.get(20, TimeUnit.SECONDS).getJsonObject("payload").getString("faqId")).isEqualTo("biz-001");
    socket.close().await();

    Throwable refused = ws.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(gateway.port())
        .setURI("/api/v1/conversations/" + c.id() + "/stream?token=wrong")).transform(Future::succeededFuture).await().cause();
    assertThat(refused).isNotNull();
    ws.close().await();
  }

  @Test
  @DisplayName("One address opening too many conversations gets 429 with Retry-After")
  void rateLimit() {
    WebClient other = WebClient.create(vertx, new WebClientOptions().setLocalAddress("127.0.0.7"));
    HttpResponse<Buffer> limited = null;
    for (int i = 0; i < 45 && limited == null; i++) {
      HttpResponse<Buffer> r = other.post(gateway.port(), "127.0.0.1", "/api/v1/conversations").sendJsonObject(new JsonObject()).await();
      if (r.statusCode() == 429) limited = r;
      else assertThat(r.statusCode()).isEqualTo(201);
    }
    assertThat(limited).isNotNull();
    assertThat(Integer.parseInt(limited.getHeader("Retry-After"))).isBetween(1, 60);
    assertThat(limited.bodyAsJsonObject().getJsonObject("error").getString("code")).isEqualTo("too_many_requests");
    // Other addresses are not affected.
    open();
  }
}
