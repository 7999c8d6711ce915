package banban.kb;

import banban.nlp.AnalyzedQuery;
import banban.nlp.DetectedIntent;
import banban.nlp.TextPipeline;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;

/** A pipeline whose intents are given by the test, so the decision rule is tested on its own. */
record StubPipeline(List<DetectedIntent> intents, boolean smalltalkOnly) implements TextPipeline {

  @Override
  public TextPipeline withVocabulary(Collection<String> kbTexts) {
    return this;
  }

  @Override
  public AnalyzedQuery analyze(String text) {
    String n = normalize(text);
    return new AnalyzedQuery(text, n, segment(n), List.of(), intents, smalltalkOnly);
  }

  @Override
  public String normalize(String text) {
    return text.toLowerCase(Locale.ROOT).strip();
  }

  @Override
  public List<String> segment(String normalizedText) {
    return normalizedText.codePoints().mapToObj(Character::toString).toList();
  }

  @Override
  public Analyzer indexAnalyzer() {
    return new CJKAnalyzer();
  }

  @Override
  public Analyzer queryAnalyzer() {
    return new CJKAnalyzer();
  }
}
