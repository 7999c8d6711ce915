package banban.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IntentTest {
  private final TextPipeline pipeline = Pipelines.SEEDED;

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = ';', value = {
      "转人工; REQUEST_HUMAN",
      "我要找人工客服; REQUEST_HUMAN",
      "找个真人跟我说; REQUEST_HUMAN",
      "機器人太笨了，轉人工; REQUEST_HUMAN",
      "不用转人工了; ",
      "我不需要人工客服; ",
      "我要投诉; COMPLAINT_OR_REPORT",
      "我不是要投诉，想问问社保卡; ",
      "我们楼的下水道堵了一个多星期，没人管，请派人来疏通; COMPLAINT_OR_REPORT",
      "隔壁工厂半夜机器轰鸣，吵得整栋楼睡不着; COMPLAINT_OR_REPORT",
      "怎么投诉物业; ",
      "噪音扰民归哪个部门管; ",
      "路灯坏了打什么电话报修; ",
      "着火了，楼道里全是烟; EMERGENCY",
      "有人持刀抢劫; EMERGENCY",
      "我爸突然晕倒了; EMERGENCY",
      "如果家里着火了怎么逃生; ",
      "社保卡怎么补办; ",
      "请帮我联系工作人员; REQUEST_HUMAN",
      "办居住证需要工作人员上门吗; ",
      "请问哪里可以检查燃气管道; ",
      "单位拖欠我三个月工资，请劳动部门帮我讨回; COMPLAINT_OR_REPORT",
      "交通违法一直不处理会怎样; ",
      "有小偷正在撬门; EMERGENCY",
      "家里失火后能申请什么救助; "})
  @DisplayName("Triage intents are found, negated and question forms are not")
  void detectsIntents(String text, String expected) {
    Set<Intent> actionable = Set.of(Intent.REQUEST_HUMAN, Intent.COMPLAINT_OR_REPORT, Intent.EMERGENCY);
    Set<Intent> found = pipeline.analyze(text).intents().stream().map(DetectedIntent::intent)
        .filter(actionable::contains).collect(Collectors.toSet());
    Set<Intent> want = expected == null ? Set.of()
        : Arrays.stream(expected.split(",")).map(String::strip).map(Intent::valueOf).collect(Collectors.toSet());
    assertThat(found).isEqualTo(want);
  }

  @ParameterizedTest(name = "{0} -> call {1}")
  @CsvSource({"厨房着火了, 119", "有人在打人, 110", "老人昏迷不醒了, 120", "路口出车祸了, 122"})
  @DisplayName("An emergency carries the number to call")
  void emergencyNumber(String text, String number) {
    assertThat(pipeline.analyze(text).intents()).contains(new DetectedIntent(Intent.EMERGENCY, number));
  }

  @Test
  @DisplayName("A traffic accident with injuries asks for 122 and 120")
  void accidentWithInjuries() {
    assertThat(pipeline.analyze("门口发生交通事故，有人受伤了").intents())
        .contains(new DetectedIntent(Intent.EMERGENCY, "122"), new DetectedIntent(Intent.EMERGENCY, "120"));
  }

  @ParameterizedTest(name = "{0} -> small talk only: {2}")
  @CsvSource(delimiter = ';', value = {
      "你好; GREETING; true",
      "您好！！😊; GREETING; true",
      "谢谢; THANKS; true",
      "好的谢谢; THANKS; true",
      "再见; GOODBYE; true",
      "你好，我想问公积金怎么提取; GREETING; false",
      "谢谢，那社保卡呢; THANKS; false",
      "hi; GREETING; true",
      "this is my id card; ; false"})
  @DisplayName("Greeting, thanks and goodbye are small talk only when nothing else is asked")
  void smalltalk(String text, String intent, boolean only) {
    AnalyzedQuery q = pipeline.analyze(text);
    if (intent != null) assertThat(q.has(Intent.valueOf(intent))).isTrue();
    else assertThat(q.intents()).isEmpty();
    assertThat(q.smalltalkOnly()).isEqualTo(only);
  }

  @Test
  @DisplayName("Rules come from the data file: an administrator's line adds a cue, a broken line is skipped")
  void rulesAreData() {
    List<String> lines = List.of("# test rules", "request_human: 找小二", "complaint_or_report: /([/", "nonsense line",
        "unknown_key: x", "negation: 不找");
    TextPipeline custom = TextPipeline.create(new NlpResources(List.of(), List.of(), lines));
    assertThat(custom.analyze("我要找小二").has(Intent.REQUEST_HUMAN)).isTrue();
    assertThat(custom.analyze("我不找小二").has(Intent.REQUEST_HUMAN)).isFalse();
    assertThat(custom.analyze("转人工").intents()).isEmpty();
  }
}
