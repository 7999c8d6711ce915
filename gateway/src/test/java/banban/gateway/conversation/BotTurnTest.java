package banban.gateway.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import banban.kb.Decision;
import banban.kb.Decision.Action;
import banban.kb.Decision.Suggestion;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BotTurnTest {
  private static final List<Suggestion> CHOICES = List.of(
      new Suggestion("hpf-001", "租房提取公积金"), new Suggestion("hpf-002", "购房提取公积金"), new Suggestion("hpf-003", "离职提取公积金"));
  private final BotTurn turn = new BotTurn(Texts.load());

  private static Conversation conv(int streak, List<Suggestion> pending) {
    return new Conversation("c", "web", "ref", ConversationState.BOT, streak, pending);
  }

  @ParameterizedTest(name = "''{0}'' picks {1}")
  @CsvSource({"2, hpf-002", " 1 , hpf-001", "第3个, hpf-003", "３, hpf-003", "2。, hpf-002"})
  @DisplayName("A digit picks from the last clarifying list")
  void numberedChoice(String text, String faqId) {
    assertThat(BotTurn.numberedChoice(text, CHOICES)).contains(faqId);
  }

  @ParameterizedTest(name = "''{0}'' is not a choice")
  @CsvSource({"4", "0", "12", "2号线地铁怎么坐", "公积金"})
  @DisplayName("Anything else, or a number outside the list, is not a choice")
  void notAChoice(String text) {
    assertThat(BotTurn.numberedChoice(text, CHOICES)).isEmpty();
  }

  @Test
  @DisplayName("No pending list means no numbered choice")
  void noPending() {
    assertThat(BotTurn.numberedChoice("1", List.of())).isEmpty();
  }

  @Test
  @DisplayName("An answer asks for feedback and clears the fallback streak")
  void answer() {
    Decision d = new Decision(Action.ANSWER, "biz-001", "个体工商户营业执照怎么办理？", "答案", "区行政审批服务局", 0.9, List.of(), List.of());
    BotReply r = turn.reply(d, conv(1, CHOICES));
    assertThat(r.payload().getBoolean("askFeedback")).isTrue();
    assertThat(r.payload().getString("department")).isEqualTo("区行政审批服务局");
    assertThat(r.fallbackStreak()).isZero();
    assertThat(r.pendingChoices()).isEmpty();
    assertThat(r.unansweredReason()).isNull();
  }

  @Test
  @DisplayName("Two fallbacks in a row offer a person; the first does not")
  void twoFallbacks() {
    Decision d = new Decision(Action.FALLBACK, null, null, "抱歉", null, 0.1, List.of(), List.of());
    BotReply first = turn.reply(d, conv(0, List.of()));
    assertThat(first.payload().getBoolean("offerHuman")).isFalse();
    assertThat(first.fallbackStreak()).isEqualTo(1);
    BotReply second = turn.reply(d, conv(first.fallbackStreak(), List.of()));
    assertThat(second.payload().getBoolean("offerHuman")).isTrue();
    assertThat(second.text()).contains("人工");
    assertThat(second.unansweredReason()).isEqualTo("fallback");
  }

  @Test
  @DisplayName("A clarifying reply remembers its choices for a numbered answer and is logged as unanswered")
  void clarify() {
    Decision d = new Decision(Action.CLARIFY, null, null, "您是想问以下哪个问题？", null, 0.5, CHOICES, List.of());
    BotReply r = turn.reply(d, conv(0, List.of()));
    assertThat(r.pendingChoices()).isEqualTo(CHOICES);
    assertThat(r.payload().getJsonArray("suggestions")).hasSize(3);
    assertThat(r.unansweredReason()).isEqualTo("clarify");
  }

  @Test
  @DisplayName("A request for a person queues the conversation")
  void handoff() {
    Decision d = new Decision(Action.HANDOFF, null, null, "正在转接", null, 1, List.of(), List.of("request_human"));
    assertThat(turn.reply(d, conv(0, List.of())).queue()).isTrue();
  }
}
