package banban.nlp.impl.intent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Something to look for in normalised text: a set of literal phrases or one regular expression. Literal
 * sets are matched through a first-character index rather than as a regex alternation, which Java runs
 * alternative by alternative at every position and which made intent detection the slowest part of
 * analysis.
 */
sealed interface Cue {

  /** A match of a cue: [start, end) in the text. */
  record Match(int start, int end) {}

  /** The leftmost match starting at or after {@code from}, or null. */
  Match find(String text, int from);

  static Cue regex(String regex) {
    return new Regex(Pattern.compile(regex));
  }

  static Cue literals(List<String> phrases) {
    return new Literals(phrases);
  }

  record Regex(Pattern pattern) implements Cue {
    @Override
    public Match find(String text, int from) {
      Matcher m = pattern.matcher(text);
      return from <= text.length() && m.find(from) ? new Match(m.start(), m.end()) : null;
    }
  }

  /** Literal phrases, longest first at a position; Latin phrases only as whole Latin words. */
  final class Literals implements Cue {
    /** Sorted first characters, and for each the phrases starting with it, longest first. */
    private final char[] firsts;
    private final String[][] phrases;

    Literals(List<String> list) {
      Map<Character, List<String>> byFirst = new TreeMap<>();
      for (String p : list) {
        if (!p.isEmpty()) byFirst.computeIfAbsent(p.charAt(0), k -> new ArrayList<>()).add(p);
      }
      firsts = new char[byFirst.size()];
      phrases = new String[byFirst.size()][];
      int i = 0;
      for (Map.Entry<Character, List<String>> e : byFirst.entrySet()) {
        firsts[i] = e.getKey();
        phrases[i++] = e.getValue().stream().sorted((a, b) -> b.length() - a.length()).toArray(String[]::new);
      }
    }

    @Override
    public Match find(String text, int from) {
      for (int i = Math.max(0, from); i < text.length(); i++) {
        int slot = Arrays.binarySearch(firsts, text.charAt(i));
        if (slot < 0) continue;
        for (String p : phrases[slot]) {
          if (text.startsWith(p, i) && wholeIfLatin(text, p, i)) return new Match(i, i + p.length());
        }
      }
      return null;
    }

    // "hi" must not match inside "this": Latin phrases need non-letters on both sides.
    private static boolean wholeIfLatin(String text, String phrase, int at) {
      if (!isLatin(phrase.charAt(0))) return true;
      int end = at + phrase.length();
      return (at == 0 || !isLatin(text.charAt(at - 1))) && (end == text.length() || !isLatin(text.charAt(end)));
    }

    private static boolean isLatin(char c) {
      return c >= 'a' && c <= 'z';
    }
  }
}
