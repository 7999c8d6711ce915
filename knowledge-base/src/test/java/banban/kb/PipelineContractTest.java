package banban.kb;

import static org.assertj.core.api.Assertions.assertThat;

import banban.kb.index.EntryProfile;
import banban.nlp.TextPipeline;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Retrieval searches with {@code analyze(text).tokens()} instead of running the query analyzer a second
 * time. That is only right while both give the same terms; this test breaks loudly if they drift apart.
 */
class PipelineContractTest {

  @ParameterizedTest
  @ValueSource(strings = {"租房的人能不能提公积金", "房本丢了怎么补", "俺想問問駕駛證到期咋換", "ＡＰＰ上怎么查社保", "你好"})
  @DisplayName("The analysis tokens are exactly the query analyzer's terms")
  void tokensEqualQueryAnalyzerTerms(String text) {
    TextPipeline p = SeedKb.kb().snapshot().pipeline();
    assertThat(p.analyze(text).tokens()).isEqualTo(EntryProfile.analyze(p.queryAnalyzer(), text));
  }
}
