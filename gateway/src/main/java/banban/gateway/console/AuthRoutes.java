package banban.gateway.console;

import banban.connectors.http.HttpError;
import banban.connectors.http.JsonBodies;
import banban.connectors.web.RateLimiter;
import io.vertx.core.http.Cookie;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** Login, logout, the current account, passwords, and the administrator's account and canned-reply APIs. */
final class AuthRoutes {
  private final Accounts accounts;
  private final Sessions sessions;
  private final CannedReplies canned;
  private final RateLimiter byAddress;
  private final FailedLogins byUser;

  AuthRoutes(Accounts accounts, Sessions sessions, CannedReplies canned, int attemptsPerMinute) {
    this.accounts = accounts;
    this.sessions = sessions;
    this.canned = canned;
    // Operators of one office often share one address: it gets ten times one user's allowance.
    this.byAddress = new RateLimiter(attemptsPerMinute * 10);
    this.byUser = new FailedLogins(attemptsPerMinute);
  }

  /** Login is the one console route without a session; the rest are mounted behind {@link ConsoleAuth}. */
  void mountLogin(Router router) {
    router.post("/api/v1/console/login").handler(this::login);
  }

  void mount(Router router) {
    router.post("/api/v1/console/logout").handler(this::logout);
    router.get("/api/v1/console/me").handler(this::me);
    router.post("/api/v1/console/password").handler(this::password);
    router.get("/api/v1/console/operators").handler(this::listOperators);
    router.post("/api/v1/console/operators").handler(this::createOperator);
    router.post("/api/v1/console/operators/:opId/disable").handler(ctx -> disable(ctx, true));
    router.post("/api/v1/console/operators/:opId/enable").handler(ctx -> disable(ctx, false));
    router.get("/api/v1/console/canned-replies").handler(this::listCanned);
    router.post("/api/v1/console/canned-replies").handler(this::createCanned);
    router.post("/api/v1/console/canned-replies/:replyId/delete").handler(this::deleteCanned);
  }

  private void login(RoutingContext ctx) {
    JsonObject body = JsonBodies.object(ctx);
    String username = body.getValue("username") instanceof String u ? u.strip().toLowerCase(java.util.Locale.ROOT) : "";
    String password = body.getValue("password") instanceof String p ? p : "";
    if (username.isEmpty() || password.isEmpty() || username.length() > 64 || password.length() > 200) {
      throw HttpError.badRequest("Fields 'username' and 'password' are required");
    }
    long now = System.currentTimeMillis();
    long wait = Math.max(byAddress.acquire(ctx.request().remoteAddress().host(), now), byUser.retryAfter(username, now));
    if (wait > 0) {
      ctx.response().putHeader("Retry-After", String.valueOf(wait));
      throw new HttpError(429, "too_many_requests", "Too many login attempts; retry in " + wait + " s");
    }
    accounts.authenticate(username, password).compose(op -> {
      if (op.isEmpty()) {
        byUser.failed(username, System.currentTimeMillis());
        throw new HttpError(401, "invalid_credentials", "Wrong user name or password");
      }
      return sessions.create(op.get()).map(s -> {
        ctx.response().addCookie(ConsoleAuth.cookie(ctx, s.cookie()));
        return new JsonObject().put("operator", op.get().toJson()).put("csrfToken", s.csrfToken());
      });
    }).onSuccess(ctx::json).onFailure(ctx::fail);
  }

  private void logout(RoutingContext ctx) {
    Cookie c = ctx.request().getCookie(ConsoleAuth.COOKIE);
    sessions.delete(c.getValue()).onSuccess(v -> {
      ctx.response().addCookie(ConsoleAuth.cookie(ctx, "").setMaxAge(0));
      ctx.response().setStatusCode(204).end();
    }).onFailure(ctx::fail);
  }

  private void me(RoutingContext ctx) {
    Sessions.Session s = ConsoleAuth.session(ctx);
    ctx.json(new JsonObject().put("operator", s.operator().toJson()).put("csrfToken", s.csrfToken()));
  }

  private void password(RoutingContext ctx) {
    JsonObject body = JsonBodies.object(ctx);
    if (!(body.getValue("current") instanceof String current) || !(body.getValue("password") instanceof String next)) {
      throw HttpError.badRequest("Fields 'current' and 'password' are required");
    }
    accounts.changePassword(ConsoleAuth.operator(ctx), current, next)
        .onSuccess(v -> ctx.response().setStatusCode(204).end()).onFailure(ctx::fail);
  }

  private void listOperators(RoutingContext ctx) {
    ConsoleAuth.admin(ctx);
    accounts.list().onSuccess(a -> ctx.json(new JsonObject().put("operators", a))).onFailure(ctx::fail);
  }

  private void createOperator(RoutingContext ctx) {
    ConsoleAuth.admin(ctx);
    JsonObject body = JsonBodies.object(ctx);
    String username = body.getValue("username") instanceof String u ? u.strip() : "";
    String display = JsonBodies.text(body, "displayName").strip();
    String password = body.getValue("password") instanceof String p ? p : "";
    String role = body.getString("role", Operator.OPERATOR);
    if (!Operator.OPERATOR.equals(role) && !Operator.ADMIN.equals(role)) throw HttpError.badRequest("Field 'role' is operator or admin");
    if (display.length() > 40) throw HttpError.badRequest("Field 'displayName' has at most 40 characters");
    int capacity = body.getValue("capacity") instanceof Number n ? n.intValue() : accounts.defaultCapacity();
    if (capacity < 1 || capacity > 50) throw HttpError.badRequest("Field 'capacity' is from 1 to 50");
    accounts.create(username, display, password, role, capacity, false)
        .onSuccess(op -> ctx.response().setStatusCode(201).putHeader("Content-Type", "application/json; charset=utf-8")
            .end(new JsonObject().put("operator", op.toJson()).encode()))
        .onFailure(ctx::fail);
  }

  private void disable(RoutingContext ctx, boolean disabled) {
    Operator me = ConsoleAuth.admin(ctx);
    long id = ConsoleRoutes.longParam(ctx, "opId");
    if (id == me.id()) throw HttpError.conflict("An administrator cannot disable their own account");
    accounts.setDisabled(id, disabled).onSuccess(op -> ctx.json(new JsonObject().put("operator", op.toJson()))).onFailure(ctx::fail);
  }

  private void listCanned(RoutingContext ctx) {
    ConsoleAuth.operator(ctx);
    canned.list().onSuccess(a -> ctx.json(new JsonObject().put("replies", a))).onFailure(ctx::fail);
  }

  private void createCanned(RoutingContext ctx) {
    Operator admin = ConsoleAuth.admin(ctx);
    JsonObject body = JsonBodies.object(ctx);
    String title = JsonBodies.text(body, "title").strip();
    if (title.length() > 40) throw HttpError.badRequest("Field 'title' has at most 40 characters");
    canned.create(title, JsonBodies.text(body, "text"), admin)
        .onSuccess(r -> ctx.response().setStatusCode(201).putHeader("Content-Type", "application/json; charset=utf-8").end(r.encode()))
        .onFailure(ctx::fail);
  }

  private void deleteCanned(RoutingContext ctx) {
    ConsoleAuth.admin(ctx);
    canned.delete(ConsoleRoutes.longParam(ctx, "replyId"))
        .onSuccess(v -> ctx.response().setStatusCode(204).end()).onFailure(ctx::fail);
  }
}
