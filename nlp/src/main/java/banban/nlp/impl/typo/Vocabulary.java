package banban.nlp.impl.typo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

  private Vocabulary(Map<String, Integer> frequency) {
    this.frequency = Map.copyOf(frequency);
    Map<String, List<String>> py = new HashMap<>();
    Map<String, List<String>> blanked = new HashMap<>();
    for (String term : frequency.keySet()) {
      String key = PinyinKeys.word(term);
      if (key != null) py.computeIfAbsent(key, k -> new ArrayList<>()).add(term);
      if (term.length() >= TypoCorrector.MIN_SHAPE_LENGTH) {
        for (int i = 0; i < term.length(); i++) {
          blanked.computeIfAbsent(blank(term, i), k -> new ArrayList<>()).add(term);
        }
      }
    }
    this.byPinyin = Map.copyOf(py);
    this.byBlanked = Map.copyOf(blanked);
  }

  public boolean contains(String term) {
    return frequency.containsKey(term);
  }

  public int size() {
    return frequency.size();
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
