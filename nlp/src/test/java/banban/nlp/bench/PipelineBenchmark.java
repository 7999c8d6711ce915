package banban.nlp.bench;

import banban.nlp.NlpResources;
import banban.nlp.TextPipeline;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Throughput in characters per second (the {@code chars} secondary result) on citizen-style text: the
 * seed FAQ's similar questions. Single thread. SmartChineseAnalyzer tokenisation runs in the same run
 * as the yardstick. Each invocation processes one question, cycling through the corpus.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@State(Scope.Benchmark)
public class PipelineBenchmark {
  private TextPipeline pipeline;
  private Analyzer smartcn;
  private List<String> questions;
  private List<String> normalized;

  /** Counts characters processed; JMH reports it per second. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Chars {
    public long chars;
    int next;

    @Setup(Level.Iteration)
    public void clear() {
      chars = 0;
    }
  }

  @Setup
  public void setUp() {
    List<String> corpus = SeedCorpus.similarQuestions();
    pipeline = TextPipeline.create(NlpResources.fromDirectory(SeedCorpus.SEEDS)).withVocabulary(SeedCorpus.allTexts());
    smartcn = new SmartChineseAnalyzer();
    questions = List.copyOf(corpus);
    List<String> n = new ArrayList<>();
    for (String q : corpus) n.add(pipeline.normalize(q));
    normalized = List.copyOf(n);
  }

  private String nextText(Chars c, List<String> texts) {
    String t = texts.get(c.next);
    c.next = (c.next + 1) % texts.size();
    c.chars += t.length();
    return t;
  }

  @Benchmark
  public Object segmentOnly(Chars c) {
    return pipeline.segment(nextText(c, normalized));
  }

  @Benchmark
  public Object fullAnalysis(Chars c) {
    return pipeline.analyze(nextText(c, questions));
  }

  @Benchmark
  public void queryAnalyzer(Chars c, Blackhole bh) throws IOException {
    drain(pipeline.queryAnalyzer(), nextText(c, questions), bh);
  }

  @Benchmark
  public void smartChineseAnalyzer(Chars c, Blackhole bh) throws IOException {
    drain(smartcn, nextText(c, questions), bh);
  }

  private static void drain(Analyzer analyzer, String text, Blackhole bh) throws IOException {
    try (TokenStream ts = analyzer.tokenStream("f", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) bh.consume(term.length());
      ts.end();
    }
  }
}
