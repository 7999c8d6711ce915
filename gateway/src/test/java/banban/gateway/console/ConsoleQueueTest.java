package banban.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import banban.gateway.Gateway;
import banban.gateway.TestGateways;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.sqlclient.Tuple;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The handoff queue, assignment and operator actions on a real gateway and database. */
class ConsoleQueueTest {
  @TempDir static Path dataDir;
  static Vertx vertx;
  static Gateway gateway;
  static WebClient client;
  static ConsoleClient admin;
  static int operators;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    gateway = Gateway.start(vertx, ConsoleClient.config(dataDir)).await(120, TimeUnit.SECONDS);
    client = WebClient.create(vertx);
    admin = ConsoleClient.of(vertx, client, gateway).loggedIn("admin", ConsoleClient.ADMIN_PASSWORD);
  }

  @AfterAll
  static void stop() throws Exception {
    TestGateways.stop(vertx, gateway);
  }

  /** Every test starts with an empty queue: whatever an earlier test left waiting is closed. */
  @BeforeEach
  void emptyQueue() {
    gateway.pool().query("UPDATE conversation SET state = 'closed' WHERE state IN ('queued', 'with_operator')").execute().await();
  }

  Citizen citizen() {
    return Citizen.open(vertx, client, gateway.port());
  }

  ConsoleClient operator(int capacity) {
    String name = "op" + (++operators);
    admin.createOperator(name, "客服" + operators, capacity);
    return ConsoleClient.of(vertx, client, gateway).loggedIn(name, name + "-password");
  }

  static List<String> ids(JsonArray items) {
    return items.stream().map(o -> ((JsonObject) o).getString("id")).toList();
  }

  @Test
  @DisplayName("The queue is oldest first, and each queued citizen is told their place and an estimated wait")
  void ordering() {
    Citizen a = citizen().askForPerson();
    Citizen b = citizen().askForPerson();
    Citizen c = citizen().askForPerson();
    ConsoleClient op = operator(3);
    JsonObject snapshot = op.get("/api/v1/console/queue").bodyAsJsonObject();
    assertThat(ids(snapshot.getJsonArray("queue"))).containsExactly(a.id, b.id, c.id);
    JsonObject third = c.await(e -> "state".equals(e.getString("type")) && e.getValue("estimatedWaitSeconds") != null);
    assertThat(third.getInteger("queuePosition")).isEqualTo(3);
    assertThat(third.getLong("estimatedWaitSeconds")).isPositive();
  }

  @Test
  @DisplayName("Away or offline operators cannot take conversations; an available online one can, and the queue moves up")
  void awayAndOffline() {
    Citizen a = citizen().askForPerson();
    Citizen b = citizen().askForPerson();
    ConsoleClient op = operator(3);
    HttpResponse<Buffer> offline = op.post("/api/v1/console/conversations/" + a.id + "/accept", new JsonObject());
    assertThat(offline.statusCode()).isEqualTo(409);
    op.online();
    assertThat(op.post("/api/v1/console/availability", new JsonObject().put("available", false)).statusCode()).isEqualTo(200);
    HttpResponse<Buffer> away = op.post("/api/v1/console/conversations/" + a.id + "/accept", new JsonObject());
    assertThat(away.statusCode()).isEqualTo(409);
    assertThat(away.bodyAsJsonObject().getJsonObject("error").getString("code")).isEqualTo("away");
    assertThat(state(a.id)).isEqualTo("queued");

    assertThat(op.post("/api/v1/console/availability", new JsonObject().put("available", true)).statusCode()).isEqualTo(200);
    assertThat(op.post("/api/v1/console/conversations/" + a.id + "/accept", new JsonObject()).statusCode()).isEqualTo(200);
    assertThat(state(a.id)).isEqualTo("with_operator");
    a.await(e -> "state".equals(e.getString("type")) && "with_operator".equals(e.getString("state")));
    b.await(e -> "state".equals(e.getString("type")) && Integer.valueOf(1).equals(e.getInteger("queuePosition")));
  }

  @Test
  @DisplayName("Two operators accepting the same conversation at the same moment: exactly one wins")
  void concurrentAccept() {
    for (int round = 0; round < 5; round++) {
      Citizen c = citizen().askForPerson();
      ConsoleClient x = operator(3).online();
      ConsoleClient y = operator(3).online();
      String path = "/api/v1/console/conversations/" + c.id + "/accept";
      Future<HttpResponse<Buffer>> fx = x.request(HttpMethod.POST, path).sendJsonObject(new JsonObject());
      Future<HttpResponse<Buffer>> fy = y.request(HttpMethod.POST, path).sendJsonObject(new JsonObject());
      Future.join(fx, fy).await();
      List<Integer> codes = List.of(fx.result().statusCode(), fy.result().statusCode());
      assertThat(codes).containsExactlyInAnyOrder(200, 409);
      String winner = fx.result().statusCode() == 200 ? x.operator.getLong("id").toString() : y.operator.getLong("id").toString();
      assertThat(column(c.id, "operator_id")).isEqualTo(winner);
      assertThat(count("SELECT count(*) FROM message WHERE conversation_id = $1 AND payload->>'action' = 'operator-joined'", c.id)).isEqualTo(1);
    }
  }

  @Test
  @DisplayName("An operator never holds more than their capacity; when a seat frees up the next citizen is offered at once")
  void capacity() {
    Citizen a = citizen().askForPerson();
    Citizen b = citizen().askForPerson();
    ConsoleClient op = operator(1).online();
    op.await(e -> "queue".equals(e.getString("type")) && a.id.equals(e.getString("offer")));
    assertThat(op.post("/api/v1/console/conversations/" + a.id + "/accept", new JsonObject()).statusCode()).isEqualTo(200);
    HttpResponse<Buffer> full = op.post("/api/v1/console/conversations/" + b.id + "/accept", new JsonObject());
    assertThat(full.statusCode()).isEqualTo(409);
    assertThat(full.bodyAsJsonObject().getJsonObject("error").getString("code")).isEqualTo("at_capacity");

    int before = op.events.size();
    assertThat(op.post("/api/v1/console/conversations/" + a.id + "/close", new JsonObject().put("resolution", "resolved")).statusCode())
        .isEqualTo(200);
    JsonObject offered = op.awaitAfter(before, e -> "queue".equals(e.getString("type")) && b.id.equals(e.getString("offer")));
    assertThat(ids(offered.getJsonArray("mine"))).isEmpty();
    assertThat(op.post("/api/v1/console/conversations/" + b.id + "/accept", new JsonObject()).statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("While an operator owns the conversation the bot is silent; replies reach the citizen and banban.outbound, the citizen's reach the console")
  void operatorOwnsConversation() {
    List<JsonObject> outbound = new CopyOnWriteArrayList<>();
    vertx.eventBus().<JsonObject>consumer(ConsoleEvents.OUTBOUND, m -> outbound.add(m.body()));
    Citizen c = citizen().askForPerson();
    ConsoleClient op = operator(3).online();
    assertThat(op.post("/api/v1/console/conversations/" + c.id + "/accept", new JsonObject()).statusCode()).isEqualTo(200);
    // The console follows a conversation from the push that lists it as the operator's.
    op.await(e -> "queue".equals(e.getString("type")) && ids(e.getJsonArray("mine")).contains(c.id));

    JsonArray stored = c.say("个体工商户营业执照怎么办理？");
    assertThat(stored).hasSize(1);
    assertThat(stored.getJsonObject(0).getString("sender")).isEqualTo("citizen");
    op.await(e -> "conversation".equals(e.getString("type")) && c.id.equals(e.getString("conversationId"))
        && "citizen".equals(e.getJsonObject("event").getJsonObject("message", new JsonObject()).getString("sender")));

    JsonArray suggestions = op.get("/api/v1/console/conversations/" + c.id + "/suggestions").bodyAsJsonObject().getJsonArray("suggestions");
    assertThat(suggestions).isNotEmpty();
    assertThat(suggestions.getJsonObject(0).getString("faqId")).isEqualTo("biz-001");

    HttpResponse<Buffer> reply = op.post("/api/v1/console/conversations/" + c.id + "/messages", new JsonObject().put("text", "您好，可以在线办理。"));
    assertThat(reply.statusCode()).isEqualTo(201);
    assertThat(c.awaitMessage("operator", "可以在线办理").getJsonObject("payload").getString("operatorName")).isEqualTo("客服" + operators);
    JsonObject out = ConsoleClient.awaitIn(outbound, e -> c.id.equals(e.getString("conversationId"))
        && "operator".equals(e.getJsonObject("message").getString("sender")));
    assertThat(out.getString("channel")).isEqualTo("web");
    assertThat(out.getString("citizenRef")).startsWith("web:");

    JsonObject transcript = op.get("/api/v1/console/conversations/" + c.id).bodyAsJsonObject();
    assertThat(transcript.getString("handoffReason")).isEqualTo("asked");
    assertThat(transcript.getJsonArray("messages").stream().map(o -> ((JsonObject) o).getString("sender")))
        .containsSubsequence("bot", "system", "system", "citizen", "operator");
  }

  @Test
  @DisplayName("Another operator cannot read or write a conversation someone else owns; bad input changes nothing")
  void visibilityAndBadInput() {
    Citizen c = citizen().askForPerson();
    ConsoleClient owner = operator(3).online();
    ConsoleClient other = operator(3).online();
    assertThat(other.get("/api/v1/console/conversations/" + c.id).statusCode()).isEqualTo(200);
    assertThat(owner.post("/api/v1/console/conversations/" + c.id + "/accept", new JsonObject()).statusCode()).isEqualTo(200);
    assertThat(other.get("/api/v1/console/conversations/" + c.id).statusCode()).isEqualTo(404);
    assertThat(other.post("/api/v1/console/conversations/" + c.id + "/messages", new JsonObject().put("text", "x")).statusCode()).isEqualTo(404);
    assertThat(other.post("/api/v1/console/conversations/" + c.id + "/close", new JsonObject().put("resolution", "resolved")).statusCode())
        .isEqualTo(404);
    assertThat(owner.post("/api/v1/console/conversations/" + c.id + "/close", new JsonObject().put("resolution", "done")).statusCode())
        .isEqualTo(400);
    assertThat(owner.post("/api/v1/console/conversations/" + c.id + "/messages", new JsonObject().put("text", "长".repeat(1001))).statusCode())
        .isEqualTo(400);
    assertThat(state(c.id)).isEqualTo("with_operator");
    assertThat(count("SELECT count(*) FROM message WHERE conversation_id = $1 AND sender = 'operator'", c.id)).isZero();
  }

  @Test
  @DisplayName("Closing asks the citizen for a rating, which is stored once with the conversation")
  void closeAndRate() {
    Citizen c = citizen().askForPerson();
    ConsoleClient op = operator(3).online();
    assertThat(c.post("rating", new JsonObject().put("rating", "satisfied")).statusCode()).isEqualTo(409);
    assertThat(op.post("/api/v1/console/conversations/" + c.id + "/accept", new JsonObject()).statusCode()).isEqualTo(200);
    assertThat(op.post("/api/v1/console/conversations/" + c.id + "/close", new JsonObject().put("resolution", "transferred")).statusCode())
        .isEqualTo(200);
    JsonObject ask = c.awaitMessage("system", "评价");
    assertThat(ask.getJsonObject("payload").getString("action")).isEqualTo("rate");
    assertThat(column(c.id, "closed_reason")).isEqualTo("transferred");

    assertThat(c.post("rating", new JsonObject().put("rating", "great")).statusCode()).isEqualTo(400);
    HttpResponse<Buffer> rated = c.post("rating", new JsonObject().put("rating", "basically_satisfied").put("comment", "回复很快"));
    assertThat(rated.statusCode()).isEqualTo(201);
    assertThat(c.post("rating", new JsonObject().put("rating", "dissatisfied")).statusCode()).isEqualTo(409);
    var row = gateway.pool().preparedQuery("SELECT rating, comment, operator_id FROM conversation_rating WHERE conversation_id = $1")
        .execute(Tuple.of(UUID.fromString(c.id))).await().iterator().next();
    assertThat(row.getString("rating")).isEqualTo("basically_satisfied");
    assertThat(row.getString("comment")).isEqualTo("回复很快");
    assertThat(row.getString("operator_id")).isEqualTo(op.operator.getLong("id").toString());
  }

  static String state(String id) {
    return column(id, "state");
  }

  static String column(String id, String column) {
    return gateway.pool().preparedQuery("SELECT " + column + " FROM conversation WHERE id = $1").execute(Tuple.of(UUID.fromString(id)))
        .await().iterator().next().getString(0);
  }

  static long count(String sql, String id) {
    return gateway.pool().preparedQuery(sql).execute(Tuple.of(UUID.fromString(id))).await().iterator().next().getLong(0);
  }
}
