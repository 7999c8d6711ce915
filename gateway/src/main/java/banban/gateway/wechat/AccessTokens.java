package banban.gateway.wechat;

import banban.connectors.wechat.CustomerServiceApi;
import banban.connectors.wechat.WechatAccount;
import io.vertx.core.Future;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Access tokens per account, kept in memory until five minutes before WeChat says they expire. At most
 * one refresh per account is in flight: callers arriving meanwhile share it. Memory is enough because
 * the stable-token endpoint hands every instance the same token instead of revoking the others'.
 * Called only from the gateway's event loop, so plain maps suffice.
 */
final class AccessTokens {
  private static final Logger log = LoggerFactory.getLogger(AccessTokens.class);
  private static final long MARGIN_MS = 5 * 60_000;

  private record Cached(String value, long expiresAtMs) {}

  private final CustomerServiceApi api;
  private final Map<String, Cached> cache = new HashMap<>();
  private final Map<String, Future<String>> refreshing = new HashMap<>();
  private int fetches;

  AccessTokens(CustomerServiceApi api) {
    this.api = api;
  }

  synchronized Future<String> get(WechatAccount account) {
    Cached c = cache.get(account.name());
    if (c != null && System.currentTimeMillis() < c.expiresAtMs()) return Future.succeededFuture(c.value());
    Future<String> inFlight = refreshing.get(account.name());
    if (inFlight != null) return inFlight;
    fetches++;
    Future<String> f = api.token(account.appId(), account.appSecret()).map(t -> {
      long life = Math.max(60_000, t.expiresInSeconds() * 1000 - MARGIN_MS);
      synchronized (this) {
        cache.put(account.name(), new Cached(t.value(), System.currentTimeMillis() + life));
      }
      log.info("Access token of WeChat account {} refreshed, valid for {} s", account.name(), t.expiresInSeconds());
      return t.value();
    });
    refreshing.put(account.name(), f);
    f.onComplete(r -> {
      synchronized (this) {
        refreshing.remove(account.name());
      }
    });
    return f;
  }

  /** WeChat said the token is invalid or expired: forget it unless a newer one already replaced it. */
  synchronized void invalidate(WechatAccount account, String token) {
    Cached c = cache.get(account.name());
    if (c != null && c.value().equals(token)) cache.remove(account.name());
  }

  /** How many token requests were made: tests check that concurrent callers share one. */
  synchronized int fetches() {
    return fetches;
  }
}
