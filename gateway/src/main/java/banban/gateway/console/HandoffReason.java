package banban.gateway.console;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Why a conversation came to a person, read from its transcript: the bot turn just before the last
 * "you are queued" notice. A pure function, so it needs no extra column and works for old conversations.
 */
final class HandoffReason {
  private HandoffReason() {}

  /** handoff_intent (the bot heard "a person" or a complaint), fallbacks, not_helpful, asked (the button), or null. */
  static String of(JsonArray messages) {
    int queued = -1;
    for (int i = messages.size() - 1; i >= 0; i--) {
      JsonObject m = messages.getJsonObject(i);
      if ("system".equals(m.getString("sender")) && m.getJsonObject("payload") != null
          && m.getJsonObject("payload").containsKey("queuePosition")) {
        queued = i;
        break;
      }
    }
    if (queued < 0) return null;
    for (int i = queued - 1; i >= 0; i--) {
      JsonObject m = messages.getJsonObject(i);
      if (!"bot".equals(m.getString("sender"))) continue;
      JsonObject p = m.getJsonObject("payload");
      String action = p == null ? null : p.getString("action");
      if ("handoff".equals(action) && i == queued - 1) return "handoff_intent";
      if ("fallback".equals(action) && p.getBoolean("offerHuman", false)) return "fallbacks";
      if ("feedback".equals(action) && p.getBoolean("offerHuman", false)) return "not_helpful";
      return "asked";
    }
    return "asked";
  }
}
