package banban.nlp.impl.lucene;

import java.util.List;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;

/**
 * A Lucene {@link Analyzer} over a thread-safe pipeline function. Lucene shares one Analyzer across
 * threads and keeps a {@link PipelineTokenizer} per thread through the default reuse strategy; the
 * tokenizer only holds per-call state, the pipeline none.
 */
public final class PipelineAnalyzer extends Analyzer {
  private final Function<String, List<AnalyzedToken>> pipeline;

  public PipelineAnalyzer(Function<String, List<AnalyzedToken>> pipeline) {
    this.pipeline = pipeline;
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    return new TokenStreamComponents(new PipelineTokenizer(pipeline));
  }
}
