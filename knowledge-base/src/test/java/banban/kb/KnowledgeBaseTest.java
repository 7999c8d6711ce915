package banban.kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class KnowledgeBaseTest {

  @Test
  @DisplayName("The standard question of an entry is answered with that entry")
  void answersStandardQuestion() {
    FaqEntry e = SeedKb.entries().stream().filter(x -> x.id().equals("hpf-001")).findFirst().orElseThrow();
    Decision d = SeedKb.kb().ask(e.question());
    assertThat(d.action()).isEqualTo(Decision.Action.ANSWER);
    assertThat(d.faqId()).isEqualTo("hpf-001");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @DisplayName("Colloquial paraphrases that share few words with the entry are answered with it (sentence embeddings)")
  @CsvSource({
      "身份证找不着了，得重新弄一张，咋办, hukou-009",
      "辞工以后公积金可以全部拿出来吗, hpf-004",
      "宝宝刚生下来，户口去哪登记, hukou-001",
      "不开店了，个体执照咋注销, biz-009"})
  void answersParaphrases(String query, String expected) {
    Decision d = SeedKb.kb().ask(query);
    assertThat(d.action()).isEqualTo(Decision.Action.ANSWER);
    assertThat(d.faqId()).isEqualTo(expected);
  }

  @ParameterizedTest
  @DisplayName("Questions outside government services fall back to a person, with no entry offered")
  @ValueSource(strings = {"明天去北京的机票多少钱", "帮我写一首关于春天的诗"})
  void fallsBackOutOfScope(String query) {
    Decision d = SeedKb.kb().ask(query);
    assertThat(d.action()).isEqualTo(Decision.Action.FALLBACK);
    assertThat(d.suggestions()).isEmpty();
  }

  @Test
  @DisplayName("Something no entry is about is not answered")
  void doesNotAnswerOutOfScope() {
    assertThat(SeedKb.kb().ask("火星上的天气怎么样").action()).isNotEqualTo(Decision.Action.ANSWER);
  }

  @Test
  @DisplayName("apply, remove and replaceAll change what ask returns, and drafts are withdrawn")
  void appliesChanges() {
    List<FaqEntry> entries = new ArrayList<>(SeedKb.entries().subList(0, 40));
    KnowledgeBase kb = KnowledgeBase.build(SeedKb.pipeline(), entries, DecisionConfig.DEFAULTS);
    FaqEntry e = entries.get(5);
    assertThat(kb.ask(e.question()).faqId()).isEqualTo(e.id());

    kb.apply(e.withAnswer("新的答案：请到三楼窗口办理。"));
    assertThat(kb.ask(e.question()).answer()).isEqualTo("新的答案：请到三楼窗口办理。");
    assertThat(kb.size()).isEqualTo(40);

    kb.apply(new FaqEntry(e.id(), e.category(), e.department(), e.question(), e.similar(), e.answer(), e.keywords(),
        FaqEntry.Status.DRAFT, 2, null));
    assertThat(kb.size()).isEqualTo(39);
    assertThat(kb.ask(e.question()).faqId()).isNotEqualTo(e.id());

    kb.apply(e);
    kb.remove(entries.get(6).id());
    assertThat(kb.entry(entries.get(6).id())).isEmpty();
    assertThat(kb.size()).isEqualTo(39);

    kb.replaceAll(SeedKb.entries().subList(0, 10));
    assertThat(kb.size()).isEqualTo(10);
  }
}
