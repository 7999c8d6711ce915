package banban.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class RobustnessTest {
  private final TextPipeline pipeline = Pipelines.WITH_KB;

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", " ", "\t\n\r", "\u3000\u3000", "😀😀👍", "\u0000\u0001\u200b", "\uD800", "？？？！！"})
  @DisplayName("Empty, blank and noise-only text gives an empty analysis")
  void emptyAnalysis(String text) {
    AnalyzedQuery q = pipeline.analyze(text);
    assertThat(q.original()).isNotNull();
    assertThat(q.tokens()).isEmpty();
    assertThat(q.intents()).isEmpty();
    assertThat(q.corrections()).isEmpty();
    assertThat(q.smalltalkOnly()).isFalse();
  }

  @Test
  @DisplayName("A 10,000-character message is analysed without an exception")
  void longText() {
    String unit = "我们小区的路灯坏了一个多月没人修，社宝卡怎么补办？ＡＢＣ😀\u0000\uD800";
    StringBuilder sb = new StringBuilder();
    while (sb.length() < 10_000) sb.append(unit);
    String text = sb.substring(0, 10_000);
    AnalyzedQuery q = pipeline.analyze(text);
    assertThat(q.tokens()).contains("路灯", "社会保障卡");
    assertThat(q.normalized()).doesNotContain("\u0000").doesNotContain("😀");
  }

  @Test
  @DisplayName("Control characters and invalid surrogates inside a question do not change its tokens")
  void controlCharactersAndSurrogates() {
    AnalyzedQuery dirty = pipeline.analyze("社保卡\u0000丢了\uDC00怎么\u0007补办\uD83D");
    AnalyzedQuery clean = pipeline.analyze("社保卡丢了怎么补办");
    assertThat(dirty.tokens()).isEqualTo(clean.tokens()).isNotEmpty();
    assertThat(dirty.normalized()).isEqualTo(clean.normalized());
  }

  @Test
  @DisplayName("Emoji do not change the tokens of a question")
  void emoji() {
    assertThat(pipeline.analyze("🙏公积金👍怎么提取😭").tokens()).isEqualTo(pipeline.analyze("公积金怎么提取").tokens());
  }
}
