package banban.kb.bench;

import banban.kb.DecisionConfig;
import banban.kb.FaqEntry;
import banban.kb.FaqJsonl;
import banban.kb.KnowledgeBase;
import banban.nlp.NlpResources;
import banban.nlp.TextPipeline;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Latency of {@link KnowledgeBase#ask}, the whole path the HTTP API runs (nlp analysis, Lucene,
 * re-ranking, decision), single thread, in SampleTime mode for percentiles. The setup also prints
 * index build time and retained heap for each KB size. Run from knowledge-base/ (see
 * docs/benchmarks.md for the exact command line).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 4)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g", "-Dfile.encoding=UTF-8"})
@Threads(1)
public class AskBenchmark {

  /** Hand-written queries of mixed kinds: paraphrases, colloquial, out of scope, short. */
  static final List<String> QUERIES = List.of(
      "租房的人能不能提公积金", "驾驶证丢失了怎么补领", "想开一家卖早点的个体小店，执照要怎么申请",
      "外省交的养老保险关系怎样转到济南", "小孩上一年级在哪里报名", "暖气不热找谁报修", "火星上的天气怎么样",
      "居住证", "我家老人八十多了，听邻居说能领点钱，去哪问", "二手房买卖过户需要哪些材料，要交什么税",
      "高血压能办门诊慢特病吗", "线上帮办中心能帮忙办哪些事");

  @Param({"seed", "10000", "100000"})
  public String kb;

  private KnowledgeBase knowledgeBase;
  private int next;

  @Setup(Level.Trial)
  public void build() {
    Path seeds = Path.of(System.getProperty("banban.seeds", "../seeds"));
    List<FaqEntry> entries = FaqJsonl.read(seeds.resolve("faq.jsonl"));
    if (!kb.equals("seed")) entries = SyntheticKb.of(entries, Integer.parseInt(kb));
    TextPipeline pipeline = TextPipeline.create(NlpResources.fromDirectory(seeds));
    long before = usedHeap();
    long t0 = System.nanoTime();
    knowledgeBase = KnowledgeBase.build(pipeline, entries, DecisionConfig.DEFAULTS);
    long ms = (System.nanoTime() - t0) / 1_000_000;
    System.out.printf("%n[build] kb=%s entries=%d build_ms=%d heap_mb=%d%n", kb, knowledgeBase.size(), ms,
        (usedHeap() - before) / (1024 * 1024));
  }

  @Benchmark
  public Object ask() {
    String q = QUERIES.get(next++ % QUERIES.size());
    return knowledgeBase.ask(q);
  }

  private static long usedHeap() {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) System.gc();
    return rt.totalMemory() - rt.freeMemory();
  }
}
