package banban.nlp.impl.intent;

import banban.nlp.Intent;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.PatternSyntaxException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parsed content of {@code seeds/intents.txt}. Line format (documented in the file itself):
 *
 * <pre>
 *   # comment
 *   key: literal|literal|literal
 *   key: /a java regular expression/
 * </pre>
 *
 * Keys: an intent's wire name (cues of which one is enough), {@code <intent>.weak} (cues of which two
 * different ones are needed), {@code <intent>.unless} (cues that cancel the intent: questions about it),
 * {@code emergency.<number>} (cues of an emergency to be called in on that number), {@code negation}
 * (cues that cancel a match they directly precede) and {@code filler} (words that may accompany
 * small talk). Literals are normalised like citizen text. A line that cannot be parsed is logged and
 * skipped, so an administrator's mistake never stops the service.
 */
public final class IntentRules {
  private static final Logger LOG = LoggerFactory.getLogger(IntentRules.class);

  final Map<Intent, List<Cue>> strong = new EnumMap<>(Intent.class);
  final Map<Intent, List<Cue>> weak = new EnumMap<>(Intent.class);
  final Map<Intent, List<Cue>> unless = new EnumMap<>(Intent.class);
  /** Emergency number to its cues, in file order. */
  final Map<String, List<Cue>> emergency = new LinkedHashMap<>();
  final List<Cue> negation = new ArrayList<>();
  final List<Cue> filler = new ArrayList<>();

  private IntentRules() {}

  public static IntentRules parse(List<String> lines, UnaryOperator<String> normalizer) {
    IntentRules rules = new IntentRules();
    int lineNo = 0;
    for (String raw : lines) {
      lineNo++;
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) continue;
      int colon = line.indexOf(':');
      if (colon <= 0) {
        LOG.warn("Intent rules line {} has no 'key:' and is skipped", lineNo);
        continue;
      }
      String key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
      List<Cue> patterns;
      try {
        patterns = patterns(line.substring(colon + 1).strip(), normalizer);
      } catch (PatternSyntaxException e) {
        LOG.warn("Intent rules line {} has an invalid regular expression and is skipped: {}", lineNo, e.getDescription());
        continue;
      }
      if (!rules.add(key, patterns)) LOG.warn("Intent rules line {} has an unknown key '{}' and is skipped", lineNo, key);
    }
    return rules;
  }

  private boolean add(String key, List<Cue> patterns) {
    if (key.equals("negation") || key.equals("filler")) {
      (key.equals("negation") ? negation : filler).addAll(patterns);
      return true;
    }
    String[] parts = key.split("\\.", 2);
    if (parts[0].equals("emergency") && parts.length == 2 && parts[1].matches("\\d{3}")) {
      emergency.computeIfAbsent(parts[1], k -> new ArrayList<>()).addAll(patterns);
      return true;
    }
    Intent intent = intent(parts[0]);
    if (intent == null) return false;
    Map<Intent, List<Cue>> target = parts.length == 1 ? strong
        : switch (parts[1]) {
          case "weak" -> weak;
          case "unless" -> unless;
          default -> null;
        };
    if (target == null) return false;
    target.computeIfAbsent(intent, k -> new ArrayList<>()).addAll(patterns);
    return true;
  }

  private static Intent intent(String wireName) {
    for (Intent i : Intent.values()) {
      if (i.wireName().equals(wireName)) return i;
    }
    return null;
  }

  private static List<Cue> patterns(String value, UnaryOperator<String> normalizer) {
    if (value.length() > 2 && value.startsWith("/") && value.endsWith("/")) {
      return List.of(Cue.regex(value.substring(1, value.length() - 1)));
    }
    List<String> phrases = new ArrayList<>();
    for (String literal : value.split("\\|")) {
      String n = normalizer.apply(literal);
      if (!n.isEmpty()) phrases.add(n);
    }
    return phrases.isEmpty() ? List.of() : List.of(Cue.literals(phrases));
  }
}
