package banban.nlp.impl;

import com.hankcs.hanlp.HanLP;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings citizen text into one canonical form: cleaned of control characters and lone surrogates,
 * NFKC (full-width to half-width), simplified Chinese, lower case, without emoji or decoration, with
 * runs of punctuation and white space collapsed. Digits and letters are kept. Idempotent and
 * thread-safe; never throws.
 */
public final class Normalizer {
  private static final Logger LOG = LoggerFactory.getLogger(Normalizer.class);
  /** Characters that HanLP's traditional-to-simplified table changes; null if the table was not found. */
  private static final BitSet TRADITIONAL = traditionalChars();

  public String normalize(String text) {
    if (text == null || text.isEmpty()) return "";
    String s = clean(text);
    s = java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFKC);
    if (mayBeTraditional(s)) s = HanLP.convertToSimplifiedChinese(s);
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

  /** Most citizens type simplified Chinese; HanLP's conversion is skipped when it could change nothing. */
  private static boolean mayBeTraditional(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (TRADITIONAL == null ? isHan(c) : TRADITIONAL.get(c)) return true;
    }
    return false;
  }

  /**
   * Reads HanLP's own t2s table from its jar: single characters it changes, and the characters that
   * differ in the phrases it changes (瞭 in 明瞭→明了, a character left alone on its own).
   */
  private static BitSet traditionalChars() {
    try (InputStream in = HanLP.class.getClassLoader().getResourceAsStream("data/dictionary/tc/t2s.txt")) {
      if (in == null) {
        LOG.warn("HanLP t2s table not found; every Chinese text goes through the conversion");
        return null;
      }
      BitSet chars = new BitSet(0x10000);
      List<String[]> phrases = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        int eq = line.indexOf('=');
        if (eq <= 0) continue;
        String from = line.substring(0, eq);
        String to = line.substring(eq + 1).strip();
        if (from.length() > 1) phrases.add(new String[] {from, to});
        else if (!from.equals(to)) chars.set(from.charAt(0));
      }
      // A phrase with a traditional character is caught by that character; only phrases made of
      // characters that are also simplified add their changed characters (and only those).
      for (String[] p : phrases) {
        if (p[0].chars().anyMatch(chars::get)) continue;
        for (int i = 0; i < p[0].length(); i++) {
          if (p[0].length() != p[1].length() || p[0].charAt(i) != p[1].charAt(i)) chars.set(p[0].charAt(i));
        }
      }
      return chars;
    } catch (IOException e) {
      LOG.warn("Cannot read HanLP's t2s table; every Chinese text goes through the conversion", e);
      return null;
    }
  }
}
