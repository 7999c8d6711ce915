package banban.gateway.conversation;

import banban.kb.Decision.Suggestion;
import java.util.List;

/** The part of a conversation row the engine decides with. */
public record Conversation(
    String id, String channel, String citizenRef, ConversationState state, int fallbackStreak,
    List<Suggestion> pendingChoices) {}
