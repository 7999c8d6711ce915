package banban.kb;

import banban.kb.index.FaqIndex;
import banban.nlp.TextPipeline;
import org.apache.lucene.analysis.Analyzer;

/**
 * What answering reads: the pipeline that knows the KB vocabulary, its query analyzer (created once:
 * analyzers keep per-thread state and are meant to be reused) and the index.
 */
public record Snapshot(TextPipeline pipeline, Analyzer queryAnalyzer, FaqIndex index) {

  public static Snapshot of(TextPipeline pipeline, FaqIndex index) {
    return new Snapshot(pipeline, pipeline.queryAnalyzer(), index);
  }
}
