package banban.gateway.wechat;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The WeChat tables in PostgreSQL: dedupe keys with their replies, followers' budgets, deliveries. */
public final class WechatStore {
  /** What became of a delivery another request claimed. */
  public record Seen(String state, String reply, long repliedAtSeconds) {
    public boolean handling() {
      return "handling".equals(state);
    }
  }

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(WechatStore.class);

  private final Pool pool;

  public WechatStore(Pool pool) {
    this.pool = pool;
  }

  /**
   * A key still {@code handling} this long after it was claimed belongs to an instance that stopped or
   * crashed mid-delivery: every live handler has answered or given up on WeChat's 4-second deadline by
   * then. WeChat retries a delivery twice, about 5 and 10 seconds after the first, so the last retry can
   * take the key over and the citizen's message is not lost.
   */
  static final int STALE_SECONDS = 8;

  /**
   * True when this request must handle the key: it is the first to see it, or it takes over a key left
   * {@code handling} for {@link #STALE_SECONDS} by an instance that is gone.
   */
  public Future<Boolean> claim(String key) {
    return pool.preparedQuery("INSERT INTO wechat_inbound (dedupe_key) VALUES ($1) ON CONFLICT (dedupe_key) DO UPDATE"
            + " SET created_at = now() WHERE wechat_inbound.state = 'handling'"
            + " AND wechat_inbound.created_at < now() - make_interval(secs => $2) RETURNING (xmax = 0) AS inserted")
        .execute(Tuple.of(key, STALE_SECONDS)).map(rs -> {
          if (rs.rowCount() == 0) return false;
          if (!rs.iterator().next().getBoolean("inserted")) {
            log.warn("WeChat delivery {} was left unfinished by a stopped instance; handling it now", key);
          }
          return true;
        });
  }

  /** Records the passive reply (null when the answer came too late and "success" went out). */
  public Future<Void> finish(String key, String reply, long repliedAtSeconds) {
    return pool.preparedQuery("UPDATE wechat_inbound SET state = $2, reply = $3, replied_at = to_timestamp($4) WHERE dedupe_key = $1")
        .execute(Tuple.of(key, reply == null ? "late" : "answered", reply, repliedAtSeconds)).mapEmpty();
  }

  /** Forgets a key whose handling failed, so WeChat's retry handles it afresh. */
  public Future<Void> release(String key) {
    return pool.preparedQuery("DELETE FROM wechat_inbound WHERE dedupe_key = $1 AND state = 'handling'")
        .execute(Tuple.of(key)).mapEmpty();
  }

  public Future<Optional<Seen>> seen(String key) {
    return pool.preparedQuery("SELECT state, reply, extract(epoch FROM replied_at)::bigint AS at FROM wechat_inbound WHERE dedupe_key = $1")
        .execute(Tuple.of(key)).map(rs -> {
          if (rs.size() == 0) return Optional.empty();
          Row r = rs.iterator().next();
          Long at = r.getLong("at");
          return Optional.of(new Seen(r.getString("state"), r.getString("reply"), at == null ? 0 : at));
        });
  }

  /** Keys older than WeChat's retries are of no use; a day is kept for diagnosis. */
  public Future<Integer> purge() {
    return pool.query("DELETE FROM wechat_inbound WHERE created_at < now() - interval '1 day'").execute().map(rs -> rs.rowCount());
  }

  /** The follower wrote: a new 48-hour window with a fresh budget of messages. */
  public Future<Void> followerWrote(String account, String openId) {
    return pool.preparedQuery("INSERT INTO wechat_follower (account, open_id, last_message_at) VALUES ($1, $2, now())"
            + " ON CONFLICT (account, open_id) DO UPDATE SET subscribed = true, last_message_at = now(), sent_since = 0, updated_at = now()")
        .execute(Tuple.of(account, openId)).mapEmpty();
  }

  public Future<Void> subscribed(String account, String openId, boolean subscribed) {
    return pool.preparedQuery("INSERT INTO wechat_follower (account, open_id, subscribed) VALUES ($1, $2, $3)"
            + " ON CONFLICT (account, open_id) DO UPDATE SET subscribed = $3, updated_at = now()")
        .execute(Tuple.of(account, openId, subscribed)).mapEmpty();
  }

  /**
   * Takes one of the follower's customer-service messages, atomically across instances: null when taken,
   * else why not (no window, unsubscribed, budget used up).
   */
  public Future<String> reserve(String account, String openId, long windowSeconds, int budget) {
    return pool.preparedQuery("UPDATE wechat_follower SET sent_since = sent_since + 1, updated_at = now()"
            + " WHERE account = $1 AND open_id = $2 AND subscribed AND sent_since < $4"
            + " AND last_message_at > now() - make_interval(secs => $3)")
        .execute(Tuple.of(account, openId, windowSeconds, budget))
        .compose(rs -> rs.rowCount() == 1 ? Future.succeededFuture((String) null) : whyNot(account, openId, windowSeconds));
  }

  private Future<String> whyNot(String account, String openId, long windowSeconds) {
    return pool.preparedQuery("SELECT subscribed, last_message_at > now() - make_interval(secs => $3) AS open"
            + " FROM wechat_follower WHERE account = $1 AND open_id = $2")
        .execute(Tuple.of(account, openId, windowSeconds)).map(rs -> {
          if (rs.size() == 0) return "outside_48h_window";
          Row r = rs.iterator().next();
          if (!r.getBoolean("subscribed")) return "unsubscribed";
          return Boolean.TRUE.equals(r.getBoolean("open")) ? "over_message_budget" : "outside_48h_window";
        });
  }

  /** Gives back a reserved message that was not sent. */
  public Future<Void> unreserve(String account, String openId) {
    return follower(account, openId, "sent_since = greatest(sent_since - 1, 0)");
  }

  /** WeChat says the budget is used up, whatever we counted. */
  public Future<Void> exhaust(String account, String openId, int budget) {
    return follower(account, openId, "sent_since = " + budget);
  }

  /** WeChat says the window is closed (or the follower left): no more tries until the follower writes. */
  public Future<Void> closeWindow(String account, String openId) {
    return follower(account, openId, "last_message_at = NULL");
  }

  private Future<Void> follower(String account, String openId, String set) {
    return pool.preparedQuery("UPDATE wechat_follower SET " + set + ", updated_at = now() WHERE account = $1 AND open_id = $2")
        .execute(Tuple.of(account, openId)).mapEmpty();
  }

  public Future<Void> recordDelivery(String account, String openId, String conversationId, Long messageId, String problem) {
    return pool.preparedQuery("INSERT INTO wechat_delivery (account, open_id, conversation_id, message_id, status, problem)"
            + " VALUES ($1, $2, $3, $4, $5, $6)")
        .execute(Tuple.of(account, openId, conversationId == null ? null : UUID.fromString(conversationId), messageId,
            problem == null ? "sent" : "failed", problem))
        .mapEmpty();
  }

  /** The questions the bot answered most in the last 30 days, most asked first. */
  public Future<List<String>> mostAsked(int limit) {
    return pool.preparedQuery("SELECT payload->>'question' AS q FROM message WHERE sender = 'bot' AND payload->>'action' = 'answer'"
            + " AND created_at > now() - interval '30 days' GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT $1")
        .execute(Tuple.of(limit)).map(rs -> {
          List<String> out = new ArrayList<>();
          rs.forEach(r -> out.add(r.getString("q")));
          return out;
        });
  }
}
