package banban.gateway.wechat;

import banban.connectors.wechat.CustomerServiceApi;
import banban.connectors.wechat.WechatAccount;
import banban.connectors.wechat.WechatEndpoint;
import banban.gateway.conversation.ConversationService;
import banban.gateway.conversation.Texts;
import banban.gateway.kb.KnowledgeService;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WeChat channel as the gateway wires it: the endpoint of every configured account, the operator
 * replies taken from the event bus, and the hourly sweep of old dedupe keys.
 */
public final class WechatChannel {
  /** Where the console publishes {conversationId, channel, citizenRef, message} for every operator or system message. */
  public static final String OUTBOUND = "banban.outbound";
  private static final Logger log = LoggerFactory.getLogger(WechatChannel.class);
  private static final long API_TIMEOUT_MS = 5000;

  private final Vertx vertx;
  private final CustomerServiceApi api;
  private final WechatService service;
  private final WechatEndpoint endpoint;
  private final MessageConsumer<JsonObject> outbound;
  private final long sweep;

  private WechatChannel(Vertx vertx, WechatSettings settings, Pool pool, ConversationService conversations,
      KnowledgeService knowledge, int maxBodyBytes) {
    this.vertx = vertx;
    WechatStore store = new WechatStore(pool);
    this.api = new CustomerServiceApi(vertx, settings.apiBase(), API_TIMEOUT_MS);
    Deliveries deliveries = new Deliveries(vertx, store, api, new AccessTokens(api));
    Answers answers = new Answers(conversations, knowledge, store, Texts.load());
    this.service = new WechatService(vertx, store, answers, deliveries, settings.replyDeadlineMs());
    this.endpoint = new WechatEndpoint(settings.accounts(), service, settings.timestampWindowSeconds(), maxBodyBytes);
    Map<String, WechatAccount> byName = new LinkedHashMap<>();
    settings.accounts().forEach(a -> byName.put(a.name(), a));
    this.outbound = vertx.eventBus().<JsonObject>consumer(OUTBOUND, m -> {
      if (m.body() != null && WechatService.CHANNEL.equals(m.body().getString("channel"))) service.deliverOutbound(byName, m.body());
    });
    this.sweep = vertx.setPeriodic(3_600_000, t -> store.purge()
        .onSuccess(n -> log.debug("Swept {} old WeChat dedupe keys", n))
        .onFailure(e -> log.warn("Sweeping old WeChat dedupe keys failed", e)));
    log.info("WeChat accounts connected: {}", byName.keySet());
  }

  public static WechatChannel start(Vertx vertx, WechatSettings settings, Pool pool, ConversationService conversations,
      KnowledgeService knowledge, int maxBodyBytes) {
    return new WechatChannel(vertx, settings, pool, conversations, knowledge, maxBodyBytes);
  }

  public void mount(Router router) {
    endpoint.mount(router);
  }

  public Future<Void> close() {
    vertx.cancelTimer(sweep);
    return outbound.unregister().eventually(api::close);
  }
}
