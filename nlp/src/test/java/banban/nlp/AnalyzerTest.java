package banban.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AnalyzerTest {
  private final TextPipeline pipeline = Pipelines.WITH_KB;

  static List<String> terms(Analyzer analyzer, String text) throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream("f", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      int lastStart = 0;
      while (ts.incrementToken()) {
        assertThat(offset.startOffset()).isBetween(lastStart, text.length());
        assertThat(offset.endOffset()).isBetween(offset.startOffset(), text.length());
        lastStart = offset.startOffset();
        out.add(term.toString());
      }
      ts.end();
    }
    return out;
  }

  @Test
  @DisplayName("The index analyzer normalises, segments, drops stop words and canonicalises synonyms (补办 -> 补领)")
  void indexAnalyzer() throws IOException {
    assertThat(terms(pipeline.indexAnalyzer(), "房本丢了怎么補辦？"))
        .containsExactly("不动产权证书", "丢", "补领");
  }

  @Test
  @DisplayName("Index and query analyzers agree on correctly spelt text")
  void indexAndQueryAgree() throws IOException {
    String text = "住房公积金租房提取需要什么材料";
    assertThat(terms(pipeline.queryAnalyzer(), text)).isEqualTo(terms(pipeline.indexAnalyzer(), text)).isNotEmpty();
  }

  @Test
  @DisplayName("One analyzer serves many texts and many threads with the same results")
  void reusableAndThreadSafe() throws Exception {
    List<String> texts = List.of("社宝卡丢了怎么办", "公基金租房提取", "房本丢了", "残急证怎么办理", "营业执照补领");
    List<List<String>> expected = new ArrayList<>();
    for (String t : texts) expected.add(terms(pipeline.queryAnalyzer(), t));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<List<String>>>> runs = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        runs.add(pool.submit(() -> {
          List<List<String>> got = new ArrayList<>();
          for (int round = 0; round < 20; round++) {
            got.clear();
            for (String t : texts) got.add(terms(pipeline.queryAnalyzer(), t));
          }
          return got;
        }));
      }
      for (Future<List<List<String>>> run : runs) assertThat(run.get()).isEqualTo(expected);
    } finally {
      pool.shutdownNow();
    }
  }
}
