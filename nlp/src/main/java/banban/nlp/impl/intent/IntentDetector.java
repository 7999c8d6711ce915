package banban.nlp.impl.intent;

import banban.nlp.DetectedIntent;
import banban.nlp.Intent;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds what a message asks the conversation layer to do, from the rules of {@code seeds/intents.txt}.
 * A cue counts unless a negation cue stands right before it in the same clause ("不用转人工") or an
 * {@code .unless} cue of its intent is anywhere in the message (a question about the intent such as
 * "怎么投诉" rather than the intent itself). Works on normalised text; thread-safe (immutable).
 */
public final class IntentDetector {
  /** How far before a cue a negation may start, in characters, within the same clause. */
  private static final int NEGATION_REACH = 4;
  private static final Set<Intent> SMALLTALK = EnumSet.of(Intent.GREETING, Intent.THANKS, Intent.GOODBYE);
  private static final List<Intent> ORDER = List.of(
      Intent.REQUEST_HUMAN, Intent.COMPLAINT_OR_REPORT, Intent.GREETING, Intent.THANKS, Intent.GOODBYE);

  private final IntentRules rules;

  public IntentDetector(IntentRules rules) {
    this.rules = rules;
  }

  public record Detection(List<DetectedIntent> intents, boolean smalltalkOnly) {
    public static final Detection NONE = new Detection(List.of(), false);
  }

  public Detection detect(String text) {
    if (text == null || text.isBlank()) return Detection.NONE;
    List<DetectedIntent> found = new ArrayList<>();
    // Cues first, .unless only when a cue matched: most messages match no cue at all.
    List<DetectedIntent> emergencies = new ArrayList<>();
    for (Map.Entry<String, List<Cue>> e : rules.emergency.entrySet()) {
      if (firstCue(e.getValue(), text) != null) emergencies.add(new DetectedIntent(Intent.EMERGENCY, e.getKey()));
    }
    if (!emergencies.isEmpty() && !any(rules.unless.get(Intent.EMERGENCY), text)) found.addAll(emergencies);
    for (Intent intent : ORDER) {
      String cue = firstCue(rules.strong.get(intent), text);
      if (cue == null) cue = weakCues(rules.weak.get(intent), text);
      if (cue != null && !any(rules.unless.get(intent), text)) found.add(new DetectedIntent(intent, cue));
    }
    boolean smalltalk = !found.isEmpty() && found.stream().allMatch(d -> SMALLTALK.contains(d.intent()))
        && nothingElse(text);
    return new Detection(List.copyOf(found), smalltalk);
  }

  /** The first cue that is not negated, or null. */
  private String firstCue(List<Cue> patterns, String text) {
    if (patterns == null) return null;
    for (Cue cue : patterns) {
      Cue.Match m = cue.find(text, 0);
      while (m != null) {
        if (m.end() > m.start() && !negated(text, m.start())) return text.substring(m.start(), m.end());
        m = cue.find(text, m.start() + 1);
      }
    }
    return null;
  }

  /** Cues from two or more different .weak lines (kinds of evidence), joined with "+", or null. */
  private String weakCues(List<Cue> patterns, String text) {
    if (patterns == null) return null;
    Set<String> cues = new LinkedHashSet<>();
    for (Cue p : patterns) {
      String cue = firstCue(List.of(p), text);
      if (cue != null) cues.add(cue);
    }
    return cues.size() >= 2 ? String.join("+", cues) : null;
  }

  /**
   * True when a negation cue starts in the same clause at most {@link #NEGATION_REACH} chars before the
   * cue. The negation may run into the cue ("不需要" before the cue "要人工").
   */
  private boolean negated(String text, int cueStart) {
    int from = cueStart;
    while (from > 0 && cueStart - from < NEGATION_REACH && !isClauseBreak(text.charAt(from - 1))) from--;
    if (from == cueStart) return false;
    for (Cue negation : rules.negation) {
      Cue.Match m = negation.find(text, from);
      if (m != null && m.start() < cueStart) return true;
    }
    return false;
  }

  /** True when the text holds nothing but small-talk cues, filler words and punctuation. */
  private boolean nothingElse(String text) {
    String rest = text;
    for (Intent intent : SMALLTALK) rest = blankOut(rules.strong.get(intent), rest);
    rest = blankOut(rules.filler, rest);
    for (int i = 0; i < rest.length(); i++) {
      if (Character.isLetterOrDigit(rest.charAt(i))) return false;
    }
    return true;
  }

  private static String blankOut(List<Cue> patterns, String text) {
    if (patterns == null) return text;
    StringBuilder out = new StringBuilder(text);
    for (Cue cue : patterns) {
      for (Cue.Match m = cue.find(text, 0); m != null; m = cue.find(text, m.end() > m.start() ? m.end() : m.start() + 1)) {
        for (int k = m.start(); k < m.end(); k++) out.setCharAt(k, ' ');
      }
    }
    return out.toString();
  }

  private static boolean any(List<Cue> patterns, String text) {
    if (patterns == null) return false;
    for (Cue cue : patterns) {
      if (cue.find(text, 0) != null) return true;
    }
    return false;
  }

  private static boolean isClauseBreak(char c) {
    return Character.isWhitespace(c) || ",.!?;:，。！？；：、…".indexOf(c) >= 0;
  }
}
