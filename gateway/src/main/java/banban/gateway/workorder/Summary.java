package banban.gateway.workorder;

import io.vertx.core.json.JsonObject;

/**
 * The five elements (五要素) of an appeal: who, when, where, what, and what the citizen wants. Empty
 * strings are elements nobody could extract; the operator fills them in.
 */
public record Summary(String who, String when, String where, String what, String want) {

  public JsonObject toJson() {
    return new JsonObject().put("who", who).put("when", when).put("where", where).put("what", what).put("want", want);
  }

  public static Summary fromJson(JsonObject o) {
    if (o == null) return new Summary("", "", "", "", "");
    return new Summary(s(o, "who"), s(o, "when"), s(o, "where"), s(o, "what"), s(o, "want"));
  }

  private static String s(JsonObject o, String k) {
    Object v = o.getValue(k);
    return v instanceof String str ? str.strip() : "";
  }
}
