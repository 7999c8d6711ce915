package banban.nlp.impl;

import banban.nlp.AnalyzedQuery;
import banban.nlp.NlpResources;
import banban.nlp.TextPipeline;
import java.util.Collection;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;

/** PLACEHOLDER: replaced by the real implementation of issue 3. */
public final class DefaultTextPipeline implements TextPipeline {
  private final NlpResources resources;

  private DefaultTextPipeline(NlpResources resources) {
    this.resources = resources;
  }

  public static TextPipeline create(NlpResources resources) {
    return new DefaultTextPipeline(resources);
  }

  @Override
  public TextPipeline withVocabulary(Collection<String> kbTexts) {
    return this;
  }

  @Override
  public AnalyzedQuery analyze(String text) {
    String n = normalize(text);
    return new AnalyzedQuery(text, n, segment(n), List.of(), List.of(), false);
  }

  @Override
  public String normalize(String text) {
    return java.text.Normalizer.normalize(text == null ? "" : text, java.text.Normalizer.Form.NFKC)
        .toLowerCase(java.util.Locale.ROOT).strip();
  }

  @Override
  public List<String> segment(String normalizedText) {
    return com.hankcs.hanlp.HanLP.segment(normalizedText).stream().map(t -> t.word).filter(w -> !w.isBlank()).toList();
  }

  @Override
  public Analyzer indexAnalyzer() {
    return new org.apache.lucene.analysis.cjk.CJKAnalyzer();
  }

  @Override
  public Analyzer queryAnalyzer() {
    return new org.apache.lucene.analysis.cjk.CJKAnalyzer();
  }
}
