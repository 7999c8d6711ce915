package banban.gateway.workorder;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SummaryExtractorTest {

  @Test
  @DisplayName("The five elements come out of a typical complaint; the citizen's own name wins over the default")
  void fiveElements() {
    Summary s = SummaryExtractor.summarise("我叫王芳。幸福小区3号楼门口的垃圾已经三天没人清运了，臭气熏天。请尽快派人处理！", "网站市民");
    assertThat(s.who()).isEqualTo("市民王芳");
    assertThat(s.when()).isEqualTo("已经三天");
    assertThat(s.where()).startsWith("幸福小区3号楼");
    assertThat(s.what()).isEqualTo("我叫王芳");
    assertThat(s.want()).isEqualTo("请尽快派人处理");
  }

  @Test
  @DisplayName("What no rule finds stays empty for the operator instead of being guessed")
  void gaps() {
    Summary s = SummaryExtractor.summarise("噪音太大了", "网站市民");
    assertThat(s.who()).isEqualTo("网站市民");
    assertThat(s.when()).isEmpty();
    assertThat(s.where()).isEmpty();
    assertThat(s.want()).isEmpty();
    assertThat(s.what()).isEqualTo("噪音太大了");
  }

  @Test
  @DisplayName("The appeal type follows the citizen's word: 举报, 投诉, 建议, 咨询, otherwise 求助")
  void appealType() {
    assertThat(SummaryExtractor.appealType("我要举报一家黑诊所")).isEqualTo(AppealType.REPORT);
    assertThat(SummaryExtractor.appealType("投诉物业不作为")).isEqualTo(AppealType.COMPLAINT);
    assertThat(SummaryExtractor.appealType("建议增加公交线路")).isEqualTo(AppealType.SUGGESTION);
    assertThat(SummaryExtractor.appealType("路灯坏了请派人来修")).isEqualTo(AppealType.HELP);
  }

  @Test
  @DisplayName("A title is at most 30 characters and leads with the place when one is found")
  void title() {
    assertThat(SummaryExtractor.title("路灯坏了，请派人来修。晚上很黑")).isEqualTo("路灯坏了，请派人来修");
    String long_ = "幸福小区门口" + "的垃圾".repeat(20) + "。";
    assertThat(SummaryExtractor.title(long_).codePointCount(0, SummaryExtractor.title(long_).length())).isLessThanOrEqualTo(30);
  }
}
