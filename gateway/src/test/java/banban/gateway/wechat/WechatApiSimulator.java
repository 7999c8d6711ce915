package banban.gateway.wechat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * WeChat's server API on loopback for tests: the stable-token endpoint and the customer-service send,
 * with the error codes the gateway must handle. It records every text it accepts.
 */
final class WechatApiSimulator {
  record Sent(String toUser, String content) {}

  private final HttpServer server;
  private final List<Sent> sent = new ArrayList<>();
  private final Map<String, Deque<Integer>> failures = new HashMap<>();
  private final AtomicInteger tokenRequests = new AtomicInteger();
  private volatile String token = "TOKEN-0";

  private WechatApiSimulator(HttpServer server) {
    this.server = server;
  }

  static WechatApiSimulator start(Vertx vertx) {
    WechatApiSimulator[] self = new WechatApiSimulator[1];
    HttpServer server = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(body -> {
      JsonObject json = body.length() == 0 ? new JsonObject() : body.toJsonObject();
      JsonObject answer = switch (req.path()) {
        case "/cgi-bin/stable_token" -> self[0].token(json);
        case "/cgi-bin/message/custom/send" -> self[0].send(req.getParam("access_token"), json);
        default -> new JsonObject().put("errcode", 404).put("errmsg", "no such API");
      };
      req.response().putHeader("Content-Type", "application/json").end(answer.encode());
    }));
    self[0] = new WechatApiSimulator(server);
    server.listen(0, "127.0.0.1").await();
    return self[0];
  }

  private JsonObject token(JsonObject json) {
    tokenRequests.incrementAndGet();
    if (!"secret".equals(json.getString("secret"))) return new JsonObject().put("errcode", 40125).put("errmsg", "invalid appsecret");
    return new JsonObject().put("access_token", token).put("expires_in", 7200);
  }

  private synchronized JsonObject send(String accessToken, JsonObject json) {
    if (!token.equals(accessToken)) return error(40001, "invalid credential, access_token is invalid or not latest");
    Integer forced = failures.getOrDefault(json.getString("touser"), new ArrayDeque<>()).poll();
    if (forced != null) return error(forced, "simulated");
    sent.add(new Sent(json.getString("touser"), json.getJsonObject("text").getString("content")));
    notifyAll();
    return error(0, "ok");
  }

  private static JsonObject error(int code, String message) {
    return new JsonObject().put("errcode", code).put("errmsg", message);
  }

  String base() {
    return "http://127.0.0.1:" + server.actualPort();
  }

  /** The next sends to the follower fail with these WeChat error codes, in order. */
  synchronized void failNext(String openId, int... codes) {
    for (int c : codes) failures.computeIfAbsent(openId, k -> new ArrayDeque<>()).add(c);
  }

  /** WeChat rotates the token: the one the gateway holds is now refused with 40001. */
  void rotateToken() {
    token = "TOKEN-" + tokenRequests.get() + "-" + System.nanoTime();
  }

  int tokenRequests() {
    return tokenRequests.get();
  }

  /** Waits, with a deadline, until this many texts to the follower match. */
  synchronized void awaitCount(String openId, Predicate<String> content, int n) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (sent.stream().filter(s -> s.toUser().equals(openId) && content.test(s.content())).count() < n) {
      long left = end - System.nanoTime();
      if (left <= 0) throw new AssertionError("fewer than " + n + " matching texts sent to " + openId + "; sent: " + sent);
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
  }

  synchronized List<Sent> sentTo(String openId) {
    return sent.stream().filter(s -> s.toUser().equals(openId)).toList();
  }

  /** Waits, with a deadline, until a text to the follower matches. */
  synchronized Sent await(String openId, Predicate<String> content) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      for (Sent s : sent) if (s.toUser().equals(openId) && content.test(s.content())) return s;
      long left = end - System.nanoTime();
      if (left <= 0) throw new AssertionError("nothing sent to " + openId + " in time; sent: " + sent);
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
  }

  void close() {
    server.close().await();
  }
}
