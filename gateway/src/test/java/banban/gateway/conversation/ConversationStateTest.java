package banban.gateway.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConversationStateTest {

  @ParameterizedTest(name = "{0} -> {1}: {2}")
  @CsvSource({
      "BOT, QUEUED, true", "BOT, CLOSED, true", "BOT, TICKETED, true", "BOT, WITH_OPERATOR, false",
      "QUEUED, WITH_OPERATOR, true", "QUEUED, BOT, true", "QUEUED, CLOSED, true", "QUEUED, TICKETED, true",
      "WITH_OPERATOR, CLOSED, true", "WITH_OPERATOR, QUEUED, true", "WITH_OPERATOR, TICKETED, true", "WITH_OPERATOR, BOT, false",
      "CLOSED, BOT, true", "CLOSED, QUEUED, false", "CLOSED, WITH_OPERATOR, false", "CLOSED, TICKETED, false",
      "TICKETED, BOT, true", "TICKETED, QUEUED, true", "TICKETED, CLOSED, true", "TICKETED, WITH_OPERATOR, false"})
  @DisplayName("Only the transitions of the state machine are allowed")
  void transitions(ConversationState from, ConversationState to, boolean allowed) {
    assertThat(from.canMoveTo(to)).isEqualTo(allowed);
  }

  @ParameterizedTest(name = "in {0} the bot may speak: {1}")
  @CsvSource({"BOT, true", "TICKETED, true", "QUEUED, false", "WITH_OPERATOR, false", "CLOSED, false"})
  @DisplayName("The bot stays silent while a person owns the conversation or is about to")
  void botSilence(ConversationState state, boolean speaks) {
    assertThat(state.botMaySpeak()).isEqualTo(speaks);
  }
}
