package banban.gateway.console;

import banban.connectors.http.HttpError;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Operator and administrator accounts: creation, the first administrator, password checks. */
public final class Accounts {
  private static final Logger log = LoggerFactory.getLogger(Accounts.class);
  private static final Pattern USERNAME = Pattern.compile("[a-z0-9_.-]{3,32}");
  private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
  public static final String FIRST_ADMIN = "admin";

  private final Pool pool;
  private final Passwords passwords;
  private final int defaultCapacity;

  public Accounts(Pool pool, Passwords passwords, int defaultCapacity) {
    this.pool = pool;
    this.passwords = passwords;
    this.defaultCapacity = defaultCapacity;
  }

  /**
   * Creates the administrator "admin" when there is none: with the configured password, or with a random
   * one that is printed once, here, and must be changed at the first login.
   */
  public Future<Void> ensureFirstAdmin(Optional<String> configured) {
    return pool.query(ConsoleSql.ANY_ADMIN).execute().compose(rs -> {
      if (rs.iterator().next().getLong(0) > 0) return Future.succeededFuture();
      String password = configured.orElseGet(Accounts::randomPassword);
      return create(FIRST_ADMIN, "管理员", password, Operator.ADMIN, defaultCapacity, configured.isEmpty()).map(op -> {
        if (configured.isPresent()) {
          log.info("Console administrator '{}' created with the password from BANBAN_ADMIN_PASSWORD", FIRST_ADMIN);
        } else {
          log.warn("Console administrator '{}' created with the one-time password {} (shown only this once; change it at first login)",
              FIRST_ADMIN, password);
        }
        return null;
      });
    });
  }

  /** The account when the password matches; unknown user and wrong password look the same. */
  public Future<Optional<Operator>> authenticate(String username, String password) {
    return pool.preparedQuery(ConsoleSql.OPERATOR_BY_NAME).execute(Tuple.of(username)).compose(rs -> {
      Row r = rs.size() == 0 ? null : rs.iterator().next();
      return passwords.matches(password, r == null ? null : r.getString("password_hash")).map(ok ->
          ok && !r.getBoolean("disabled") ? Optional.of(Operator.of(r)) : Optional.<Operator>empty());
    });
  }

  public Future<Operator> create(String username, String displayName, String password, String role, int capacity, boolean mustChange) {
    if (!USERNAME.matcher(username).matches()) {
      return Future.failedFuture(HttpError.badRequest("A user name has 3 to 32 characters a-z, 0-9, '.', '_' or '-'"));
    }
    String weak = Passwords.weakness(password);
    if (weak != null) return Future.failedFuture(HttpError.badRequest(weak));
    return passwords.hash(password).compose(hash -> pool.preparedQuery(ConsoleSql.INSERT_OPERATOR)
        .execute(Tuple.of(username, displayName, hash, role, capacity, mustChange))
        .map(rs -> {
          if (rs.size() == 0) throw HttpError.conflict("The user name " + username + " is taken");
          log.info("Console account '{}' created with role {}", username, role);
          return Operator.of(rs.iterator().next());
        }));
  }

  public Future<JsonArray> list() {
    return pool.query(ConsoleSql.OPERATORS).execute().map(rs -> {
      JsonArray out = new JsonArray();
      rs.forEach(r -> out.add(Operator.of(r).toJson()));
      return out;
    });
  }

  /** Disables or enables an account; disabling also ends its sessions. */
  public Future<Operator> setDisabled(long id, boolean disabled) {
    return pool.withTransaction(c -> c.preparedQuery(ConsoleSql.SET_DISABLED).execute(Tuple.of(id, disabled)).compose(rs -> {
      if (rs.size() == 0) return Future.failedFuture(HttpError.notFound("No such account"));
      Operator op = Operator.of(rs.iterator().next());
      Future<?> end = disabled ? c.preparedQuery(ConsoleSql.DELETE_SESSIONS_OF).execute(Tuple.of(id)) : Future.succeededFuture();
      return end.map(op);
    })).onSuccess(op -> log.info("Console account '{}' {}", op.username(), disabled ? "disabled" : "enabled"));
  }

  int defaultCapacity() {
    return defaultCapacity;
  }

  public Future<Void> changePassword(Operator op, String current, String next) {
    String weak = Passwords.weakness(next);
    if (weak != null) return Future.failedFuture(HttpError.badRequest(weak));
    return authenticate(op.username(), current).compose(ok -> {
      if (ok.isEmpty()) return Future.failedFuture(HttpError.forbidden("The current password is wrong"));
      return passwords.hash(next).compose(h -> pool.preparedQuery(ConsoleSql.SET_PASSWORD).execute(Tuple.of(op.id(), h)));
    }).mapEmpty();
  }

  public Future<Operator> setAvailable(Operator op, boolean available) {
    return pool.preparedQuery(ConsoleSql.SET_AVAILABLE).execute(Tuple.of(op.id(), available)).map(rs -> {
      if (rs.size() == 0) throw HttpError.forbidden("This account is disabled");
      return Operator.of(rs.iterator().next());
    });
  }

  static String randomPassword() {
    SecureRandom random = new SecureRandom();
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 16; i++) s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    return s.toString();
  }
}
