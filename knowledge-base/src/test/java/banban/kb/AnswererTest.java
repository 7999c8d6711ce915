package banban.kb;

import static org.assertj.core.api.Assertions.assertThat;

import banban.kb.Decision.Action;
import banban.nlp.DetectedIntent;
import banban.nlp.Intent;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The decision rule alone: intents mapped to actions, and confidence/gap mapped to answer/clarify/fallback. */
class AnswererTest {

  private static final FaqEntry A = FaqEntry.published("t-1", "测试", "区测试局", "社保卡怎么挂失？", List.of(), "打12333挂失。",
      List.of("社保卡挂失"));
  private static final FaqEntry B = FaqEntry.published("t-2", "测试", "区测试局", "社保卡坏了怎么补办？", List.of(), "到网点补办。",
      List.of("社保卡补办"));
  private static final FaqEntry C = FaqEntry.published("t-3", "测试", "区测试局", "社保卡怎么激活？", List.of(), "到银行激活。",
      List.of("社保卡激活"));

  private final DecisionConfig cfg = DecisionConfig.DEFAULTS;
  private final Answerer answerer = new Answerer(cfg, Texts.load());

  private static Candidate cand(FaqEntry e, double confidence) {
    return Candidate.scored(e, confidence, confidence);
  }

  private static Candidate cand(FaqEntry e, double score, double confidence) {
    return Candidate.scored(e, score, confidence);
  }

  private Decision withIntents(boolean smalltalk, DetectedIntent... intents) {
    KnowledgeBase kb = KnowledgeBase.build(new StubPipeline(List.of(intents), smalltalk), List.of(A, B, C), cfg);
    return kb.ask("随便说点什么");
  }

  @Test
  @DisplayName("A confident best entry well ahead of the second is answered, with its department")
  void answers() {
    Decision d = answerer.choose(List.of(cand(A, 0.8), cand(B, 0.4)), List.of(), cfg);
    assertThat(d.action()).isEqualTo(Action.ANSWER);
    assertThat(d.faqId()).isEqualTo("t-1");
    assertThat(d.answer()).isEqualTo(A.answer());
    assertThat(d.department()).isEqualTo("区测试局");
    assertThat(d.confidence()).isEqualTo(0.8);
  }

  @Test
  @DisplayName("A plausible but uncertain best entry gives a clarifying question with up to three choices")
  void clarifiesWhenUnsure() {
    double unsure = cfg.answerThreshold() / 2;
    Decision d = answerer.choose(List.of(cand(A, 0.7, unsure), cand(B, 0.68, unsure), cand(C, 0.6, 0.01),
        cand(C, 0.5, 0.01)), List.of(), cfg);
    assertThat(d.action()).isEqualTo(Action.CLARIFY);
    assertThat(d.answer()).isEqualTo("您是想问以下哪个问题？");
    assertThat(d.suggestions()).extracting(Decision.Suggestion::faqId).containsExactly("t-1", "t-2", "t-3");
    assertThat(d.faqId()).isNull();
  }

  @Test
  @DisplayName("With a minimum gap configured, a confident entry with a close second is asked back, not answered")
  void minimumGap() {
    DecisionConfig gap = cfg.withThresholds(cfg.answerThreshold(), 0.1, cfg.clarifyThreshold());
    assertThat(answerer.choose(List.of(cand(A, 0.7, 0.9), cand(B, 0.65, 0.2)), List.of(), gap).action())
        .isEqualTo(Action.CLARIFY);
    assertThat(answerer.choose(List.of(cand(A, 0.7, 0.9), cand(B, 0.55, 0.2)), List.of(), gap).action())
        .isEqualTo(Action.ANSWER);
  }

  @Test
  @DisplayName("Nothing scoring above the clarify threshold falls back to an offer of a person")
  void fallsBack() {
    Decision d = answerer.choose(List.of(cand(A, cfg.clarifyThreshold() / 2, cfg.answerThreshold() / 2)), List.of(), cfg);
    assertThat(d.action()).isEqualTo(Action.FALLBACK);
    assertThat(d.answer()).contains("人工");
    assertThat(answerer.choose(List.of(), List.of(), cfg).action()).isEqualTo(Action.FALLBACK);
  }

  @Test
  @DisplayName("A request for a person is handed off before any retrieval")
  void handsOff() {
    Decision d = withIntents(false, new DetectedIntent(Intent.REQUEST_HUMAN, "人工"));
    assertThat(d.action()).isEqualTo(Action.HANDOFF);
    assertThat(d.intents()).containsExactly("request_human");
  }

  @Test
  @DisplayName("A complaint that needs a department to act opens a ticket")
  void opensTicket() {
    assertThat(withIntents(false, new DetectedIntent(Intent.COMPLAINT_OR_REPORT, "投诉")).action())
        .isEqualTo(Action.TICKET);
  }

  @Test
  @DisplayName("An emergency wins over everything and names the right number")
  void emergency() {
    Decision fire = withIntents(false, new DetectedIntent(Intent.COMPLAINT_OR_REPORT, "投诉"),
        new DetectedIntent(Intent.EMERGENCY, "119"));
    assertThat(fire.action()).isEqualTo(Action.EMERGENCY);
    assertThat(fire.answer()).contains("119");
    assertThat(withIntents(false, new DetectedIntent(Intent.EMERGENCY, "120")).answer()).contains("120");
    assertThat(withIntents(false, new DetectedIntent(Intent.EMERGENCY, "122")).answer()).contains("122");
    assertThat(withIntents(false, new DetectedIntent(Intent.EMERGENCY, "?")).answer()).contains("110");
  }

  @Test
  @DisplayName("Greetings, thanks and goodbyes alone get a short friendly reply")
  void smalltalk() {
    Decision hi = withIntents(true, new DetectedIntent(Intent.GREETING, "你好"));
    assertThat(hi.action()).isEqualTo(Action.SMALLTALK);
    assertThat(hi.answer()).contains("您好");
    assertThat(withIntents(true, new DetectedIntent(Intent.THANKS, "谢谢")).answer()).contains("不客气");
    assertThat(withIntents(true, new DetectedIntent(Intent.GOODBYE, "再见")).answer()).contains("再见");
  }

  @Test
  @DisplayName("A greeting followed by a question is not smalltalk: the question is answered")
  void greetingWithQuestionIsRetrieval() {
    Decision d = withIntents(false, new DetectedIntent(Intent.GREETING, "你好"));
    assertThat(d.action()).isIn(Action.ANSWER, Action.CLARIFY, Action.FALLBACK);
    assertThat(d.intents()).containsExactly("greeting");
  }
}
