package banban.gateway.workorder;

import static org.assertj.core.api.Assertions.assertThat;

import banban.gateway.workorder.routing.ClassifyEval;
import banban.gateway.workorder.routing.NaiveBayes;
import banban.gateway.workorder.routing.RoutingData;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Department routing on a tiny training file written for the tests (the real data may not ship). */
class RoutingTest {
  static Path train() throws Exception {
    return Path.of(RoutingTest.class.getResource("/workorder/routing-train.csv").toURI());
  }

  @Test
  @DisplayName("Trained on segmented text, the classifier routes raw citizen wording with punctuation to the right category")
  void classify() throws Exception {
    NaiveBayes model = NaiveBayes.train(RoutingData.read(train()));
    assertThat(model.labels()).hasSize(7);
    assertThat(model.predict("我们小区的物业乱收费，业主很不满！").label()).isEqualTo("城乡建设");
    assertThat(model.predict("那家工厂每天晚上排放废气，刺鼻难闻").label()).isEqualTo("环境保护");
    assertThat(model.predict("公司已经拖欠工资三个月了，也不交社保").label()).isEqualTo("劳动和社会保障");
    var p = model.predict("医院排队太久，医生态度差");
    assertThat(p.label()).isEqualTo("卫生计生");
    assertThat(p.probability()).isBetween(0.0, 1.0);
  }

  @Test
  @DisplayName("classify-eval reads raw cases shaped like dev_raw.csv (quoted, multi-line) and prints figures beside both baselines")
  void eval(@TempDir Path dir) throws Exception {
    Path cases = dir.resolve("cases.csv");
    Files.writeString(cases, "留言编号,留言用户,留言主题,留言时间,留言详情,一级分类\n"
        + "1,U1,物业乱收费,2020/1/1,\"我们小区物业乱收费，\n业主投诉无门\",城乡建设\n"
        + "2,U2,工厂排放废气,2020/1/2,\"工厂排放废气，污染空气\",环境保护\n"
        + "3,U3,拖欠工资,2020/1/3,公司拖欠工资不交社保,劳动和社会保障\n", StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code = ClassifyEval.run(new String[] {"--cases", cases.toString(), "--train", train().toString()}, Optional.empty(),
        new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(code).isZero();
    assertThat(text).contains("accuracy 100.0 % (3/3)").contains("baseline: majority class").contains("baseline: keywords")
        .contains("macro-F1").contains("confusion");
  }

  @Test
  @DisplayName("classify-eval without training data explains its usage and fails with 2")
  void usage() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = ClassifyEval.run(new String[] {"--cases", "x.csv"}, Optional.empty(), System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: classify-eval");
  }
}
