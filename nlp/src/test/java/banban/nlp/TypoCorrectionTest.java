package banban.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TypoCorrectionTest {
  private final TextPipeline pipeline = Pipelines.WITH_KB;

  @ParameterizedTest(name = "{0}: {1} -> {2}")
  @CsvSource({
      "社宝卡丢了怎么办, 社宝卡, 社保卡, 社会保障卡",
      "公基金租房能取吗, 公基金, 公积金, 住房公积金",
      "残急证去哪办, 残急证, 残疾证, 残疾人证",
      "买房的气税谁交, 气税, 契税, 契税",
      "营业职照丢了, 营业职照, 营业执照, 营业执照"})
  @DisplayName("Similar-sounding or similar-looking misspellings become the KB's term")
  void correctsTypos(String text, String from, String to, String token) {
    AnalyzedQuery q = pipeline.analyze(text);
    assertThat(q.corrections()).contains(new Correction(from, to));
    assertThat(q.tokens()).contains(token).doesNotContain(from);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "社保卡丢了怎么补办",
      "我想卖房子,契税怎么交",
      "公示期是多久",
      "在小区里办理残疾证",
      "打到卡上的钱是多少"})
  @DisplayName("Words that are right are never corrected")
  void leavesCorrectWordsAlone(String text) {
    assertThat(pipeline.analyze(text).corrections()).isEmpty();
  }

  @Test
  @DisplayName("Without KB texts only the seed dictionary is known, and a KB word is corrected once the KB is loaded")
  void vocabularyComesFromTheKnowledgeBase() {
    TextPipeline bare = Pipelines.SEEDED.withVocabulary(java.util.List.of());
    TextPipeline kb = Pipelines.SEEDED.withVocabulary(java.util.List.of("办理银行卡挂失手续"));
    assertThat(bare.analyze("挂湿手续").corrections()).isEmpty();
    assertThat(kb.analyze("挂湿手续").corrections()).containsExactly(new Correction("挂湿", "挂失"));
  }

  @Test
  @DisplayName("The index analyzer never corrects, the query analyzer does")
  void onlyQueriesAreCorrected() throws Exception {
    assertThat(AnalyzerTest.terms(pipeline.indexAnalyzer(), "社宝卡")).doesNotContain("社会保障卡");
    assertThat(AnalyzerTest.terms(pipeline.queryAnalyzer(), "社宝卡")).containsExactly("社会保障卡");
  }
}
