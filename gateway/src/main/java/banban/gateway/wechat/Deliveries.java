package banban.gateway.wechat;

import banban.connectors.wechat.CustomerServiceApi;
import banban.connectors.wechat.WechatAccount;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends text to a follower through the customer-service message API, within WeChat's rules: only within
 * 48 hours of the follower's last message and at most 5 messages in that time. Every attempt is recorded;
 * one that cannot be made or that WeChat refuses is published on {@link #FAILED} so the console can tell
 * the operator, who can then call back or answer by other means.
 */
final class Deliveries {
  static final String FAILED = "banban.console.delivery-failed";
  static final long WINDOW_SECONDS = 48 * 3600;
  static final int BUDGET = 5;
  private static final Logger log = LoggerFactory.getLogger(Deliveries.class);

  /** One text for one follower. */
  record Outgoing(WechatAccount account, String openId, String conversationId, Long messageId, String text) {}

  private final Vertx vertx;
  private final WechatStore store;
  private final CustomerServiceApi api;
  private final AccessTokens tokens;

  Deliveries(Vertx vertx, WechatStore store, CustomerServiceApi api, AccessTokens tokens) {
    this.vertx = vertx;
    this.store = store;
    this.api = api;
    this.tokens = tokens;
  }

  /** Completes with null when delivered, else the problem (also recorded and published). */
  Future<String> deliver(Outgoing out) {
    String account = out.account().name();
    Future<String> attempt = !out.account().customerServiceApi() ? Future.succeededFuture("no_customer_service_api")
        : store.reserve(account, out.openId(), WINDOW_SECONDS, BUDGET).compose(problem -> problem != null
            ? Future.succeededFuture(problem)
            : send(out, true).recover(e -> {
                log.warn("WeChat API unreachable for account {}: {}", account, e.getMessage());
                return Future.succeededFuture(new Sent(out, "wechat_unreachable"));
              }).compose(this::afterSend));
    return attempt.compose(problem -> store.recordDelivery(account, out.openId(), out.conversationId(), out.messageId(), problem)
        .map(v -> {
          if (problem != null) {
            log.warn("Message {} of conversation {} not delivered to WeChat: {}", out.messageId(), out.conversationId(), problem);
            vertx.eventBus().publish(FAILED, new JsonObject().put("conversationId", out.conversationId())
                .put("messageId", out.messageId()).put("channel", WechatService.CHANNEL).put("problem", problem));
          }
          return problem;
        }));
  }

  /** Keeps our count in line with what WeChat said about the reserved message. */
  private Future<String> afterSend(Sent sent) {
    Outgoing out = sent.out();
    String account = out.account().name();
    Future<Void> fix = switch (sent.problem() == null ? "" : sent.problem()) {
      case "" -> Future.succeededFuture();
      case "outside_48h_window" -> store.closeWindow(account, out.openId());
      case "over_message_budget" -> store.exhaust(account, out.openId(), BUDGET);
      default -> store.unreserve(account, out.openId());
    };
    return fix.map(sent.problem());
  }

  private record Sent(Outgoing out, String problem) {}

  private Future<Sent> send(Outgoing out, boolean mayRefresh) {
    return tokens.get(out.account()).compose(token -> api.sendText(token, out.openId(), out.text()).compose(r -> {
      if (r.ok()) return Future.succeededFuture(new Sent(out, null));
      if ((r.errcode() == CustomerServiceApi.TOKEN_INVALID || r.errcode() == CustomerServiceApi.TOKEN_EXPIRED) && mayRefresh) {
        tokens.invalidate(out.account(), token);
        return send(out, false);
      }
      return Future.succeededFuture(new Sent(out, switch (r.errcode()) {
        case CustomerServiceApi.OUT_OF_WINDOW -> "outside_48h_window";
        case CustomerServiceApi.OVER_BUDGET -> "over_message_budget";
        default -> "wechat_error_" + r.errcode();
      }));
    }));
  }
}
