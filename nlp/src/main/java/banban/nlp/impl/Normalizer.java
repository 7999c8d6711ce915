package banban.nlp.impl;

import com.hankcs.hanlp.HanLP;
import java.util.Locale;

/**
 * Brings citizen text into one canonical form: cleaned of control characters and lone surrogates,
 * NFKC (full-width to half-width), simplified Chinese, lower case, without emoji or decoration, with
 * runs of punctuation and white space collapsed. Digits and letters are kept. Idempotent and
 * thread-safe; never throws.
 */
public final class Normalizer {

  public String normalize(String text) {
    if (text == null || text.isEmpty()) return "";
    String s = clean(text);
    s = java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFKC);
    if (hasHan(s)) s = HanLP.convertToSimplifiedChinese(s);
    s = s.toLowerCase(Locale.ROOT);
    // NFKC after lower-casing once more: a few compatibility characters only decompose in one case.
    s = java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFKC);
    return collapse(s);
  }

  /** Drops lone surrogates, control, format and private-use characters; line breaks become spaces. */
  private static String clean(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        out.append(c).append(text.charAt(i + 1));
        i += 2;
        continue;
      }
      i++;
      if (Character.isSurrogate(c)) continue;
      int type = Character.getType(c);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) out.append(' ');
      else if (type != Character.CONTROL && type != Character.FORMAT && type != Character.PRIVATE_USE
          && type != Character.UNASSIGNED) out.append(c);
    }
    return out.toString();
  }

  /** Removes emoji and decoration, collapses repeated punctuation and white space, trims. */
  private static String collapse(String s) {
    StringBuilder out = new StringBuilder(s.length());
    int lastPunct = -1;
    boolean pendingSpace = false;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (isSymbol(cp)) continue;
      if (isDecoration(cp)) {
        pendingSpace = true;
        continue;
      }
      if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
        pendingSpace = true;
        continue;
      }
      boolean punct = isPunctuation(cp);
      if (punct && cp == lastPunct) continue;
      if (pendingSpace && out.length() > 0 && !punct) out.append(' ');
      pendingSpace = false;
      out.appendCodePoint(cp);
      lastPunct = punct ? cp : -1;
    }
    return out.toString().strip();
  }

  /** Emoji, their modifiers and joiners, and other pictographs: dropped without a trace. */
  private static boolean isSymbol(int cp) {
    int type = Character.getType(cp);
    return type == Character.OTHER_SYMBOL
        || type == Character.MODIFIER_SYMBOL
        || type == Character.NON_SPACING_MARK
        || type == Character.ENCLOSING_MARK
        || type == Character.CONTROL
        || type == Character.FORMAT
        || type == Character.SURROGATE;
  }

  /** Decorative brackets and marks around words: replaced by a space so the words stay apart. */
  private static boolean isDecoration(int cp) {
    return "【】「」『』〖〗〔〕《》〈〉~^_|*#".indexOf(cp) >= 0;
  }

  static boolean isPunctuation(int cp) {
    int type = Character.getType(cp);
    return switch (type) {
      case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
          Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
          Character.OTHER_PUNCTUATION -> true;
      default -> false;
    };
  }

  static boolean isHan(int cp) {
    return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
  }

  private static boolean hasHan(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (isHan(s.charAt(i))) return true;
    }
    return false;
  }
}
