package banban.gateway.wechat;

import banban.gateway.conversation.Texts;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What the engine said, as the text of one WeChat message: clarifying choices become a numbered list the
 * citizen answers with a digit, answers name their department as source, and text over WeChat's limit of
 * 2048 bytes is cut at a character boundary with a note saying so.
 */
final class ReplyText {
  static final int MAX_BYTES = 2048;

  private final Texts texts;

  ReplyText(Texts texts) {
    this.texts = texts;
  }

  /** The reply to the stored messages of one turn, or null when only the citizen's message was stored. */
  String render(JsonArray stored) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < stored.size(); i++) {
      JsonObject m = stored.getJsonObject(i);
      String sender = m.getString("sender");
      if ("bot".equals(sender) || "system".equals(sender) || "operator".equals(sender)) parts.add(message(m));
    }
    return parts.isEmpty() ? null : fit(String.join("\n\n", parts));
  }

  /** One stored message as WeChat text. */
  String message(JsonObject m) {
    String text = m.getString("text", "");
    JsonObject p = m.getJsonObject("payload");
    if (p == null) return text;
    String action = p.getString("action", "");
    StringBuilder sb = new StringBuilder();
    if ("clarify".equals(action) && p.getJsonArray("suggestions") != null) {
      // The web's hint speaks of clicking; on WeChat the citizen replies with a digit instead.
      String webHint = texts.get("clarify.hint");
      sb.append(text.endsWith(webHint) ? text.substring(0, text.length() - webHint.length()) : text);
      JsonArray s = p.getJsonArray("suggestions");
      for (int i = 0; i < s.size(); i++) sb.append('\n').append(i + 1).append(". ").append(s.getJsonObject(i).getString("question"));
      sb.append('\n').append(texts.get("wechat.clarify.hint"));
    } else {
      sb.append(text);
      String department = p.getString("department");
      if ("answer".equals(action) && department != null && !department.isBlank()) {
        sb.append("\n\n").append(texts.get("wechat.source", department));
      }
      if (p.getBoolean("offerHuman", false) || "fallback".equals(action)) sb.append('\n').append(texts.get("wechat.human.hint"));
    }
    return sb.toString();
  }

  /** The text, or its longest prefix that fits with the truncation note, in at most 2048 UTF-8 bytes. */
  String fit(String text) {
    if (text.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES) return text;
    String note = texts.get("wechat.truncated");
    int budget = MAX_BYTES - note.getBytes(StandardCharsets.UTF_8).length;
    int used = 0;
    int end = 0;
    while (end < text.length()) {
      int cp = text.codePointAt(end);
      int bytes = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
      if (used + bytes > budget) break;
      used += bytes;
      end += Character.charCount(cp);
    }
    return text.substring(0, end) + note;
  }
}
