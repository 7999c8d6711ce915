package banban.gateway.kb;

import banban.gateway.http.HttpError;
import banban.gateway.http.HttpVerticle;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** {@code POST /api/v1/ask}: stateless question answering for the website's search box and evaluation. */
public final class AskRoutes implements HttpVerticle.Routes {
  public static final int MAX_TEXT_CHARS = 1000;

  private final KnowledgeService knowledge;

  public AskRoutes(KnowledgeService knowledge) {
    this.knowledge = knowledge;
  }

  @Override
  public void accept(Router router) {
    router.post("/api/v1/ask").handler(this::ask);
  }

  private void ask(RoutingContext ctx) {
    String text = requiredText(ctx);
    knowledge.ask(text)
        .onSuccess(decision -> ctx.json(decision.toJson()))
        .onFailure(ctx::fail);
  }

  /** The {@code text} field of a JSON body, validated; a bad request fails with a 400 envelope. */
  public static String requiredText(RoutingContext ctx) {
    JsonObject body = jsonBody(ctx);
    Object text = body.getValue("text");
    if (!(text instanceof String s) || s.isBlank()) {
      throw HttpError.badRequest("Field 'text' must be a non-empty string");
    }
    if (s.codePointCount(0, s.length()) > MAX_TEXT_CHARS) {
      throw HttpError.badRequest("Field 'text' is longer than " + MAX_TEXT_CHARS + " characters");
    }
    return s;
  }

  public static JsonObject jsonBody(RoutingContext ctx) {
    String type = ctx.request().getHeader("Content-Type");
    if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
      throw HttpError.badRequest("Content-Type must be application/json");
    }
    try {
      JsonObject body = ctx.body().asJsonObject();
      if (body == null) throw HttpError.badRequest("The request body is empty");
      return body;
    } catch (DecodeException | ClassCastException e) {
      throw HttpError.badRequest("The request body is not a JSON object");
    }
  }
}
