package banban.nlp.impl;

import banban.nlp.AnalyzedQuery;
import banban.nlp.Correction;
import banban.nlp.NlpResources;
import banban.nlp.TextPipeline;
import banban.nlp.impl.intent.IntentDetector;
import banban.nlp.impl.intent.IntentRules;
import banban.nlp.impl.lucene.AnalyzedToken;
import banban.nlp.impl.lucene.PipelineAnalyzer;
import banban.nlp.impl.typo.TypoCorrector;
import banban.nlp.impl.typo.Vocabulary;
import com.hankcs.hanlp.seg.common.Term;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires normaliser, segmenter, stop words, synonyms, typo correction and intent detection into the one
 * {@link TextPipeline}. Everything it holds is immutable, so one instance serves all threads;
 * {@link #withVocabulary} shares all parts but the typo corrector.
 */
public final class DefaultTextPipeline implements TextPipeline {
  private static final Logger LOG = LoggerFactory.getLogger(DefaultTextPipeline.class);

  private final Parts parts;
  private final TypoCorrector typos;
  private final Analyzer indexAnalyzer;
  private final Analyzer queryAnalyzer;

  /** What does not depend on the KB vocabulary. */
  private record Parts(Normalizer normalizer, Segmenter segmenter, WordFilter filter, SynonymMap synonyms,
      IntentDetector intents, Set<String> domainTerms) {}

  private DefaultTextPipeline(Parts parts, Vocabulary vocabulary) {
    this.parts = parts;
    this.typos = new TypoCorrector(vocabulary, parts.segmenter(), parts.filter()::isStopWord);
    this.indexAnalyzer = new PipelineAnalyzer(text -> tokens(text, false));
    this.queryAnalyzer = new PipelineAnalyzer(text -> tokens(text, true));
  }

  public static TextPipeline create(NlpResources resources) {
    long start = System.nanoTime();
    Normalizer normalizer = new Normalizer();
    SynonymMap synonyms = new SynonymMap(resources.synonymGroups(), normalizer::normalize);
    Set<String> domainTerms = new LinkedHashSet<>();
    for (String term : resources.dictionary()) domainTerms.add(normalizer.normalize(term));
    domainTerms.addAll(synonyms.allTerms());
    domainTerms.remove("");
    Segmenter segmenter = new Segmenter(domainTerms);
    segmenter.warmUp();
    Parts parts = new Parts(normalizer, segmenter, WordFilter.fromClasspath(), synonyms,
        new IntentDetector(IntentRules.parse(resources.intentRuleLines(), normalizer::normalize)), Set.copyOf(domainTerms));
    TextPipeline pipeline = new DefaultTextPipeline(parts, vocabulary(parts, List.of()));
    LOG.info("Text pipeline built with {} domain terms in {} ms", domainTerms.size(), (System.nanoTime() - start) / 1_000_000);
    return pipeline;
  }

  @Override
  public TextPipeline withVocabulary(Collection<String> kbTexts) {
    long start = System.nanoTime();
    Vocabulary vocabulary = vocabulary(parts, kbTexts == null ? List.of() : kbTexts);
    LOG.info("Typo vocabulary of {} terms built from {} KB texts in {} ms", vocabulary.size(),
        kbTexts == null ? 0 : kbTexts.size(), (System.nanoTime() - start) / 1_000_000);
    return new DefaultTextPipeline(parts, vocabulary);
  }

  private static Vocabulary vocabulary(Parts parts, Collection<String> kbTexts) {
    Vocabulary.Builder builder = new Vocabulary.Builder();
    parts.domainTerms().forEach(builder::add);
    for (String text : kbTexts) {
      for (String word : parts.segmenter().words(parts.normalizer().normalize(text))) builder.add(word);
    }
    return builder.build();
  }

  @Override
  public AnalyzedQuery analyze(String text) {
    String original = text == null ? "" : text;
    try {
      String normalized = normalize(original);
      if (normalized.isEmpty()) return new AnalyzedQuery(original, "", List.of(), List.of(), List.of(), false);
      TypoCorrector.Result corrected = typos.correct(normalized);
      List<String> tokens = new ArrayList<>();
      for (Term t : termsOf(corrected)) {
        String term = canonicalContentTerm(t.word);
        if (term != null) tokens.add(term);
      }
      IntentDetector.Detection detection = parts.intents().detect(normalized);
      return new AnalyzedQuery(original, normalized, List.copyOf(tokens), corrected.corrections(),
          detection.intents(), detection.smalltalkOnly());
    } catch (RuntimeException e) {
      LOG.warn("Analysis failed on a text of {} chars; returning an empty analysis", original.length(), e);
      return new AnalyzedQuery(original, "", List.of(), List.of(), List.of(), false);
    }
  }

  @Override
  public String normalize(String text) {
    return parts.normalizer().normalize(text);
  }

  @Override
  public List<String> segment(String normalizedText) {
    List<String> out = new ArrayList<>();
    for (String word : parts.segmenter().words(normalizedText)) {
      if (parts.filter().keep(word)) out.add(word);
    }
    return out;
  }

  /** Corrections the query analyzer would apply to this text (for explanations and tests). */
  public List<Correction> corrections(String text) {
    return typos.correct(normalize(text)).corrections();
  }

  @Override
  public Analyzer indexAnalyzer() {
    return indexAnalyzer;
  }

  @Override
  public Analyzer queryAnalyzer() {
    return queryAnalyzer;
  }

  private List<AnalyzedToken> tokens(String text, boolean correctTypos) {
    try {
      String normalized = normalize(text);
      List<Term> terms = correctTypos ? termsOf(typos.correct(normalized)) : parts.segmenter().terms(normalized);
      List<AnalyzedToken> out = new ArrayList<>();
      for (Term t : terms) {
        String term = canonicalContentTerm(t.word);
        if (term != null) out.add(new AnalyzedToken(term, t.offset, t.offset + t.word.length()));
      }
      return out;
    } catch (RuntimeException e) {
      LOG.warn("Tokenising a text of {} chars failed; no tokens", text.length(), e);
      return List.of();
    }
  }

  private List<Term> termsOf(TypoCorrector.Result corrected) {
    return corrected.terms() != null ? corrected.terms() : parts.segmenter().terms(corrected.text());
  }

  /** The canonical form of a content word, or null for stop words and punctuation. */
  private String canonicalContentTerm(String word) {
    if (!parts.filter().keep(word)) return null;
    String canonical = parts.synonyms().canonical(word);
    return parts.filter().keep(canonical) ? canonical : null;
  }
}
