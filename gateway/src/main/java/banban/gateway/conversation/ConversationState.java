package banban.gateway.conversation;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Who owns a conversation. The state decides who may speak: the bot only in {@link #BOT} and
 * {@link #TICKETED}; while a person owns it or it waits for one, the bot stays silent.
 */
public enum ConversationState {
  BOT, QUEUED, WITH_OPERATOR, CLOSED, TICKETED;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ConversationState fromWire(String s) {
    return valueOf(s.toUpperCase(Locale.ROOT));
  }

  public boolean botMaySpeak() {
    return this == BOT || this == TICKETED;
  }

  /** The transitions the engine allows; anything else is a bug or a race and is refused. */
  public Set<ConversationState> next() {
    return switch (this) {
      case BOT -> EnumSet.of(QUEUED, CLOSED, TICKETED);
      case QUEUED -> EnumSet.of(WITH_OPERATOR, BOT, CLOSED, TICKETED);
      case WITH_OPERATOR -> EnumSet.of(QUEUED, CLOSED, TICKETED);
      case CLOSED -> EnumSet.of(BOT);
      case TICKETED -> EnumSet.of(BOT, QUEUED, CLOSED);
    };
  }

  public boolean canMoveTo(ConversationState target) {
    return next().contains(target);
  }
}
