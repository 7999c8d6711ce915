package banban.gateway.conversation;

import banban.kb.Decision;
import banban.kb.Decision.Suggestion;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The conversation rules around the knowledge base's decision, as a pure function: numbered choices,
 * asking for feedback after an answer, offering a person after two fallbacks in a row.
 */
public final class BotTurn {
  /** Fallbacks in a row after which the bot offers a person. */
  public static final int FALLBACKS_BEFORE_OFFER = 2;
  private static final Pattern CHOICE = Pattern.compile("^\\s*(?:第)?\\s*([1-9１-９])\\s*(?:个|条|项|号)?\\s*[。.!！]?\\s*$");

  private final Texts texts;

  public BotTurn(Texts texts) {
    this.texts = texts;
  }

  /** The FAQ id a reply like "2" or "第2个" picks from the last clarifying list, if any. */
  public static Optional<String> numberedChoice(String text, List<Suggestion> pending) {
    if (pending == null || pending.isEmpty() || text == null) return Optional.empty();
    Matcher m = CHOICE.matcher(text);
    if (!m.matches()) return Optional.empty();
    int n = Character.getNumericValue(m.group(1).charAt(0));
    return n >= 1 && n <= pending.size() ? Optional.of(pending.get(n - 1).faqId()) : Optional.empty();
  }

  public BotReply reply(Decision d, Conversation c) {
    JsonObject payload = new JsonObject().put("action", d.action().wireName())
        .put("confidence", Math.round(d.confidence() * 1000) / 1000.0);
    return switch (d.action()) {
      case ANSWER -> {
        payload.put("faqId", d.faqId()).put("question", d.question()).put("department", d.department())
            .put("askFeedback", true);
        yield new BotReply(d.answer(), payload, 0, List.of(), false, null);
      }
      case CLARIFY -> {
        JsonArray s = new JsonArray();
        d.suggestions().forEach(x -> s.add(new JsonObject().put("faqId", x.faqId()).put("question", x.question())));
        payload.put("suggestions", s);
        yield new BotReply(d.answer() + texts.get("clarify.hint"), payload, 0, d.suggestions(), false, "clarify");
      }
      case FALLBACK -> {
        int streak = c.fallbackStreak() + 1;
        boolean offer = streak >= FALLBACKS_BEFORE_OFFER;
        payload.put("offerHuman", offer);
        yield new BotReply(offer ? texts.get("fallback.offer") : d.answer(), payload, streak, List.of(), false, "fallback");
      }
      case HANDOFF -> new BotReply(d.answer(), payload.put("offerHuman", true), 0, List.of(), true, null);
      case TICKET -> new BotReply(d.answer(), payload.put("offerHuman", true), 0, List.of(), false, null);
      case EMERGENCY, SMALLTALK -> new BotReply(d.answer(), payload, c.fallbackStreak(), c.pendingChoices(), false, null);
    };
  }
}
