package banban.gateway.workorder.routing;

import java.util.Arrays;

/**
 * Text to hashed character n-grams (2 and 3 Han characters). Character n-grams need no segmenter, so
 * the jieba-segmented training text (its spaces ignored) and a citizen's raw message look alike;
 * anything that is not a Han character (punctuation, digits, the masked place names "A3区") only
 * separates runs.
 */
public final class Features {
  public static final int BITS = 20;
  public static final int DIM = 1 << BITS;
  static final int MIN_N = 2;
  static final int MAX_N = 3;

  private Features() {}

  /** Every n-gram occurrence, hashed into [0, DIM). */
  public static int[] grams(String text) {
    int[] run = new int[text.length()];
    int[] out = new int[text.length() * (MAX_N - MIN_N + 1)];
    int count = 0;
    int len = 0;
    for (int i = 0; i <= text.length(); i++) {
      char ch = i < text.length() ? text.charAt(i) : '\n';
      if (ch >= '\u4e00' && ch <= '\u9fff') {
        run[len++] = ch;
        continue;
      }
      if (ch == ' ') continue; // the training text's word gaps are not breaks
      for (int a = 0; a < len; a++) {
        for (int n = MIN_N; n <= MAX_N && a + n <= len; n++) out[count++] = hash(run, a, n);
      }
      len = 0;
    }
    return Arrays.copyOf(out, count);
  }

  private static int hash(int[] run, int from, int n) {
    int h = 0x9747b28c ^ n;
    for (int k = 0; k < n; k++) {
      h ^= run[from + k];
      h *= 0x5bd1e995;
      h ^= h >>> 15;
    }
    return h & (DIM - 1);
  }
}
