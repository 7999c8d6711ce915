package banban.kb.index;

import banban.kb.FaqEntry;
import banban.kb.semantic.TextVectors;
import banban.kb.semantic.Vector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * What re-ranking needs of one entry, computed once when the entry is indexed: for every question
 * (standard and similar) its analysed terms and its character bigrams, plus the keywords. Kept as
 * sorted int arrays rather than sets of strings because 100,000 entries times six questions would
 * otherwise cost gigabytes of HashSets.
 *
 * @param questionTerms per question, sorted distinct term ids
 * @param questionBigrams per question, sorted distinct character bigrams of the normalised text
 * @param entryTerms union of all question and keyword terms
 * @param keywordTerms per keyword, its term ids
 * @param keywordTexts per keyword, its normalised text (for a plain substring check)
 * @param answerTerms terms of the answer: a citizen often asks about a detail only the answer has
 * @param questionVectors per question, its sentence embedding (shared with every entry of the same text)
 * @param answerVector the answer's sentence embedding
 */
public record EntryProfile(
    FaqEntry entry,
    int[][] questionTerms,
    int[][] questionBigrams,
    int[] entryTerms,
    int[][] keywordTerms,
    String[] keywordTexts,
    int[] answerTerms,
    Vector[] questionVectors,
    Vector answerVector) {

  /** The analysed texts of one entry, computed once for both the Lucene document and the profile. */
  record Analysed(List<List<String>> questions, List<List<String>> keywords, List<String> answer, List<String> category,
      List<String> normalizedQuestions, List<String> normalizedKeywords) {

    static Analysed of(FaqEntry e, Function<String, List<String>> analyze, Function<String, String> normalize) {
      return new Analysed(e.questions().stream().map(analyze).toList(), e.keywords().stream().map(analyze).toList(),
          analyze.apply(e.answer()), analyze.apply(e.category()), e.questions().stream().map(normalize).toList(),
          e.keywords().stream().map(normalize).toList());
    }
  }

  static EntryProfile of(FaqEntry e, Analysed a, TermDictionary dict, TextVectors vectors) {
    List<String> questions = e.questions();
    int[][] terms = new int[questions.size()][];
    int[][] bigrams = new int[questions.size()][];
    Vector[] qv = new Vector[questions.size()];
    List<int[]> all = new ArrayList<>();
    for (int i = 0; i < questions.size(); i++) {
      terms[i] = dict.ids(a.questions().get(i));
      bigrams[i] = bigrams(a.normalizedQuestions().get(i));
      qv[i] = vectors.of(questions.get(i));
      all.add(terms[i]);
    }
    int[][] kwTerms = new int[e.keywords().size()][];
    String[] kwTexts = new String[e.keywords().size()];
    for (int i = 0; i < kwTerms.length; i++) {
      kwTerms[i] = dict.ids(a.keywords().get(i));
      kwTexts[i] = a.normalizedKeywords().get(i);
      all.add(kwTerms[i]);
    }
    return new EntryProfile(e, terms, bigrams, union(all), kwTerms, kwTexts, dict.ids(a.answer()), qv,
        vectors.of(e.answer()));
  }

  /** The terms an analyzer makes of a text, in order, duplicates kept. */
  public static List<String> analyze(Analyzer analyzer, String text) {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream("question", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) out.add(term.toString());
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** Sorted distinct bigrams of the letters and digits of a text; a single character counts as one. */
  public static int[] bigrams(String normalized) {
    int[] cps = normalized.codePoints().filter(Character::isLetterOrDigit).toArray();
    if (cps.length == 1) return new int[] {cps[0]};
    int[] out = new int[Math.max(0, cps.length - 1)];
    for (int i = 0; i + 1 < cps.length; i++) out[i] = (cps[i] << 16) ^ cps[i + 1]; // exact for BMP characters, good enough beyond
    return distinctSorted(out);
  }

  static int[] distinctSorted(int[] a) {
    if (a.length == 0) return a;
    int[] s = a.clone();
    Arrays.sort(s);
    int n = 1;
    for (int i = 1; i < s.length; i++) if (s[i] != s[n - 1]) s[n++] = s[i];
    return n == s.length ? s : Arrays.copyOf(s, n);
  }

  private static int[] union(List<int[]> arrays) {
    return distinctSorted(arrays.stream().flatMapToInt(Arrays::stream).toArray());
  }
}
