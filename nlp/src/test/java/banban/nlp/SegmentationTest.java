package banban.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SegmentationTest {
  private final TextPipeline pipeline = Pipelines.SEEDED;

  @ParameterizedTest(name = "{0} keeps {1} whole")
  @CsvSource({
      "不动产权证书丢了怎么补办, 不动产权证书",
      "我想办理异地就医备案, 异地就医备案",
      "爱山东上能办吗, 爱山东",
      "申请帮办代办服务, 帮办代办",
      "老人去世没及时报停养老金, 报停"})
  @DisplayName("Domain dictionary terms stay one token")
  void keepsDomainTermsWhole(String text, String term) {
    assertThat(pipeline.segment(pipeline.normalize(text))).contains(term);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "'社保卡的密码忘了怎么办？', 的|怎么|?|怎么办",
      "'我想问一下公积金吗', 我|问|一下|吗",
      "'你好！请问营业执照，怎么办理', 你好|请问|!|,"})
  @DisplayName("Stop words and punctuation are dropped from segments")
  void dropsStopWords(String text, String dropped) {
    assertThat(pipeline.segment(pipeline.normalize(text))).doesNotContain(dropped.split("\\|")).isNotEmpty();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "房本丢了怎么补, 不动产权证书, 房本",
      "电瓶车上牌去哪, 电动自行车, 电瓶车",
      "低保申请条件, 最低生活保障, 低保",
      "残疾证怎么办, 残疾人证, 残疾证"})
  @DisplayName("Synonym variants are replaced by the canonical term")
  void canonicalisesSynonyms(String text, String canonical, String variant) {
    AnalyzedQuery q = pipeline.analyze(text);
    assertThat(q.tokens()).contains(canonical).doesNotContain(variant);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"社區的路燈壞了怎麼辦, 社区的路灯坏了怎么办", "ＡＰＰ上怎么办理营业执照, app上怎么办理营业执照"})
  @DisplayName("Traditional and full-width text give the same tokens as plain simplified text")
  void scriptAndWidthDoNotChangeTokens(String variant, String plain) {
    assertThat(pipeline.analyze(variant).tokens()).isEqualTo(pipeline.analyze(plain).tokens()).isNotEmpty();
  }
}
