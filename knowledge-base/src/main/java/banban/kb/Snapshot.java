package banban.kb;

import banban.kb.index.FaqIndex;
import banban.nlp.TextPipeline;

/**
 * What answering reads: the pipeline that knows the KB vocabulary (typo correction) and the index.
 * Retrieval uses the tokens of {@link TextPipeline#analyze}, which are the query analyzer's terms, so
 * no separate query analyzer is held.
 */
public record Snapshot(TextPipeline pipeline, FaqIndex index) {

  public static Snapshot of(TextPipeline pipeline, FaqIndex index) {
    return new Snapshot(pipeline, index);
  }
}
