package banban.kb;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;

/**
 * What to do with one citizen message, and what to say. {@code faqId}, {@code question} and
 * {@code department} are set only when the action is {@link Action#ANSWER}; {@code answer} is the text to
 * send: the FAQ answer, or for the other actions the reply from {@code texts.properties} (clarifying
 * prompt, emergency number, smalltalk...).
 */
public record Decision(
    Action action,
    String faqId,
    String question,
    String answer,
    String department,
    double confidence,
    List<Suggestion> suggestions,
    List<String> intents) {

  public enum Action {
    ANSWER, CLARIFY, FALLBACK, HANDOFF, TICKET, EMERGENCY, SMALLTALK;

    /** The name on the wire: {@code answer}, {@code clarify}, ... */
    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** An entry offered in a clarifying question. */
  public record Suggestion(String faqId, String question) {}

  public Decision {
    suggestions = suggestions == null ? List.of() : List.copyOf(suggestions);
    intents = intents == null ? List.of() : List.copyOf(intents);
  }

  static Decision answer(FaqEntry e, double confidence, List<String> intents) {
    return new Decision(Action.ANSWER, e.id(), e.question(), e.answer(), e.department(), confidence, List.of(),
        intents);
  }

  static Decision reply(Action action, String text, double confidence, List<Suggestion> suggestions,
      List<String> intents) {
    return new Decision(action, null, null, text, null, confidence, suggestions, intents);
  }

  public boolean answered() {
    return action == Action.ANSWER;
  }

  /** The JSON of {@code /api/v1/ask}; confidence rounded to three decimals. */
  public JsonObject toJson() {
    JsonObject o = new JsonObject().put("action", action.wireName());
    if (action == Action.ANSWER) {
      o.put("faqId", faqId).put("question", question);
    }
    if (answer != null) o.put("answer", answer);
    if (action == Action.ANSWER && department != null && !department.isEmpty()) o.put("department", department);
    o.put("confidence", Math.round(confidence * 1000) / 1000.0);
    JsonArray s = new JsonArray();
    for (Suggestion sg : suggestions) s.add(new JsonObject().put("faqId", sg.faqId()).put("question", sg.question()));
    o.put("suggestions", s);
    o.put("intents", new JsonArray(List.copyOf(intents)));
    return o;
  }
}
