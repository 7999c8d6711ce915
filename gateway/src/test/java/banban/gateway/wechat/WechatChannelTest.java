package banban.gateway.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import banban.gateway.Gateway;
import banban.gateway.wechat.WechatPlayer.Mode;
import banban.gateway.wechat.WechatPlayer.Reply;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.WebClient;
import io.vertx.sqlclient.Tuple;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import me.chanjar.weixin.common.util.crypto.SHA1;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The WeChat endpoint on a real gateway, with WxJava playing WeChat's server in all three modes. */
class WechatChannelTest {
  @TempDir static Path dataDir;
  static Vertx vertx;
  static WechatApiSimulator api;
  static Gateway gateway;
  static WebClient client;
  static WechatPlayer wechat;
  static final AtomicLong MSG_IDS = new AtomicLong(7_000_000_000_000_000_000L);

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    api = WechatApiSimulator.start(vertx);
    gateway = WechatGateways.start(vertx, dataDir, api.base(), 4000);
    client = WebClient.create(vertx);
    wechat = new WechatPlayer(client, gateway.port(), "district", WechatGateways.TOKEN, WechatGateways.APP_ID, WechatGateways.AES_KEY);
  }

  @AfterAll
  static void stop() throws Exception {
    gateway.stop().await();
    api.close();
    vertx.close().await();
  }

  static String text(String openId, String content) {
    return WechatPlayer.text(openId, MSG_IDS.incrementAndGet(), content);
  }

  static long citizenMessages(String openId) {
    return count("SELECT count(*) FROM message m JOIN conversation c ON c.id = m.conversation_id"
        + " WHERE c.channel = 'wechat' AND c.citizen_ref = $1 AND m.sender = 'citizen'", "district:" + openId);
  }

  static long count(String sql, Object... params) {
    return gateway.pool().preparedQuery(sql).execute(Tuple.from(params)).await().iterator().next().getLong(0);
  }

  @Test
  @DisplayName("URL verification echoes echostr for the right signature and refuses a forged one")
  void verifyUrl() {
    String ts = Long.toString(WechatPlayer.now());
    String ok = "/wechat/district?signature=" + SHA1.gen(WechatGateways.TOKEN, ts, "42") + "&timestamp=" + ts + "&nonce=42&echostr=hello123";
    var r = client.get(gateway.port(), "127.0.0.1", ok).send().await();
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.bodyAsString()).isEqualTo("hello123");
    String forged = "/wechat/district?signature=" + SHA1.gen("otherToken", ts, "42") + "&timestamp=" + ts + "&nonce=42&echostr=hello123";
    assertThat(client.get(gateway.port(), "127.0.0.1", forged).send().await().statusCode()).isEqualTo(401);
    assertThat(client.get(gateway.port(), "127.0.0.1", ok.replace("district", "nobody")).send().await().statusCode()).isEqualTo(404);
  }

  @Test
  @DisplayName("A FAQ question gets its answer with the department as source in plaintext, compatible and safe mode, one conversation per follower")
  void threeModes() {
    for (Mode mode : Mode.values()) {
      String openId = "o-mode-" + mode;
      Reply r = wechat.post(mode, text(openId, "租房子住可以提取住房公积金吗？"));
      assertThat(r.status()).as(mode.name()).isEqualTo(200);
      assertThat(r.content()).as(mode.name()).contains("公积金").contains("来源：市住房公积金中心");
      Reply again = wechat.post(mode, text(openId, "买了房子，怎么提取住房公积金？"));
      assertThat(again.content()).as(mode.name()).contains("来源：");
      assertThat(citizenMessages(openId)).isEqualTo(2);
      assertThat(count("SELECT count(*) FROM conversation WHERE citizen_ref = $1", "district:" + openId)).isEqualTo(1);
    }
  }

  @Test
  @DisplayName("Recognised speech is answered like text; an image gets a polite request for text; 转人工 queues without a bot answer afterwards")
  void voiceImageAndHuman() {
    String openId = "o-voice";
    String voice = "<xml><ToUserName>gh_district</ToUserName><FromUserName>" + openId + "</FromUserName><CreateTime>" + WechatPlayer.now()
        + "</CreateTime><MsgType>voice</MsgType><MediaId>m1</MediaId><Format>amr</Format>"
        + "<Recognition><![CDATA[租房子住可以提取住房公积金吗]]></Recognition><MsgId>" + MSG_IDS.incrementAndGet() + "</MsgId></xml>";
    assertThat(wechat.post(Mode.SAFE, voice).content()).contains("来源：市住房公积金中心");
    String image = "<xml><ToUserName>gh_district</ToUserName><FromUserName>" + openId + "</FromUserName><CreateTime>" + WechatPlayer.now()
        + "</CreateTime><MsgType>image</MsgType><PicUrl>http://x/y.jpg</PicUrl><MediaId>m2</MediaId><MsgId>" + MSG_IDS.incrementAndGet() + "</MsgId></xml>";
    assertThat(wechat.post(Mode.SAFE, image).content()).contains("文字");
    assertThat(wechat.post(Mode.SAFE, text(openId, "转人工")).content()).contains("人工客服");
    assertThat(wechat.post(Mode.SAFE, text(openId, "我等着")).success()).isTrue();
    assertThat(citizenMessages(openId)).isEqualTo(3);
  }

  @Test
  @DisplayName("A clarifying answer is a numbered list, and replying with a digit answers the chosen question")
  void numberedChoices() {
    String openId = "o-clarify";
    Reply r = wechat.post(Mode.SAFE, text(openId, "公积金"));
    assertThat(r.content()).contains("1. ").contains("2. ").contains("请回复序号选择");
    String second = r.content().lines().filter(l -> l.startsWith("2. ")).findFirst().orElseThrow().substring(3);
    Reply picked = wechat.post(Mode.SAFE, text(openId, "2"));
    assertThat(picked.content()).contains("来源：");
    String question = count("SELECT count(*) FROM message m JOIN conversation c ON c.id = m.conversation_id WHERE c.citizen_ref = $1"
        + " AND m.sender = 'bot' AND m.payload->>'question' = $2", "district:" + openId, second) == 1 ? second : null;
    assertThat(question).as("the bot answered the second choice").isEqualTo(second);
  }

  @Test
  @DisplayName("A new follower is welcomed with common questions; a menu click answers the FAQ entry it is mapped to")
  void subscribeAndMenu() {
    Reply welcome = wechat.post(Mode.SAFE, WechatPlayer.event("o-new", "subscribe", ""));
    assertThat(welcome.content()).contains("感谢关注").contains("· ");
    Reply click = wechat.post(Mode.SAFE, WechatPlayer.event("o-new", "CLICK", "KEY_HPF"));
    assertThat(click.content()).contains("来源：市住房公积金中心");
    assertThat(wechat.post(Mode.SAFE, WechatPlayer.event("o-new", "CLICK", "NOT_MAPPED")).success()).isTrue();
    assertThat(wechat.post(Mode.SAFE, WechatPlayer.event("o-new", "unsubscribe", "")).success()).isTrue();
  }

  @Test
  @DisplayName("Three identical POSTs at once store one citizen message and get three identical replies")
  void concurrentRetries() {
    String openId = "o-retry";
    WechatPlayer.Prepared p = wechat.request(Mode.SAFE, text(openId, "租房子住可以提取住房公积金吗？"), WechatPlayer.now(),
        WechatGateways.TOKEN, WechatGateways.APP_ID);
    List<Future<io.vertx.ext.web.client.HttpResponse<Buffer>>> sends = List.of(
        wechat.raw(p.uri()).sendBuffer(Buffer.buffer(p.body())),
        wechat.raw(p.uri()).sendBuffer(Buffer.buffer(p.body())),
        wechat.raw(p.uri()).sendBuffer(Buffer.buffer(p.body())));
    List<String> contents = sends.stream().map(f -> wechat.read(f.await(), Mode.SAFE).content()).toList();
    assertThat(contents).doesNotContainNull().allMatch(c -> c.contains("来源：")).containsOnly(contents.get(0));
    assertThat(citizenMessages(openId)).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM message m JOIN conversation c ON c.id = m.conversation_id WHERE c.citizen_ref = $1"
        + " AND m.sender = 'bot'", "district:" + openId)).isEqualTo(1);
    // A retry after the first finished gets the stored reply, still without a second message.
    assertThat(wechat.read(wechat.raw(p.uri()).sendBuffer(Buffer.buffer(p.body())).await(), Mode.SAFE).content()).isEqualTo(contents.get(0));
    assertThat(citizenMessages(openId)).isEqualTo(1);
  }

  @Test
  @DisplayName("A retry that another instance is handling waits for that instance's reply in PostgreSQL")
  void retryAcrossInstances() {
    String openId = "o-other-instance";
    long msgId = MSG_IDS.incrementAndGet();
    WechatStore store = new WechatStore(gateway.pool());
    String key = "district|" + openId + "|" + msgId;
    assertThat(store.claim(key).await()).isTrue();
    assertThat(store.claim(key).await()).isFalse();
    vertx.setTimer(300, t -> store.finish(key, "另一实例的答复", WechatPlayer.now()));
    long t0 = System.nanoTime();
    Reply r = wechat.post(Mode.SAFE, WechatPlayer.text(openId, msgId, "租房子住可以提取住房公积金吗？"));
    assertThat(r.content()).isEqualTo("另一实例的答复");
    assertThat((System.nanoTime() - t0) / 1_000_000).isBetween(250L, 3000L);
    assertThat(citizenMessages(openId)).isZero();
  }

  @Test
  @DisplayName("A delivery left 'handling' by an instance that died is taken over by WeChat's retry: answered, stored once")
  void takesOverAbandonedDelivery() {
    String openId = "o-crashed-instance";
    long msgId = MSG_IDS.incrementAndGet();
    String key = "district|" + openId + "|" + msgId;
    gateway.pool().preparedQuery("INSERT INTO wechat_inbound (dedupe_key, created_at) VALUES ($1, now() - interval '30 seconds')")
        .execute(Tuple.of(key)).await();
    Reply r = wechat.post(Mode.SAFE, WechatPlayer.text(openId, msgId, "租房子住可以提取住房公积金吗？"));
    assertThat(r.content()).contains("公积金");
    assertThat(citizenMessages(openId)).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM wechat_inbound WHERE dedupe_key = $1 AND state = 'answered'", key)).isEqualTo(1);

    String fresh = "district|" + openId + "|" + MSG_IDS.incrementAndGet();
    WechatStore store = new WechatStore(gateway.pool());
    assertThat(store.claim(fresh).await()).isTrue();
    assertThat(store.claim(fresh).await()).as("a key claimed a moment ago is not taken over").isFalse();
  }

  @Test
  @DisplayName("A delivery whose message the dead instance had already stored is answered without storing it twice")
  void takeoverDoesNotDuplicate() {
    String openId = "o-crashed-after-storing";
    wechat.post(Mode.SAFE, text(openId, "你好"));
    long msgId = MSG_IDS.incrementAndGet();
    String key = "district|" + openId + "|" + msgId;
    String conversation = gateway.pool().preparedQuery("SELECT id FROM conversation WHERE citizen_ref = $1")
        .execute(Tuple.of("district:" + openId)).await().iterator().next().getUUID("id").toString();
    gateway.pool().preparedQuery("INSERT INTO message (conversation_id, sender, text, dedupe_key)"
        + " VALUES ($1::uuid, 'citizen', '租房子住可以提取住房公积金吗？', $2)").execute(Tuple.of(conversation, key)).await();
    gateway.pool().preparedQuery("INSERT INTO wechat_inbound (dedupe_key, created_at) VALUES ($1, now() - interval '30 seconds')")
        .execute(Tuple.of(key)).await();
    Reply r = wechat.post(Mode.SAFE, WechatPlayer.text(openId, msgId, "租房子住可以提取住房公积金吗？"));
    assertThat(r.content()).contains("公积金");
    assertThat(citizenMessages(openId)).isEqualTo(2);
    assertThat(count("SELECT count(*) FROM message WHERE dedupe_key = $1", key)).isEqualTo(1);
  }

  @Test
  @DisplayName("Forged signature, stale timestamp, wrong AppId, XXE, a 10 MB body, truncated XML: each rejected, nothing stored")
  void rejections() {
    String openId = "o-hostile";
    String xml = text(openId, "租房子住可以提取住房公积金吗？");
    long now = WechatPlayer.now();
    assertThat(wechat.send(wechat.request(Mode.SAFE, xml, now, "forgedToken", WechatGateways.APP_ID), Mode.SAFE).status()).isEqualTo(401);
    assertThat(wechat.send(wechat.request(Mode.PLAINTEXT, xml, now, "forgedToken", WechatGateways.APP_ID), Mode.PLAINTEXT).status()).isEqualTo(401);
    assertThat(wechat.send(wechat.request(Mode.SAFE, xml, now - 3600, WechatGateways.TOKEN, WechatGateways.APP_ID), Mode.SAFE).status()).isEqualTo(401);
    assertThat(wechat.send(wechat.request(Mode.SAFE, xml, now, WechatGateways.TOKEN, "wx9999999999999999"), Mode.SAFE).status()).isEqualTo(401);
    String xxe = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" + xml.replace("租房子住可以提取住房公积金吗？", "&x;");
    assertThat(wechat.send(wechat.request(Mode.PLAINTEXT, xxe, now, WechatGateways.TOKEN, WechatGateways.APP_ID), Mode.PLAINTEXT).status()).isEqualTo(400);
    assertThat(wechat.send(wechat.request(Mode.SAFE, xxe, now, WechatGateways.TOKEN, WechatGateways.APP_ID), Mode.SAFE).status()).isEqualTo(400);
    String huge = xml.replace("租房子住可以提取住房公积金吗？", "长".repeat(10 * 1024 * 1024 / 3));
    assertThat(wechat.send(wechat.request(Mode.PLAINTEXT, huge, now, WechatGateways.TOKEN, WechatGateways.APP_ID), Mode.PLAINTEXT).status()).isEqualTo(413);
    String truncated = xml.substring(0, xml.length() - 20);
    assertThat(wechat.send(wechat.request(Mode.PLAINTEXT, truncated, now, WechatGateways.TOKEN, WechatGateways.APP_ID), Mode.PLAINTEXT).status()).isEqualTo(400);
    assertThat(wechat.send(wechat.request(Mode.SAFE, truncated, now, WechatGateways.TOKEN, WechatGateways.APP_ID), Mode.SAFE).status()).isEqualTo(400);
    String noMsgId = xml.replaceAll("<MsgId>\\d+</MsgId>", "");
    assertThat(wechat.send(wechat.request(Mode.SAFE, noMsgId, now, WechatGateways.TOKEN, WechatGateways.APP_ID), Mode.SAFE).status()).isEqualTo(400);
    var tampered = wechat.request(Mode.SAFE, xml, now, WechatGateways.TOKEN, WechatGateways.APP_ID);
    var bad = new WechatPlayer.Prepared(tampered.uri().replaceAll("msg_signature=[0-9a-f]+", "msg_signature=" + "0".repeat(40)), tampered.body());
    assertThat(wechat.send(bad, Mode.SAFE).status()).isEqualTo(401);
    assertThat(citizenMessages(openId)).isZero();
    assertThat(count("SELECT count(*) FROM conversation WHERE citizen_ref = $1", "district:" + openId)).isZero();
    assertThat(count("SELECT count(*) FROM wechat_inbound WHERE dedupe_key LIKE $1", "district|" + openId + "|%")).isZero();
  }
}
