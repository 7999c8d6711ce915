package banban.gateway.console;

import banban.connectors.http.HttpError;
import banban.connectors.http.JsonBodies;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.regex.Pattern;

/** The console's queue and conversation APIs; every route sits behind {@link ConsoleAuth}. */
final class ConsoleRoutes {
  private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  private final Accounts accounts;
  private final HandoffQueue queue;
  private final OperatorActions actions;

  ConsoleRoutes(Accounts accounts, HandoffQueue queue, OperatorActions actions) {
    this.accounts = accounts;
    this.queue = queue;
    this.actions = actions;
  }

  void mount(Router router) {
    router.post("/api/v1/console/availability").handler(this::availability);
    router.get("/api/v1/console/queue").handler(this::snapshot);
    router.post("/api/v1/console/conversations/:id/accept").handler(this::accept);
    router.get("/api/v1/console/conversations/:id").handler(this::transcript);
    router.post("/api/v1/console/conversations/:id/messages").handler(this::reply);
    router.post("/api/v1/console/conversations/:id/close").handler(this::close);
    router.get("/api/v1/console/conversations/:id/suggestions").handler(this::suggestions);
  }

  private void availability(RoutingContext ctx) {
    JsonObject body = JsonBodies.object(ctx);
    if (!(body.getValue("available") instanceof Boolean available)) throw HttpError.badRequest("Field 'available' (true or false) is required");
    accounts.setAvailable(ConsoleAuth.operator(ctx), available)
        .onSuccess(op -> {
          queue.events().queueChanged();
          ctx.json(new JsonObject().put("operator", op.toJson()));
        })
        .onFailure(ctx::fail);
  }

  private void snapshot(RoutingContext ctx) {
    queue.snapshot(ConsoleAuth.operator(ctx)).onSuccess(ctx::json).onFailure(ctx::fail);
  }

  private void accept(RoutingContext ctx) {
    queue.accept(ConsoleAuth.operator(ctx), id(ctx)).onSuccess(ctx::json).onFailure(ctx::fail);
  }

  private void transcript(RoutingContext ctx) {
    actions.transcript(ConsoleAuth.operator(ctx), id(ctx)).onSuccess(ctx::json).onFailure(ctx::fail);
  }

  private void reply(RoutingContext ctx) {
    String id = id(ctx);
    String text = JsonBodies.text(JsonBodies.object(ctx), "text");
    actions.reply(ConsoleAuth.operator(ctx), id, text)
        .onSuccess(m -> ctx.response().setStatusCode(201).putHeader("Content-Type", "application/json; charset=utf-8")
            .end(new JsonObject().put("message", m).encode()))
        .onFailure(ctx::fail);
  }

  private void close(RoutingContext ctx) {
    String id = id(ctx);
    JsonObject body = JsonBodies.object(ctx);
    String resolution = body.getValue("resolution") instanceof String s ? s : "";
    actions.close(ConsoleAuth.operator(ctx), id, resolution).onSuccess(ctx::json).onFailure(ctx::fail);
  }

  private void suggestions(RoutingContext ctx) {
    actions.assist(ConsoleAuth.operator(ctx), id(ctx))
        .onSuccess(a -> ctx.json(new JsonObject().put("suggestions", a))).onFailure(ctx::fail);
  }

  static String id(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    if (id == null || !UUID.matcher(id).matches()) throw HttpError.notFound("No such conversation");
    return id;
  }

  static long longParam(RoutingContext ctx, String name) {
    try {
      return Long.parseLong(ctx.pathParam(name));
    } catch (NumberFormatException e) {
      throw HttpError.notFound("No such resource");
    }
  }
}
