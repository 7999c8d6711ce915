package banban.gateway.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import banban.gateway.Gateway;
import banban.gateway.wechat.WechatPlayer.Mode;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.sqlclient.Tuple;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Operator replies to WeChat followers through the customer-service API simulator, and late answers: a
 * gateway whose passive-reply deadline is 1 ms answers every message too late.
 */
class WechatOperatorTest {
  @TempDir static Path dataDir;
  static Vertx vertx;
  static WechatApiSimulator api;
  static Gateway gateway;
  static WechatPlayer district;
  static WechatPlayer city;
  static WechatPlayer subscription;
  static final BlockingQueue<JsonObject> failures = new ArrayBlockingQueue<>(100);
  static final AtomicLong MSG_IDS = new AtomicLong(8_000_000_000_000_000_000L);

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    api = WechatApiSimulator.start(vertx);
    gateway = WechatGateways.start(vertx, dataDir, api.base(), 1);
    WebClient client = WebClient.create(vertx);
    district = new WechatPlayer(client, gateway.port(), "district", WechatGateways.TOKEN, WechatGateways.APP_ID, WechatGateways.AES_KEY);
    city = new WechatPlayer(client, gateway.port(), "city", WechatGateways.TOKEN, "wxabcdef1234567890", WechatGateways.AES_KEY);
    subscription = new WechatPlayer(client, gateway.port(), "subscription", WechatGateways.TOKEN, "wx0000000000000001", null);
    vertx.eventBus().<JsonObject>consumer(Deliveries.FAILED, m -> failures.add(m.body()));
  }

  @AfterAll
  static void stop() throws Exception {
    gateway.stop().await();
    api.close();
    vertx.close().await();
  }

  static String conversationOf(String ref) {
    return gateway.pool().preparedQuery("SELECT id::text FROM conversation WHERE citizen_ref = $1").execute(Tuple.of(ref)).await()
        .iterator().next().getString(0);
  }

  static long count(String sql, Object... params) {
    return gateway.pool().preparedQuery(sql).execute(Tuple.from(params)).await().iterator().next().getLong(0);
  }

  /** What the console publishes for an operator's message; the operator path's contract. */
  static void operatorSays(String account, String openId, String text) {
    String ref = account + ":" + openId;
    vertx.eventBus().publish(WechatChannel.OUTBOUND, new JsonObject().put("conversationId", conversationOf(ref))
        .put("channel", "wechat").put("citizenRef", ref)
        .put("message", new JsonObject().put("id", (Object) null).put("sender", "operator").put("text", text)));
  }

  static JsonObject nextFailure() throws InterruptedException {
    JsonObject f = failures.poll(10, TimeUnit.SECONDS);
    assertThat(f).as("a delivery-failed event").isNotNull();
    return f;
  }

  @Test
  @DisplayName("An answer past the deadline: 'success' in time, then the answer through the API; a retry gets 'success' and stores nothing")
  void lateAnswer() throws Exception {
    String openId = "o-late";
    String xml = WechatPlayer.text(openId, MSG_IDS.incrementAndGet(), "租房子住可以提取住房公积金吗？");
    WechatPlayer.Prepared p = district.request(Mode.SAFE, xml, WechatPlayer.now(), WechatGateways.TOKEN, WechatGateways.APP_ID);
    long t0 = System.nanoTime();
    assertThat(district.send(p, Mode.SAFE).success()).isTrue();
    assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(4000);
    assertThat(api.await(openId, c -> c.contains("来源：市住房公积金中心")).content()).contains("公积金");
    assertThat(district.send(p, Mode.SAFE).success()).isTrue();
    assertThat(count("SELECT count(*) FROM message m JOIN conversation c ON c.id = m.conversation_id WHERE c.citizen_ref = $1"
        + " AND m.sender = 'citizen'", "district:" + openId)).isEqualTo(1);
    assertThat(api.sentTo(openId)).hasSize(1);
  }

  static final String FAQ = "租房子住可以提取住房公积金吗？";
  static final java.util.function.Predicate<String> ANSWER = c -> c.contains("来源：市住房公积金中心");

  @Test
  @DisplayName("An operator's reply reaches the follower; one token is fetched for concurrent sends and refetched once on 42001")
  void operatorReply() throws Exception {
    String openId = "o-operator";
    city.post(Mode.SAFE, WechatPlayer.text(openId, MSG_IDS.incrementAndGet(), FAQ));
    api.await(openId, ANSWER); // the late answer: the account's token is now cached
    int before = api.tokenRequests();
    api.rotateToken();
    operatorSays("city", openId, "您好，我是工作人员小王。");
    operatorSays("city", openId, "请问您要办理什么业务？");
    api.await(openId, c -> c.equals("您好，我是工作人员小王。"));
    api.await(openId, c -> c.equals("请问您要办理什么业务？"));
    assertThat(api.tokenRequests() - before).isEqualTo(1);
    api.failNext(openId, 42001);
    operatorSays("city", openId, "材料请带身份证原件。");
    api.await(openId, c -> c.equals("材料请带身份证原件。"));
    assertThat(api.tokenRequests() - before).isEqualTo(2);
  }

  @Test
  @DisplayName("A used-up budget of 5, 45047 and 45015 from WeChat, and an account without the API: recorded and told to the console")
  void deliveryFailures() throws Exception {
    String openId = "o-budget";
    district.post(Mode.SAFE, WechatPlayer.text(openId, MSG_IDS.incrementAndGet(), FAQ));
    api.awaitCount(openId, ANSWER, 1);
    failures.clear();
    for (int i = 1; i <= 4; i++) operatorSays("district", openId, "消息" + i);
    api.awaitCount(openId, c -> c.startsWith("消息"), 4);
    // The late answer and messages 1 to 4 used the budget of 5: the next is refused before calling WeChat.
    operatorSays("district", openId, "第六条");
    JsonObject over = nextFailure();
    assertThat(over.getString("problem")).isEqualTo("over_message_budget");
    assertThat(over.getString("conversationId")).isEqualTo(conversationOf("district:" + openId));
    assertThat(api.sentTo(openId)).hasSize(5);

    // The follower writes again: a new window. WeChat still says the budget is used up.
    district.post(Mode.SAFE, WechatPlayer.text(openId, MSG_IDS.incrementAndGet(), FAQ));
    api.awaitCount(openId, ANSWER, 2);
    api.failNext(openId, 45047);
    operatorSays("district", openId, "第二条");
    assertThat(nextFailure().getString("problem")).isEqualTo("over_message_budget");

    // And again: this time WeChat says the 48-hour window is closed.
    district.post(Mode.SAFE, WechatPlayer.text(openId, MSG_IDS.incrementAndGet(), FAQ));
    api.awaitCount(openId, ANSWER, 3);
    api.failNext(openId, 45015);
    operatorSays("district", openId, "第一条");
    assertThat(nextFailure().getString("problem")).isEqualTo("outside_48h_window");
    operatorSays("district", openId, "再试一条");
    assertThat(nextFailure().getString("problem")).as("no further tries until the follower writes").isEqualTo("outside_48h_window");
    assertThat(api.sentTo(openId)).hasSize(7);
    assertThat(count("SELECT count(*) FROM wechat_delivery WHERE open_id = $1 AND status = 'failed'", openId)).isEqualTo(4);
    assertThat(count("SELECT count(*) FROM wechat_delivery WHERE open_id = $1 AND status = 'sent'", openId)).isEqualTo(7);

    String follower = "o-no-api";
    subscription.post(Mode.PLAINTEXT, WechatPlayer.text(follower, MSG_IDS.incrementAndGet(), FAQ));
    JsonObject noApi = nextFailure();
    assertThat(noApi.getString("problem")).isEqualTo("no_customer_service_api");
    assertThat(noApi.getString("conversationId")).isEqualTo(conversationOf("subscription:" + follower));
  }
}
