package banban.nlp.impl.typo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The knowledge base's own words (Chinese, two characters or more) with how often they occur, indexed
 * by fuzzy pinyin and by "one character blanked out" patterns, so a typo can be matched to the term it
 * most likely stands for. Immutable once built.
 */
public final class Vocabulary {
  public static final Vocabulary EMPTY = new Builder().build();

  /** Longest term considered; longer windows only cost time. */
  static final int MAX_TERM_LENGTH = 8;

  private final Map<String, Integer> frequency;
  private final Map<String, List<String>> byPinyin;
  private final Map<String, List<String>> byBlanked;
  /** Every prefix of a term, of its pinyin key, and (length, first, last char) of shape-correctable terms:
   * they let the corrector stop extending a window as soon as no term can match it. */
  private final Set<String> prefixes;
  private final Set<String> pinyinPrefixes;
  private final Set<Long> shapeKeys;

  private Vocabulary(Map<String, Integer> frequency) {
    this.frequency = Map.copyOf(frequency);
    Map<String, List<String>> py = new HashMap<>();
    Map<String, List<String>> blanked = new HashMap<>();
    Set<String> pre = new HashSet<>();
    Set<String> pyPre = new HashSet<>();
    Set<Long> shapes = new HashSet<>();
    for (String term : frequency.keySet()) {
      for (int i = 1; i <= term.length(); i++) pre.add(term.substring(0, i));
      String key = PinyinKeys.word(term);
      if (key != null) {
        py.computeIfAbsent(key, k -> new ArrayList<>()).add(term);
        for (int i = key.indexOf('\''); i > 0; i = key.indexOf('\'', i + 1)) pyPre.add(key.substring(0, i));
        pyPre.add(key);
      }
      if (term.length() >= TypoCorrector.MIN_SHAPE_LENGTH) {
        shapes.add(shapeKey(term, 0, term.length()));
        for (int i = 0; i < term.length(); i++) {
          blanked.computeIfAbsent(blank(term, i), k -> new ArrayList<>()).add(term);
        }
      }
    }
    this.byPinyin = Map.copyOf(py);
    this.byBlanked = Map.copyOf(blanked);
    this.prefixes = Set.copyOf(pre);
    this.pinyinPrefixes = Set.copyOf(pyPre);
    this.shapeKeys = Set.copyOf(shapes);
  }

  public boolean contains(String term) {
    return frequency.containsKey(term);
  }

  public int size() {
    return frequency.size();
  }

  boolean isPrefix(String s) {
    return prefixes.contains(s);
  }

  boolean isPinyinPrefix(String key) {
    return pinyinPrefixes.contains(key);
  }

  boolean hasPinyin(String key) {
    return byPinyin.containsKey(key);
  }

  /** True if a term with the window's length, first and last characters exists (a look-alike candidate). */
  boolean mayDifferInOne(String text, int start, int len) {
    return shapeKeys.contains(shapeKey(text, start, len));
  }

  private static long shapeKey(String s, int start, int len) {
    return (long) len << 32 | (long) s.charAt(start) << 16 | s.charAt(start + len - 1);
  }

  int frequency(String term) {
    return frequency.getOrDefault(term, 0);
  }

  List<String> samePinyin(String key) {
    return key == null ? List.of() : byPinyin.getOrDefault(key, List.of());
  }

  List<String> sameButOne(String window, int position) {
    return byBlanked.getOrDefault(blank(window, position), Collections.emptyList());
  }

  private static String blank(String s, int i) {
    return s.substring(0, i) + '\u0000' + s.substring(i + 1);
  }

  /** Collects terms; only all-Han terms of 2 to {@link #MAX_TERM_LENGTH} characters are kept. */
  public static final class Builder {
    private final Map<String, Integer> frequency = new HashMap<>();

    public Builder add(String term) {
      if (term != null && term.length() >= 2 && term.length() <= MAX_TERM_LENGTH && allHan(term)) {
        frequency.merge(term, 1, Integer::sum);
      }
      return this;
    }

    public Vocabulary build() {
      return new Vocabulary(frequency);
    }
  }

  static boolean allHan(CharSequence s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.UnicodeScript.of(s.charAt(i)) != Character.UnicodeScript.HAN) return false;
    }
    return true;
  }
}
