package banban.nlp.impl.typo;

import banban.nlp.Correction;
import banban.nlp.impl.Segmenter;
import com.hankcs.hanlp.dictionary.CoreBiGramTableDictionary;
import com.hankcs.hanlp.seg.common.Term;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Replaces likely misspellings with terms of the knowledge base's own vocabulary. Works on windows of
 * the normalised text rather than on segmenter tokens, because HanLP tends to split a misspelt word
 * into single characters. A window is a candidate only if it is not a known word itself and holds at
 * least one character that no vocabulary term covers; it is replaced by a vocabulary term of the same
 * length that
 * <ul>
 *   <li>sounds the same (pinyin, tones ignored) and differs in at most one character (two for
 *       terms of four or more), choosing the more frequent term and giving up on a tie; or
 *   <li>for terms of {@value #MIN_SHAPE_LENGTH}+ characters, differs in exactly one uncovered character
 *       and is the only such term (a look-alike character).
 * </ul>
 * A function character (stop word) is never taken for a typo nor put in as a correction, and a two
 * character window HanLP's bigram table knows as ordinary text is left alone. Thread-safe: immutable.
 */
public final class TypoCorrector {
  static final int MIN_SHAPE_LENGTH = 4;

  private final Vocabulary vocabulary;
  private final Segmenter segmenter;
  private final Predicate<String> functionWord;

  /**
   * @param segmenter knows which words are right as they are (our and HanLP's core dictionary)
   * @param functionWord true for stop words: a single function character is never the misspelt one
   */
  public TypoCorrector(Vocabulary vocabulary, Segmenter segmenter, Predicate<String> functionWord) {
    this.vocabulary = vocabulary;
    this.segmenter = segmenter;
    this.functionWord = functionWord;
  }

  /**
   * @param terms the segmentation of the input text when nothing was corrected (so callers need not
   *     segment it again), otherwise null
   */
  public record Result(String text, List<Correction> corrections, List<Term> terms) {}

  public Result correct(String text) {
    if (text == null || text.isEmpty()) return new Result("", List.of(), List.of());
    List<Term> terms = segmenter.terms(text);
    if (text.length() < 2 || vocabulary.size() == 0) return new Result(text, List.of(), terms);
    String[] keys = PinyinKeys.of(text);
    boolean[] covered = coverage(text);
    int[] wordAt = knownWords(text, terms);
    StringBuilder out = new StringBuilder(text.length());
    List<Correction> corrections = new ArrayList<>();
    boolean[] worthTrying = new boolean[Vocabulary.MAX_TERM_LENGTH + 1];
    int[] nextSuspect = nextSuspects(text, covered);
    int i = 0;
    while (i < text.length()) {
      int maxLen = Math.min(Vocabulary.MAX_TERM_LENGTH, text.length() - i);
      int exact = longestTermAt(text, i, maxLen);
      int step = Math.max(1, exact);
      String replacement = null;
      // Most positions have no suspect character within reach: nothing there can be a typo.
      boolean suspectInReach = nextSuspect[i] < i + maxLen;
      if (suspectInReach) markWorthTrying(text, keys, i, maxLen, worthTrying);
      for (int len = maxLen; suspectInReach && len > exact && len >= 2; len--) {
        if (!worthTrying[len] || !hasUncovered(covered, i, len) || crossesWord(wordAt, i, len)) continue;
        String window = text.substring(i, i + len);
        if (!Vocabulary.allHan(window)) continue;
        replacement = byPinyin(window, PinyinKeys.join(keys, i, i + len));
        if (replacement == null && len >= MIN_SHAPE_LENGTH) replacement = byShape(window, covered, i);
        // The costlier checks run only for the rare window that has a candidate.
        if (replacement != null && (changesFunctionChar(window, replacement) || functionWord.test(replacement)
            || len == 2 && plausiblePair(window) || segmenter.isKnownWord(window))) replacement = null;
        if (replacement != null) {
          step = len;
          corrections.add(new Correction(window, replacement));
          break;
        }
      }
      if (replacement != null) out.append(replacement);
      else out.append(text, i, i + step);
      i += step;
    }
    if (corrections.isEmpty()) return new Result(text, List.of(), terms);
    return new Result(out.toString(), List.copyOf(corrections), null);
  }

  private String byPinyin(String window, String key) {
    String best = null;
    int bestFreq = 0;
    boolean tie = false;
    int maxDiff = window.length() <= 3 ? 1 : 2;
    for (String term : vocabulary.samePinyin(key)) {
      int diff = differences(window, term);
      if (diff < 1 || diff > maxDiff) continue;
      int f = vocabulary.frequency(term);
      if (f > bestFreq) {
        best = term;
        bestFreq = f;
        tie = false;
      } else if (f == bestFreq) {
        tie = true;
      }
    }
    return tie ? null : best;
  }

  private String byShape(String window, boolean[] covered, int start) {
    Set<String> found = new LinkedHashSet<>();
    // Only inner characters: a changed first or last character is more often a word border than a typo.
    for (int p = 1; p < window.length() - 1; p++) {
      if (covered[start + p]) continue;
      for (String term : vocabulary.sameButOne(window, p)) {
        if (!term.equals(window)) found.add(term);
      }
    }
    return found.size() == 1 ? found.iterator().next() : null;
  }

  private boolean[] coverage(String text) {
    boolean[] covered = new boolean[text.length()];
    for (int i = 0; i < text.length(); i++) {
      for (int len = 2; len <= Vocabulary.MAX_TERM_LENGTH && i + len <= text.length(); len++) {
        String s = text.substring(i, i + len);
        if (vocabulary.contains(s)) java.util.Arrays.fill(covered, i, i + len, true);
        if (!vocabulary.isPrefix(s)) break;
      }
    }
    return covered;
  }

  /**
   * For each position, the index of the next "suspect" character at or after it (text length if none):
   * a Chinese character no vocabulary term covers and that is not a function word. A typo window
   * must hold one.
   */
  private int[] nextSuspects(String text, boolean[] covered) {
    int[] next = new int[text.length() + 1];
    next[text.length()] = text.length();
    for (int k = text.length() - 1; k >= 0; k--) {
      char c = text.charAt(k);
      boolean suspect = !covered[k] && Vocabulary.allHan(String.valueOf(c)) && !functionWord.test(String.valueOf(c));
      next[k] = suspect ? k : next[k + 1];
    }
    return next;
  }

  /** Length of the longest vocabulary term at {@code i}, 0 if none. */
  private int longestTermAt(String text, int i, int maxLen) {
    int longest = 0;
    for (int len = 2; len <= maxLen; len++) {
      String s = text.substring(i, i + len);
      if (vocabulary.contains(s)) longest = len;
      if (!vocabulary.isPrefix(s)) break;
    }
    return longest;
  }

  /** Marks the window lengths at {@code i} that some term could match by sound or by shape. */
  private void markWorthTrying(String text, String[] keys, int i, int maxLen, boolean[] worth) {
    java.util.Arrays.fill(worth, false);
    StringBuilder key = new StringBuilder();
    for (int len = 1; len <= maxLen && keys[i + len - 1] != null; len++) {
      if (len > 1) key.append('\'');
      key.append(keys[i + len - 1]);
      String k = key.toString();
      if (len >= 2 && vocabulary.hasPinyin(k)) worth[len] = true;
      if (!vocabulary.isPinyinPrefix(k)) break;
    }
    for (int len = MIN_SHAPE_LENGTH; len <= maxLen; len++) {
      if (vocabulary.mayDifferInOne(text, i, len)) worth[len] = true;
    }
  }

  /**
   * For each char, the index of the known word of two or more chars the segmenter puts it in, or -1. A
   * window that cuts such a word in two ("在小" of "在小区") is a word border, not a typo.
   */
  private int[] knownWords(String text, List<Term> terms) {
    int[] wordAt = new int[text.length()];
    java.util.Arrays.fill(wordAt, -1);
    int index = 0;
    for (Term t : terms) {
      index++;
      if (t.word.length() < 2 || t.offset < 0 || t.offset + t.word.length() > text.length()) continue;
      if (!segmenter.isKnownWord(t.word)) continue;
      for (int k = t.offset; k < t.offset + t.word.length(); k++) wordAt[k] = index;
    }
    return wordAt;
  }

  private static boolean crossesWord(int[] wordAt, int from, int len) {
    int last = from + len - 1;
    boolean left = from > 0 && wordAt[from] >= 0 && wordAt[from - 1] == wordAt[from];
    boolean right = last + 1 < wordAt.length && wordAt[last] >= 0 && wordAt[last + 1] == wordAt[last];
    return left || right;
  }

  private boolean changesFunctionChar(String window, String replacement) {
    for (int k = 0; k < window.length(); k++) {
      if (window.charAt(k) != replacement.charAt(k) && functionWord.test(String.valueOf(window.charAt(k)))) return true;
    }
    return false;
  }

  /**
   * Two characters HanLP's bigram table has seen next to each other ("打到", "先在") are ordinary text;
   * a typo pair ("气税", "补半") almost never is.
   */
  private static boolean plausiblePair(String pair) {
    return CoreBiGramTableDictionary.getBiFrequency(pair.substring(0, 1), pair.substring(1)) > 0;
  }

  private static boolean hasUncovered(boolean[] covered, int from, int len) {
    for (int k = from; k < from + len; k++) {
      if (!covered[k]) return true;
    }
    return false;
  }

  private static int differences(String a, String b) {
    if (a.length() != b.length()) return -1;
    int d = 0;
    for (int i = 0; i < a.length(); i++) {
      if (a.charAt(i) != b.charAt(i)) d++;
    }
    return d;
  }
}
