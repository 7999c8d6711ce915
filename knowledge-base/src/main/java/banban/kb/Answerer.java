package banban.kb;

import banban.kb.Decision.Action;
import banban.kb.Decision.Suggestion;
import banban.nlp.AnalyzedQuery;
import banban.nlp.DetectedIntent;
import banban.nlp.Intent;
import java.util.ArrayList;
import java.util.List;

/**
 * The decision rule, a pure function of (text, snapshot): intents that need a person or a number
 * first, then smalltalk, then retrieval and a choice between answering, asking back and falling back.
 * The HTTP API, the eval command and the bot all call {@link #decide}.
 */
public final class Answerer {

  private final DecisionConfig cfg;
  private final Texts texts;

  public Answerer(DecisionConfig cfg, Texts texts) {
    this.cfg = cfg;
    this.texts = texts;
  }

  public DecisionConfig config() {
    return cfg;
  }

  /**
   * A decision with the ranked candidates it was chosen from (none when an intent decided before
   * retrieval): what evaluation and calibration need, from one analysis and one ranking.
   */
  public record Examined(Decision decision, List<Candidate> candidates) {

    /** True when retrieval decided (answer, clarify or fallback), not an intent. */
    public boolean retrieval() {
      return switch (decision.action()) {
        case ANSWER, CLARIFY, FALLBACK -> true;
        default -> false;
      };
    }
  }

  public Decision decide(String text, Snapshot s) {
    return examine(text, s).decision();
  }

  public Examined examine(String text, Snapshot s) {
    AnalyzedQuery aq = s.pipeline().analyze(text == null ? "" : text);
    List<String> intents = aq.intents().stream().map(i -> i.intent().wireName()).distinct().toList();
    Decision byIntent = byIntent(aq, intents);
    if (byIntent != null) return new Examined(byIntent, List.of());
    List<Candidate> ranked = rank(aq, s, cfg);
    return new Examined(choose(ranked, intents, cfg), ranked);
  }

  /** Retrieval and re-ranking alone, best first (the eval's sweep replays {@link #choose} on it). */
  public static List<Candidate> rank(AnalyzedQuery aq, Snapshot s, DecisionConfig cfg) {
    if (aq.normalized().isBlank()) return List.of();
    // The analysis's tokens are the query analyzer's terms (canonical, typo-corrected content terms):
    // using them instead of running the query analyzer again halves the nlp cost of a question.
    List<String> terms = aq.tokens();
    return Ranker.rank(s.index(), s.index().search(terms, cfg.boosts(), cfg.candidates()), aq.normalized(),
        aq.original(), cfg);
  }

  /**
   * Answer when the best entry is likely right (its calibrated confidence, which already weighs how
   * far it stands from the next entry) and, if configured, ahead of the second by a minimum score
   * gap; asking back costs one turn while a wrong answer costs trust. Otherwise offer up to three
   * plausible entries, or fall back to an offer of a person.
   */
  public Decision choose(List<Candidate> ranked, List<String> intents, DecisionConfig c) {
    if (ranked.isEmpty()) return Decision.reply(Action.FALLBACK, texts.get("fallback.text"), 0, List.of(), intents);
    Candidate best = ranked.get(0);
    double second = ranked.size() > 1 ? ranked.get(1).score() : 0;
    if (best.confidence() >= c.answerThreshold() && best.score() - second >= c.minGap()) {
      return Decision.answer(best.entry(), best.confidence(), intents);
    }
    List<Suggestion> suggestions = new ArrayList<>(3);
    for (Candidate cand : ranked) {
      if (suggestions.size() == 3 || cand.score() < c.clarifyThreshold()) break;
      suggestions.add(new Suggestion(cand.entry().id(), cand.entry().question()));
    }
    if (suggestions.isEmpty()) {
      return Decision.reply(Action.FALLBACK, texts.get("fallback.text"), best.confidence(), List.of(), intents);
    }
    return Decision.reply(Action.CLARIFY, texts.get("clarify.prompt"), best.confidence(), suggestions, intents);
  }

  /**
   * Emergency before everything (a citizen in danger must get the number even if they also complain),
   * then a request for a person, then a complaint that needs a department to act.
   */
  private Decision byIntent(AnalyzedQuery aq, List<String> intents) {
    for (DetectedIntent d : aq.intents()) {
      if (d.intent() == Intent.EMERGENCY) {
        String text = texts.get("emergency." + (d.detail() == null ? "" : d.detail().strip()), "emergency.default");
        return Decision.reply(Action.EMERGENCY, text, 1, List.of(), intents);
      }
    }
    if (aq.has(Intent.REQUEST_HUMAN)) return Decision.reply(Action.HANDOFF, texts.get("handoff.text"), 1, List.of(), intents);
    if (aq.has(Intent.COMPLAINT_OR_REPORT)) {
      return Decision.reply(Action.TICKET, texts.get("ticket.text"), 1, List.of(), intents);
    }
    if (aq.smalltalkOnly()) {
      for (DetectedIntent d : aq.intents()) {
        String key = switch (d.intent()) {
          case GREETING -> "smalltalk.greeting";
          case THANKS -> "smalltalk.thanks";
          case GOODBYE -> "smalltalk.goodbye";
          default -> null;
        };
        if (key != null) return Decision.reply(Action.SMALLTALK, texts.get(key), 1, List.of(), intents);
      }
      return Decision.reply(Action.SMALLTALK, texts.get("smalltalk.greeting"), 1, List.of(), intents);
    }
    return null;
  }
}
