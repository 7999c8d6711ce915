package banban.gateway.wechat;

import banban.connectors.InboundMessage;
import banban.connectors.wechat.WechatAccount;
import banban.connectors.wechat.WechatHandler;
import banban.connectors.wechat.WechatMessage;
import banban.gateway.conversation.ConversationService;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a verified WeChat delivery into at most one stored citizen message and one answer, inside the
 * passive-reply window. The first request to claim a delivery's key in PostgreSQL handles it; retries
 * wait for its reply (in memory on the same instance, by polling the key's row on another). When the
 * answer misses the deadline, "success" goes out in time and the answer follows through the
 * customer-service API.
 */
public final class WechatService implements WechatHandler {
  public static final String CHANNEL = "wechat";
  private static final Logger log = LoggerFactory.getLogger(WechatService.class);
  private static final long POLL_MS = 50;

  /** The passive reply of one delivery (null = "success") and where a late one must be sent. */
  record Answer(String text, String conversationId, Long messageId) {}

  private final Vertx vertx;
  private final WechatStore store;
  private final Answers answers;
  private final Deliveries deliveries;
  private final long deadlineMs;
  private final Map<String, Future<Optional<String>>> inFlight = new ConcurrentHashMap<>();

  WechatService(Vertx vertx, WechatStore store, Answers answers, Deliveries deliveries, long deadlineMs) {
    this.vertx = vertx;
    this.store = store;
    this.answers = answers;
    this.deliveries = deliveries;
    this.deadlineMs = deadlineMs;
  }

  @Override
  public Future<Optional<String>> reply(WechatAccount account, WechatMessage message) {
    String key = account.name() + "|" + message.dedupeKey();
    long deadlineAt = System.currentTimeMillis() + deadlineMs;
    Promise<Optional<String>> outcome = Promise.promise();
    Future<Optional<String>> earlier = inFlight.putIfAbsent(key, outcome.future());
    if (earlier != null) return earlier; // a retry on this instance: the first request's reply, whatever it is
    store.claim(key).onComplete(claimed -> {
      if (claimed.failed()) {
        inFlight.remove(key);
        outcome.fail(claimed.cause());
      } else if (claimed.result()) {
        handle(key, account, message, deadlineAt, outcome);
      } else {
        awaitOther(key, deadlineAt).onComplete(r -> {
          inFlight.remove(key);
          outcome.handle(r);
        });
      }
    });
    return outcome.future();
  }

  private void handle(String key, WechatAccount account, WechatMessage message, long deadlineAt, Promise<Optional<String>> outcome) {
    AtomicBoolean settled = new AtomicBoolean();
    long timer = vertx.setTimer(Math.max(1, deadlineAt - System.currentTimeMillis()), t -> {
      if (settled.compareAndSet(false, true)) outcome.complete(Optional.empty());
    });
    answers.answer(key, account, message).onComplete(r -> {
      vertx.cancelTimer(timer);
      boolean inTime = settled.compareAndSet(false, true);
      if (r.failed()) {
        // Nothing was acknowledged as handled: forget the key so WeChat's retry starts afresh.
        store.release(key).onComplete(x -> inFlight.remove(key));
        if (inTime) outcome.fail(r.cause());
        else log.error("WeChat delivery for account {} failed after the deadline", account.name(), r.cause());
        return;
      }
      Answer a = r.result();
      store.finish(key, inTime ? a.text() : null, System.currentTimeMillis() / 1000)
          .onFailure(e -> log.warn("Could not record the reply of a WeChat delivery for account {}", account.name(), e))
          .onComplete(x -> inFlight.remove(key));
      if (inTime) {
        outcome.complete(Optional.ofNullable(a.text()));
      } else if (a.text() != null) {
        log.info("Answer for conversation {} missed the {} ms deadline; sending it through the customer-service API",
            a.conversationId(), deadlineMs);
        deliveries.deliver(new Deliveries.Outgoing(account, message.fromUser(), a.conversationId(), a.messageId(), a.text()));
      }
    });
  }

  /** Another instance holds the key: poll its row until it has a reply or this request's deadline comes. */
  private Future<Optional<String>> awaitOther(String key, long deadlineAt) {
    return store.seen(key).compose(seen -> {
      if (seen.isEmpty()) return Future.failedFuture(new IllegalStateException("the first handling of this delivery failed"));
      if (!seen.get().handling()) return Future.succeededFuture(Optional.ofNullable(seen.get().reply()));
      long left = deadlineAt - System.currentTimeMillis();
      if (left <= 0) return Future.succeededFuture(Optional.empty());
      Promise<Void> pause = Promise.promise();
      vertx.setTimer(Math.min(POLL_MS, left), t -> pause.complete());
      return pause.future().compose(v -> awaitOther(key, deadlineAt));
    });
  }

  /** Sends what an operator (or the system) said to the follower; the console's contract on banban.outbound. */
  void deliverOutbound(Map<String, WechatAccount> accounts, JsonObject event) {
    String ref = event.getString("citizenRef", "");
    int colon = ref.indexOf(':');
    WechatAccount account = colon < 0 ? null : accounts.get(ref.substring(0, colon));
    JsonObject m = event.getJsonObject("message");
    if (account == null || m == null || m.getString("text", "").isBlank()) {
      log.warn("Outbound WeChat message for conversation {} has no known account or no text", event.getString("conversationId"));
      return;
    }
    String text = answers.renderer().fit(answers.renderer().message(m));
    deliveries.deliver(new Deliveries.Outgoing(account, ref.substring(colon + 1), event.getString("conversationId"), m.getLong("id"), text));
  }

  static Answer answerOf(String conversationId, JsonArray stored, ReplyText render) {
    Long last = null;
    for (int i = 0; i < stored.size(); i++) {
      JsonObject m = stored.getJsonObject(i);
      if (!"citizen".equals(m.getString("sender"))) last = m.getLong("id");
    }
    return new Answer(render.render(stored), conversationId, last);
  }

  static InboundMessage inbound(String conversationId, String text, String faqId, String key) {
    return new InboundMessage(conversationId, CHANNEL, text, faqId, key);
  }

  ConversationService conversations() {
    return answers.conversations();
  }
}
