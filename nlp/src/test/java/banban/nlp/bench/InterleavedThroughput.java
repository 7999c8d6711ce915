package banban.nlp.bench;

import banban.nlp.NlpResources;
import banban.nlp.TextPipeline;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;

/**
 * The same workloads as {@link PipelineBenchmark}, run round-robin in short slices in one thread, with
 * the median per workload. On a shared machine whose load changes from minute to minute (colleagues'
 * builds), JMH's one-benchmark-after-the-other runs compare different machines; interleaving compares
 * the workloads under the same load. Args: rounds (default 15), slice ms (default 300).
 */
public final class InterleavedThroughput {
  private static long sink;

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
    long sliceNanos = (args.length > 1 ? Long.parseLong(args[1]) : 300) * 1_000_000;
    List<String> questions = SeedCorpus.similarQuestions();
    TextPipeline pipeline = TextPipeline.create(NlpResources.fromDirectory(SeedCorpus.SEEDS))
        .withVocabulary(SeedCorpus.allTexts());
    Analyzer smartcn = new SmartChineseAnalyzer();
    List<String> normalized = questions.stream().map(pipeline::normalize).toList();
    Map<String, Consumer<String>> work = new LinkedHashMap<>();
    work.put("HanLP segmentation (pipeline.segment)", t -> sink += pipeline.segment(t).size());
    work.put("full analysis (pipeline.analyze)", t -> sink += pipeline.analyze(t).tokens().size());
    work.put("query analyzer token stream", t -> sink += drain(pipeline.queryAnalyzer(), t));
    work.put("SmartChineseAnalyzer token stream", t -> sink += drain(smartcn, t));
    Map<String, double[]> rates = new LinkedHashMap<>();
    work.keySet().forEach(k -> rates.put(k, new double[rounds]));
    for (int warm = 0; warm < 3; warm++) {
      for (var e : work.entrySet()) run(e.getValue(), input(e.getKey(), questions, normalized), sliceNanos);
    }
    for (int r = 0; r < rounds; r++) {
      for (var e : work.entrySet()) {
        rates.get(e.getKey())[r] = run(e.getValue(), input(e.getKey(), questions, normalized), sliceNanos);
      }
    }
    for (var e : rates.entrySet()) {
      double[] v = e.getValue().clone();
      Arrays.sort(v);
      System.out.printf("%-40s median %,10.0f chars/s  (min %,.0f, max %,.0f)%n", e.getKey(), v[v.length / 2], v[0], v[v.length - 1]);
    }
    if (sink == 42) System.out.println();
  }

  private static List<String> input(String name, List<String> questions, List<String> normalized) {
    return name.startsWith("HanLP") ? normalized : questions;
  }

  /** Characters per second over one slice. */
  private static double run(Consumer<String> work, List<String> texts, long sliceNanos) {
    long chars = 0;
    long start = System.nanoTime();
    int i = 0;
    while (System.nanoTime() - start < sliceNanos) {
      String t = texts.get(i);
      work.accept(t);
      chars += t.length();
      i = (i + 1) % texts.size();
    }
    return chars / ((System.nanoTime() - start) / 1e9);
  }

  private static int drain(Analyzer analyzer, String text) {
    try (TokenStream ts = analyzer.tokenStream("f", text)) {
      ts.reset();
      int n = 0;
      while (ts.incrementToken()) n++;
      ts.end();
      return n;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

}
