package banban.kb;

import banban.nlp.NlpResources;
import banban.nlp.TextPipeline;
import java.nio.file.Path;
import java.util.List;

/** The seed KB, built once per test JVM: building the HanLP pipeline and the index takes seconds. */
public final class SeedKb {

  public static final Path SEEDS = Path.of("../seeds");

  private static TextPipeline pipeline;
  private static List<FaqEntry> entries;
  private static KnowledgeBase kb;

  private SeedKb() {}

  public static synchronized TextPipeline pipeline() {
    if (pipeline == null) pipeline = TextPipeline.create(NlpResources.fromDirectory(SEEDS));
    return pipeline;
  }

  public static synchronized List<FaqEntry> entries() {
    if (entries == null) entries = FaqJsonl.read(SEEDS.resolve("faq.jsonl"));
    return entries;
  }

  /** Shared and read-only: tests that change a KB build their own. */
  public static synchronized KnowledgeBase kb() {
    if (kb == null) kb = KnowledgeBase.build(pipeline(), entries(), DecisionConfig.DEFAULTS);
    return kb;
  }
}
