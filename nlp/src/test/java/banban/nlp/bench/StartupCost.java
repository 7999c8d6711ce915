package banban.nlp.bench;

import banban.nlp.NlpResources;
import banban.nlp.TextPipeline;
import java.io.IOException;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;

/**
 * Start-up cost in a fresh JVM: wall time and retained heap to load HanLP with our dictionaries, to
 * build the KB typo vocabulary, and (for comparison) to load SmartChineseAnalyzer. Run once per JVM:
 * {@code java -cp ... banban.nlp.bench.StartupCost [pipeline|smartcn]}.
 */
public final class StartupCost {
  public static void main(String[] args) throws IOException {
    String what = args.length > 0 ? args[0] : "pipeline";
    List<String> kbTexts = SeedCorpus.allTexts();
    NlpResources resources = NlpResources.fromDirectory(SeedCorpus.SEEDS);
    long heap0 = usedHeap();
    long t0 = System.nanoTime();
    Object keep;
    if (what.equals("smartcn")) {
      Analyzer a = new SmartChineseAnalyzer();
      try (TokenStream ts = a.tokenStream("f", "社保卡怎么补办")) {
        ts.reset();
        while (ts.incrementToken()) { /* load the dictionaries */ }
        ts.end();
      }
      keep = a;
      report("SmartChineseAnalyzer first use", t0, heap0);
    } else {
      TextPipeline p = TextPipeline.create(resources);
      p.analyze("社保卡怎么补办");
      report("TextPipeline.create (HanLP + dictionaries, first analyze)", t0, heap0);
      long heap1 = usedHeap();
      long t1 = System.nanoTime();
      keep = p.withVocabulary(kbTexts);
      report("withVocabulary(" + kbTexts.size() + " KB texts)", t1, heap1);
      long t2 = System.nanoTime();
      TextPipeline again = TextPipeline.create(resources);
      report("second TextPipeline.create in the same JVM", t2, usedHeap());
      keep = List.of(keep, again);
    }
    if (keep.hashCode() == 42) System.err.println();
  }

  private static void report(String what, long startNanos, long heapBefore) {
    long ms = (System.nanoTime() - startNanos) / 1_000_000;
    double mb = (usedHeap() - heapBefore) / (1024.0 * 1024);
    System.err.printf("%-60s %6d ms  %6.1f MB retained heap%n", what, ms, mb);
  }

  private static long usedHeap() {
    Runtime r = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) System.gc();
    return r.totalMemory() - r.freeMemory();
  }
}
