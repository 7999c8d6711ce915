package banban.gateway.workorder;

import static banban.gateway.workorder.HotlineFixture.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import banban.connectors.hotline.HotlineSimulator;
import banban.gateway.Gateway;
import banban.gateway.TestGateways;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.sqlclient.Tuple;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Filing flows (a) conversation, (b) console, (c) no operator, end to end against the simulator. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkOrderFlowTest {
  static final String CITIZEN_PHONE = "13812341234";
  static final String CONSOLE_PHONE = "13900001111";
  @TempDir static Path dataDir;
  static Vertx vertx;
  static HotlineSimulator sim;
  static Gateway gateway;
  static WebClient client;
  static final ListAppender<ILoggingEvent> logs = new ListAppender<>();

  record Conv(String id, String token) {}

  @BeforeAll
  static void start() throws Exception {
    logs.start();
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logs);
    vertx = Vertx.vertx();
    sim = new HotlineSimulator(vertx, new HotlineSimulator.Options(0, HotlineFixture.SECRET, null, HotlineFixture.CALLBACK_SECRET, 150));
    int simPort = sim.start().await();
    gateway = Gateway.start(vertx, HotlineFixture.config(dataDir, simPort)).await(180, TimeUnit.SECONDS);
    sim.callbackTo("http://127.0.0.1:" + gateway.port() + HotlineRoutes.CALLBACK_PATH);
    client = WebClient.create(vertx);
  }

  @AfterAll
  static void stop() throws Exception {
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
    TestGateways.stop(vertx, gateway);
  }

  static Conv open() {
    JsonObject body = client.post(gateway.port(), "127.0.0.1", "/api/v1/conversations").sendJsonObject(new JsonObject()).await().bodyAsJsonObject();
    return new Conv(body.getString("id"), body.getString("token"));
  }

  static JsonObject say(Conv c, String text) {
    HttpResponse<Buffer> r = client.post(gateway.port(), "127.0.0.1", "/api/v1/conversations/" + c.id() + "/messages")
        .putHeader("Authorization", "Bearer " + c.token()).sendJsonObject(new JsonObject().put("text", text)).await();
    assertThat(r.statusCode()).isEqualTo(201);
    JsonArray msgs = r.bodyAsJsonObject().getJsonArray("messages");
    return msgs.getJsonObject(msgs.size() - 1);
  }

  static JsonObject transcript(Conv c) {
    return client.get(gateway.port(), "127.0.0.1", "/api/v1/conversations/" + c.id() + "/messages?after=0")
        .putHeader("Authorization", "Bearer " + c.token()).send().await().bodyAsJsonObject();
  }

  static boolean transcriptHas(Conv c, String fragment) {
    return transcript(c).getJsonArray("messages").stream().anyMatch(m -> ((JsonObject) m).getString("text").contains(fragment));
  }

  static JsonObject order(String reference) {
    return gateway.pool().preparedQuery("SELECT id, status, platform_no, phone_enc, phone_masked, department_suggested, consent"
            + " FROM work_order WHERE reference = $1").execute(Tuple.of(reference))
        .map(rs -> rs.size() == 0 ? null : rs.iterator().next().toJson()).await();
  }

  static JsonObject simOrder(String reference) {
    return sim.snapshot().getJsonArray("orders").stream().map(o -> (JsonObject) o)
        .filter(o -> reference.equals(o.getString("reference"))).findFirst().orElse(null);
  }

  @Test
  @Order(1)
  @DisplayName("(a) A complaint in the help box is drafted, shown, confirmed, filed, accepted, moved through the lifecycle with the citizen told, and queryable")
  void conversationFiling() {
    Conv c = open();
    JsonObject draft = say(c, "我要投诉，幸福小区3号楼门口的垃圾已经三天没人清运了，臭气熏天，请尽快派人处理！");
    assertThat(draft.getJsonObject("payload").getString("action")).isEqualTo("work_order_draft");
    assertThat(draft.getString("text")).contains("诉求类型：投诉").contains("地点：幸福小区3号楼").contains("回访的电话");
    String reference = draft.getJsonObject("payload").getString("reference");
    assertThat(order(reference).getString("status")).isEqualTo("draft");

    JsonObject consent = say(c, "我的电话是" + CITIZEN_PHONE);
    assertThat(consent.getString("text")).contains("138****1234").doesNotContain(CITIZEN_PHONE);
    JsonObject filed = say(c, "确认");
    assertThat(filed.getJsonObject("payload").getString("action")).isEqualTo("work_order_filed");
    assertThat(filed.getString("text")).contains(reference);
    assertThat(reference).matches("BB-\\d{4}-\\d{6}");
    assertThat(transcript(c).getString("state")).isEqualTo("ticketed");

    JsonObject stored = order(reference);
    assertThat(stored.getString("phone_masked")).isEqualTo("138****1234");
    assertThat(stored.getString("phone_enc")).doesNotContain(CITIZEN_PHONE);
    assertThat(stored.getString("department_suggested")).isEqualTo("区住房和城乡建设局");
    assertThat(stored.getBoolean("consent")).isTrue();

    eventually("the platform accepted the order and the citizen was told", Duration.ofSeconds(30),
        () -> transcriptHas(c, "已被12345热线受理"));
    eventually("the simulator moved the order to visited and called back", Duration.ofSeconds(30),
        () -> "visited".equals(order(reference).getString("status")));
    assertThat(simOrder(reference).getInteger("deliveries")).isEqualTo(1);
    assertThat(simOrder(reference).getBoolean("hasPhone")).isTrue();
    assertThat(transcriptHas(c, "已办结")).isTrue();
    long events = gateway.pool().preparedQuery("SELECT count(*) FROM work_order_event WHERE order_id = $1")
        .execute(Tuple.of(UUID.fromString(order(reference).getString("id")))).await().iterator().next().getLong(0);
    assertThat(events).isEqualTo(8); // drafted, submitted, accepted, dispatched, in_progress, replied, closed, visited

    JsonObject status = say(c, "我的工单进度");
    assertThat(status.getJsonObject("payload").getString("action")).isEqualTo("work_order_status");
    assertThat(status.getString("text")).contains(reference).contains("已回访");
  }

  @Test
  @Order(2)
  @DisplayName("(a) A citizen who cancels the draft files nothing; further words before the number are added to the draft")
  void cancelled() {
    Conv c = open();
    String reference = say(c, "我要举报有人在河边倾倒建筑垃圾，请你们去查一查").getJsonObject("payload").getString("reference");
    JsonObject added = say(c, "就在东湖公园北门附近");
    assertThat(added.getString("text")).contains("补充");
    JsonObject cancelled = say(c, "算了，取消吧");
    assertThat(cancelled.getString("text")).contains("已取消");
    assertThat(order(reference)).isNull();
    assertThat(transcript(c).getString("state")).isEqualTo("bot");
    assertThat(say(c, "我的工单进度").getString("text")).contains("没有提交过的工单");
  }

  static String consolePath(Conv c) {
    return "/api/v1/console/conversations/" + c.id() + "/work-orders";
  }

  static JsonObject consoleForm() {
    return new JsonObject().put("appealType", "help").put("title", "路灯不亮").put("citizenText", "建设路和文化路路口的路灯坏了一个星期")
        .put("summary", new JsonObject().put("where", "建设路和文化路路口").put("want", "尽快修好"))
        .put("phone", CONSOLE_PHONE).put("consent", true).put("urgency", "normal");
  }

  @Test
  @Order(3)
  @DisplayName("(b) The console's 转12345: guarded by session and CSRF, pre-filled from the conversation, validated, filed and delivered")
  void consoleFiling() {
    Conv c = open();
    say(c, "建设路和文化路路口的路灯坏了一个星期了，晚上很黑");
    HttpResponse<Buffer> anonymous = client.get(gateway.port(), "127.0.0.1", consolePath(c)).send().await();
    assertThat(anonymous.statusCode()).isEqualTo(401);
    HotlineFixture.Session admin = HotlineFixture.login(client, gateway.port());

    JsonObject form = admin.request(HttpMethod.GET, consolePath(c)).send().await().bodyAsJsonObject();
    assertThat(form.getString("citizenText")).contains("路灯坏了一个星期");
    assertThat(form.getJsonObject("summary").getString("where")).isNotEmpty();
    assertThat(form.getString("categorySuggested")).isNotNull();

    HttpResponse<Buffer> noCsrf = client.post(gateway.port(), "127.0.0.1", consolePath(c)).putHeader("Cookie", admin.cookie())
        .sendJsonObject(consoleForm()).await();
    assertThat(noCsrf.statusCode()).isEqualTo(403);
    for (JsonObject bad : new JsonObject[] {consoleForm().put("appealType", "praise"), consoleForm().put("phone", "12"),
        consoleForm().put("consent", false), consoleForm().put("title", " "), consoleForm().put("urgency", "now")}) {
      HttpResponse<Buffer> r = admin.request(HttpMethod.POST, consolePath(c)).sendJsonObject(bad).await();
      assertThat(r.statusCode()).as(bad.encode()).isEqualTo(400);
      assertThat(r.bodyAsJsonObject().getJsonObject("error").getString("code")).isEqualTo("bad_request");
    }
    assertThat(admin.request(HttpMethod.POST, "/api/v1/console/conversations/" + UUID.randomUUID() + "/work-orders")
        .sendJsonObject(consoleForm()).await().statusCode()).isEqualTo(404);
    long before = gateway.pool().query("SELECT count(*) FROM work_order WHERE status <> 'draft'").execute().await().iterator().next().getLong(0);
    assertThat(before).isEqualTo(1); // only the order of the first test: the refusals above changed nothing

    HttpResponse<Buffer> created = admin.request(HttpMethod.POST, consolePath(c)).sendJsonObject(consoleForm()).await();
    assertThat(created.statusCode()).isEqualTo(201);
    JsonObject o = created.bodyAsJsonObject();
    assertThat(o.getString("phoneMasked")).isEqualTo("139****1111");
    assertThat(created.bodyAsString()).doesNotContain(CONSOLE_PHONE);
    assertThat(transcriptHas(c, "工作人员已为您提交12345工单")).isTrue();
    // The draft the bot had opened on the citizen's complaint is gone: nobody asks them for a number any more.
    assertThat(gateway.pool().preparedQuery("SELECT count(*) FROM work_order WHERE conversation_id = $1")
        .execute(Tuple.of(UUID.fromString(c.id()))).await().iterator().next().getLong(0)).isEqualTo(1);
    eventually("the console's order reached the platform", Duration.ofSeconds(30), () -> simOrder(o.getString("reference")) != null);

    JsonObject details = admin.request(HttpMethod.GET, "/api/v1/console/work-orders/" + o.getString("id")).send().await().bodyAsJsonObject();
    assertThat(details.getString("phone")).isEqualTo(CONSOLE_PHONE);
    assertThat(details.getJsonArray("events").size()).isGreaterThanOrEqualTo(2);
  }

  @Test
  @Order(4)
  @DisplayName("(c) Offered when no operator is available: the citizen accepts, leaves no number, confirms, and the order is filed")
  void offeredWithoutOperator() {
    Conv c = open();
    say(c, "你好");
    JsonArray offer = gateway.workOrders().offerWhenNoOperator(c.id()).await();
    assertThat(offer.getJsonObject(0).getString("text")).contains("提交工单");
    JsonObject draft = say(c, "提交工单");
    assertThat(draft.getJsonObject("payload").getString("action")).isEqualTo("work_order_draft");
    assertThat(say(c, "不留").getString("text")).contains("没有留电话");
    JsonObject filed = say(c, "确认");
    String reference = filed.getJsonObject("payload").getString("reference");
    assertThat(order(reference).getString("phone_masked")).isNull();
    eventually("the order without phone reached the platform", Duration.ofSeconds(30), () -> simOrder(reference) != null);
    assertThat(simOrder(reference).getBoolean("hasPhone")).isFalse();
  }

  @Test
  @Order(5)
  @DisplayName("Three-way call: an operator's request goes through the adapter and the platform's call id is recorded on the order")
  void threeWayCall() {
    sim.advanceOrders(false);
    try {
      String id = gateway.workOrders().service().file(newOrder("邻居装修噪音扰民")).await().id().toString();
      eventually("accepted", Duration.ofSeconds(30), () -> order(refOf(id)).getString("platform_no") != null);
      HotlineFixture.Session admin = HotlineFixture.login(client, gateway.port());
      HttpResponse<Buffer> r = admin.request(HttpMethod.POST, "/api/v1/console/work-orders/" + id + "/three-way-call")
          .sendJsonObject(new JsonObject().put("operatorLine", "8001")).await();
      assertThat(r.statusCode()).isEqualTo(202);
      eventually("the platform acknowledged the call", Duration.ofSeconds(30), () -> {
        JsonObject d = admin.request(HttpMethod.GET, "/api/v1/console/work-orders/" + id).send().await().bodyAsJsonObject();
        return d.getJsonObject("threeWayCall") != null && d.getJsonObject("threeWayCall").getString("callId") != null;
      });
      assertThat(sim.snapshot().getJsonArray("threeWayCalls")).hasSize(1);

      NewOrder anonymous = newOrder("匿名反映：夜市摊位占道");
      String noPhone = gateway.workOrders().service().file(new NewOrder(null, "web", "test", AppealType.REPORT, anonymous.title(),
          anonymous.citizenText(), anonymous.summary(), null, null, null, null, null, "normal", null, null, false, "test")).await().id().toString();
      eventually("accepted", Duration.ofSeconds(30), () -> order(refOf(noPhone)).getString("platform_no") != null);
      HttpResponse<Buffer> refused = admin.request(HttpMethod.POST, "/api/v1/console/work-orders/" + noPhone + "/three-way-call").send().await();
      assertThat(refused.statusCode()).isEqualTo(409);
      assertThat(sim.snapshot().getJsonArray("threeWayCalls")).hasSize(1);
    } finally {
      sim.advanceOrders(true);
    }
  }

  static NewOrder newOrder(String text) {
    return new NewOrder(null, "web", "test-citizen", AppealType.COMPLAINT, text, text, new Summary("", "", "", text, ""),
        null, null, null, null, null, "normal", null, "13700007777", true, "test");
  }

  static String refOf(String id) {
    return gateway.pool().preparedQuery("SELECT reference FROM work_order WHERE id = $1").execute(Tuple.of(UUID.fromString(id)))
        .await().iterator().next().getString(0);
  }

  @Test
  @Order(6)
  @DisplayName("Callbacks: forged, unsigned and malformed ones change nothing, unknown orders get 404, illegal moves 409, replays no second effect")
  void callbacks() {
    sim.advanceOrders(false);
    String id;
    try {
      id = gateway.workOrders().service().file(newOrder("小区停车位被占")).await().id().toString();
      eventually("accepted", Duration.ofSeconds(30), () -> "accepted".equals(order(refOf(id)).getString("status")));
    } finally {
      sim.advanceOrders(true);
    }
    String no = order(refOf(id)).getString("platform_no");
    Buffer dispatched = new JsonObject().put("callbackId", "cb-1").put("platformNo", no).put("status", "dispatched")
        .put("note", "已派单至区住房和城乡建设局").toBuffer();
    int port = gateway.port();
    assertThat(HotlineFixture.callback(client, port, "forged-secret-0123456", dispatched).statusCode()).isEqualTo(401);
    assertThat(HotlineFixture.callback(client, port, null, dispatched).statusCode()).isEqualTo(401);
    assertThat(HotlineFixture.callback(client, port, HotlineFixture.CALLBACK_SECRET, Buffer.buffer("{not json")).statusCode()).isEqualTo(400);
    assertThat(HotlineFixture.callback(client, port, HotlineFixture.CALLBACK_SECRET,
        new JsonObject().put("callbackId", "cb-x").put("platformNo", no).put("status", "teleported").toBuffer()).statusCode()).isEqualTo(400);
    assertThat(HotlineFixture.callback(client, port, HotlineFixture.CALLBACK_SECRET,
        new JsonObject().put("callbackId", "cb-y").put("platformNo", no).put("status", "returned").toBuffer()).statusCode()).isEqualTo(400);
    assertThat(order(refOf(id)).getString("status")).isEqualTo("accepted");

    assertThat(HotlineFixture.callback(client, port, HotlineFixture.CALLBACK_SECRET,
        new JsonObject().put("callbackId", "cb-2").put("platformNo", "12345-0000-999999").put("status", "dispatched").toBuffer()).statusCode()).isEqualTo(404);
    HttpResponse<Buffer> illegal = HotlineFixture.callback(client, port, HotlineFixture.CALLBACK_SECRET,
        new JsonObject().put("callbackId", "cb-3").put("platformNo", no).put("status", "visited").put("satisfaction", "satisfied").toBuffer());
    assertThat(illegal.statusCode()).isEqualTo(409);
    assertThat(order(refOf(id)).getString("status")).isEqualTo("accepted");

    HttpResponse<Buffer> first = HotlineFixture.callback(client, port, HotlineFixture.CALLBACK_SECRET, dispatched);
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.bodyAsJsonObject().getBoolean("duplicate")).isFalse();
    long events = eventCount(id);
    HttpResponse<Buffer> replay = HotlineFixture.callback(client, port, HotlineFixture.CALLBACK_SECRET, dispatched);
    assertThat(replay.statusCode()).isEqualTo(200);
    assertThat(replay.bodyAsJsonObject().getBoolean("duplicate")).isTrue();
    assertThat(eventCount(id)).isEqualTo(events);
    assertThat(order(refOf(id)).getString("status")).isEqualTo("dispatched");
  }

  static long eventCount(String id) {
    return gateway.pool().preparedQuery("SELECT count(*) FROM work_order_event WHERE order_id = $1").execute(Tuple.of(UUID.fromString(id)))
        .await().iterator().next().getLong(0);
  }

  @Test
  @Order(99)
  @DisplayName("No phone number a citizen or an operator gave appears anywhere in the log output of these flows")
  void noPhoneInLogs() {
    assertThat(logs.list).isNotEmpty();
    for (ILoggingEvent e : logs.list) {
      String line = e.getFormattedMessage() + (e.getThrowableProxy() == null ? "" : e.getThrowableProxy().getMessage());
      assertThat(line).doesNotContain(CITIZEN_PHONE).doesNotContain(CONSOLE_PHONE).doesNotContain("13700007777");
    }
    assertThat(logs.list.stream().anyMatch(e -> e.getFormattedMessage().contains("delivered after"))).isTrue();
    // Nor in the outbox, whose copy of the chat masks the number the citizen typed.
    String outbox = gateway.pool().query("SELECT string_agg(payload::text, ' ') FROM work_order_outbox").execute().await()
        .iterator().next().getString(0);
    assertThat(outbox).contains("138****1234").doesNotContain(CITIZEN_PHONE).doesNotContain(CONSOLE_PHONE);
  }
}
