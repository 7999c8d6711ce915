package banban.connectors.http;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;

/** Reading and checking JSON request bodies; a bad body fails the request with a 400 envelope. */
public final class JsonBodies {
  /** The longest message a citizen may send, in characters (code points). */
  public static final int MAX_TEXT_CHARS = 1000;

  private JsonBodies() {}

  public static JsonObject object(RoutingContext ctx) {
    String type = ctx.request().getHeader("Content-Type");
    if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
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

  /** A required text field of at most {@link #MAX_TEXT_CHARS} characters, not blank. */
  public static String text(JsonObject body, String field) {
    Object v = body.getValue(field);
    if (!(v instanceof String s) || s.isBlank()) {
      throw HttpError.badRequest("Field '" + field + "' must be a non-empty string");
    }
    if (s.codePointCount(0, s.length()) > MAX_TEXT_CHARS) {
      throw new HttpError(400, "text_too_long", "Field '" + field + "' is longer than " + MAX_TEXT_CHARS + " characters");
    }
    return s;
  }

  /** An optional short identifier field (e.g. an FAQ id), or null. */
  public static String optionalId(JsonObject body, String field) {
    Object v = body.getValue(field);
    if (v == null) return null;
    if (!(v instanceof String s) || s.isBlank() || s.length() > 64) {
      throw HttpError.badRequest("Field '" + field + "' must be a short string");
    }
    return s;
  }
}
