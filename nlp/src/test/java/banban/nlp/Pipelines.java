package banban.nlp;

import java.nio.file.Path;
import java.util.List;

/** Pipelines shared by the tests: HanLP loads its dictionaries once per JVM, pipelines are immutable. */
final class Pipelines {
  static final Path SEEDS = Path.of("../seeds");
  static final NlpResources RESOURCES = NlpResources.fromDirectory(SEEDS);
  static final TextPipeline SEEDED = TextPipeline.create(RESOURCES);
  /** A small KB vocabulary of the tests' own, as the knowledge base would pass its texts. */
  static final TextPipeline WITH_KB = SEEDED.withVocabulary(List.of(
      "社保卡丢了怎么补办？携带身份证到银行网点办理。",
      "住房公积金租房提取每年可以提取一次。",
      "残疾证由区残联办理，需要医院评定残疾等级。",
      "契税由买方缴纳，办理不动产登记前缴清。",
      "营业执照遗失后可以申请补领。"));

  private Pipelines() {}
}
