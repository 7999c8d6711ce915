package banban.gateway.conversation;

import banban.kb.Decision.Suggestion;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * What the bot says in one turn and what it changes: the streak of fallbacks, the choices a digit can
 * pick next, whether the conversation goes to the queue, and why the question counts as unanswered.
 */
public record BotReply(
    String text, JsonObject payload, int fallbackStreak, List<Suggestion> pendingChoices,
    boolean queue, String unansweredReason) {}
