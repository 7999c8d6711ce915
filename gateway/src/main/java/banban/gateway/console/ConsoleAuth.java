package banban.gateway.console;

import banban.connectors.http.HttpError;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * Guards every console API: a live session cookie, and on every request that changes something the
 * session's CSRF token in the {@value #CSRF_HEADER} header. A citizen's bearer token opens nothing here.
 * Colleagues' console routes (work orders) mount behind the same guard and read {@link #operator}.
 */
public final class ConsoleAuth implements Handler<RoutingContext> {
  public static final String COOKIE = "banban_console";
  public static final String CSRF_HEADER = "X-CSRF-Token";
  private static final String KEY = "banban.console.session";

  private final Sessions sessions;

  public ConsoleAuth(Sessions sessions) {
    this.sessions = sessions;
  }

  @Override
  public void handle(RoutingContext ctx) {
    boolean changes = ctx.request().method() != HttpMethod.GET && ctx.request().method() != HttpMethod.HEAD;
    resolve(ctx).onSuccess(s -> {
      if (s.isEmpty()) {
        ctx.fail(new HttpError(401, "unauthorized", "Log in to the console first"));
      } else if (changes && !Sessions.sameToken(s.get().csrfToken(), ctx.request().getHeader(CSRF_HEADER))) {
        ctx.fail(new HttpError(403, "csrf", "The " + CSRF_HEADER + " header is missing or wrong"));
      } else {
        ctx.put(KEY, s.get());
        ctx.next();
      }
    }).onFailure(ctx::fail);
  }

  /** The request's live session, if any, without failing the request (the WebSocket upgrade needs this). */
  Future<Optional<Sessions.Session>> resolve(RoutingContext ctx) {
    Cookie cookie = ctx.request().getCookie(COOKIE);
    return sessions.resolve(cookie == null ? null : cookie.getValue());
  }

  public static Sessions.Session session(RoutingContext ctx) {
    Sessions.Session s = ctx.get(KEY);
    if (s == null) throw new HttpError(401, "unauthorized", "Log in to the console first");
    return s;
  }

  /** The logged-in account; operators and administrators both serve citizens. */
  public static Operator operator(RoutingContext ctx) {
    return session(ctx).operator();
  }

  public static Operator admin(RoutingContext ctx) {
    Operator op = operator(ctx);
    if (!op.admin()) throw HttpError.forbidden("Only an administrator may do this");
    return op;
  }

  /** A browser-session cookie (the server ends idle sessions): HttpOnly, SameSite=Strict, Secure when the request came over TLS (directly or through a proxy). */
  static Cookie cookie(RoutingContext ctx, String value) {
    boolean tls = ctx.request().isSSL() || "https".equalsIgnoreCase(ctx.request().getHeader("X-Forwarded-Proto"));
    return Cookie.cookie(COOKIE, value).setPath("/").setHttpOnly(true).setSameSite(CookieSameSite.STRICT)
        .setSecure(tls);
  }
}
