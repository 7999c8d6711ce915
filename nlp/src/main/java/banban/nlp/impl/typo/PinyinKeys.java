package banban.nlp.impl.typo;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.py.Pinyin;
import java.util.List;

/**
 * Tone-less pinyin of each character, for matching misspellings by sound; characters without pinyin
 * get {@code null}. Each character gets its most common reading, looked up once per JVM and cached:
 * text and vocabulary are keyed the same way, so a polyphone reads the same on both sides, and this is
 * several times cheaper than HanLP's word-level conversion of every query.
 *
 * <p>"Fuzzy" pinyin (zh=z, ch=c, sh=s, -eng=-en) was tried and dropped: on the dev set it found no extra
 * citizen typo and three times as many wrong corrections (说得→所得, 助餐→助产, 上申→上升).
 */
final class PinyinKeys {
  private static final int FIRST = 0x3400;
  private static final int LAST = 0x9FFF;
  private static final String NONE = "";
  /** Lazily filled; a race only computes the same immutable String twice. */
  private static final String[] CACHE = new String[LAST - FIRST + 1];

  private PinyinKeys() {}

  /** One key per char of {@code text}, null for a char without pinyin. */
  static String[] of(String text) {
    String[] keys = new String[text.length()];
    for (int i = 0; i < keys.length; i++) keys[i] = of(text.charAt(i));
    return keys;
  }

  static String of(char c) {
    if (c < FIRST || c > LAST) return null;
    String key = CACHE[c - FIRST];
    if (key == null) {
      List<Pinyin> list = HanLP.convertToPinyinList(String.valueOf(c));
      key = list.size() == 1 && list.get(0) != Pinyin.none5 ? list.get(0).getPinyinWithoutTone() : NONE;
      CACHE[c - FIRST] = key;
    }
    return key.isEmpty() ? null : key;
  }

  /** The key of a whole word, or {@code null} if a char has no pinyin. */
  static String word(String word) {
    return join(of(word), 0, word.length());
  }

  static String join(String[] keys, int from, int to) {
    StringBuilder sb = new StringBuilder((to - from) * 5);
    for (int i = from; i < to; i++) {
      if (keys[i] == null) return null;
      if (i > from) sb.append('\'');
      sb.append(keys[i]);
    }
    return sb.toString();
  }
}
