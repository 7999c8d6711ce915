package banban.nlp;

import java.util.List;

/**
 * Raw text turned into what retrieval and the conversation layer need.
 *
 * @param original the text as typed
 * @param normalized normalised text (NFKC, simplified, lower case, emoji stripped)
 * @param tokens segmented terms of the normalised text after typo correction
 * @param corrections the typo corrections applied
 * @param intents intents found, strongest first
 * @param smalltalkOnly true when nothing but greeting/thanks/goodbye is in the text
 */
public record AnalyzedQuery(
    String original,
    String normalized,
    List<String> tokens,
    List<Correction> corrections,
    List<DetectedIntent> intents,
    boolean smalltalkOnly) {

  public boolean has(Intent intent) {
    return intents.stream().anyMatch(i -> i.intent() == intent);
  }
}
