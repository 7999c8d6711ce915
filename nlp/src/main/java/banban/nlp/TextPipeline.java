package banban.nlp;

import java.util.Collection;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;

/**
 * The one entry point from raw citizen text to an analysed query. Thread-safe and immutable: a new
 * knowledge-base vocabulary gives a new pipeline through {@link #withVocabulary(Collection)}.
 *
 * <p>Signatures here are the contract the knowledge base codes against; the implementation is
 * {@link banban.nlp.impl.DefaultTextPipeline}. Building the first pipeline in a JVM loads HanLP's
 * dictionaries (about two seconds); later pipelines and {@link #withVocabulary} reuse them.
 */
public interface TextPipeline {

  /** Builds a pipeline from the seed data files, with no KB vocabulary for typo correction yet. */
  static TextPipeline create(NlpResources resources) {
    return banban.nlp.impl.DefaultTextPipeline.create(resources);
  }

  /** A pipeline whose typo correction knows the terms of these knowledge-base texts. */
  TextPipeline withVocabulary(Collection<String> kbTexts);

  /** Normalise, segment, correct typos and detect intents. Never throws on any input string. */
  AnalyzedQuery analyze(String text);

  /** Normalisation alone (idempotent). */
  String normalize(String text);

  /** Segmentation of already normalised text, content terms only (no punctuation, no stop words). */
  List<String> segment(String normalizedText);

  /** Analyzer for indexing KB text: normalise, segment, map synonyms to their canonical term. */
  Analyzer indexAnalyzer();

  /** Analyzer for queries: the same as indexing plus typo correction against the KB vocabulary. */
  Analyzer queryAnalyzer();
}
