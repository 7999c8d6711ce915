package banban.gateway.console;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Console sessions in PostgreSQL, so any gateway instance can serve any operator. The cookie value is a
 * random secret; only its digest is stored. Each session carries its own CSRF token, which the page
 * sends back in a header on every state-changing request.
 */
public final class Sessions {
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A live session: who is logged in and the CSRF token their page must send. */
  public record Session(Operator operator, String csrfToken) {}

  /** A new session: the cookie value and the CSRF token. */
  public record Created(String cookie, String csrfToken) {}

  private final Pool pool;
  private final Duration idle;

  public Sessions(Pool pool, Duration idle) {
    this.pool = pool;
    this.idle = idle;
  }

  public Duration idle() {
    return idle;
  }

  public Future<Created> create(Operator op) {
    String cookie = secret();
    String csrf = secret();
    return pool.preparedQuery(ConsoleSql.INSERT_SESSION)
        .execute(Tuple.of(sha256(cookie), op.id(), csrf, (double) idle.toSeconds()))
        .map(rs -> new Created(cookie, csrf));
  }

  /** The session behind a cookie, its expiry pushed forward; empty when expired, unknown or disabled. */
  public Future<Optional<Session>> resolve(String cookie) {
    if (cookie == null || cookie.isEmpty() || cookie.length() > 100) return Future.succeededFuture(Optional.empty());
    return pool.preparedQuery(ConsoleSql.RESOLVE_SESSION).execute(Tuple.of(sha256(cookie), (double) idle.toSeconds()))
        .map(rs -> rs.size() == 0 ? Optional.empty() : Optional.of(
            new Session(Operator.of(rs.iterator().next()), rs.iterator().next().getString("csrf_token"))));
  }

  public Future<Void> delete(String cookie) {
    return pool.preparedQuery(ConsoleSql.DELETE_SESSION).execute(Tuple.of(sha256(cookie))).mapEmpty();
  }

  public Future<Integer> purgeExpired() {
    return pool.query(ConsoleSql.PURGE_SESSIONS).execute().map(rs -> rs.rowCount());
  }

  static boolean sameToken(String expected, String given) {
    return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
  }

  private static String secret() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
