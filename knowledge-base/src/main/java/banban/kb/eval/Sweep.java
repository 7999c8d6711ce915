package banban.kb.eval;

import banban.kb.Answerer;
import banban.kb.Candidate;
import banban.kb.Decision;
import banban.kb.DecisionConfig;
import banban.kb.KnowledgeBase;
import banban.kb.Texts;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code eval --sweep}: how the decision defaults were chosen. The features of the re-ranked
 * candidates are computed once per case; every combination of feature weights and thresholds of a
 * coarse grid is then replayed through {@link Answerer#choose}, the same rule {@code ask} uses. The
 * objective is answer accuracy minus three times the wrong-answer rate, among settings that keep the
 * out-of-scope rejection at 90 % or more: a wrong answer from a government service costs more than a
 * clarifying question.
 */
final class Sweep {

  private record Row(DecisionConfig cfg, Figures f) {}

  private final List<EvalCase> cases;
  private final List<Decision> intentDecisions = new ArrayList<>();
  private final List<List<Candidate>> candidates = new ArrayList<>();
  private final DecisionConfig base;

  Sweep(KnowledgeBase kb, List<EvalCase> cases) {
    this.cases = cases;
    this.base = kb.config();
    for (EvalCase c : cases) {
      Decision d = kb.ask(c.query());
      boolean retrieval = switch (d.action()) {
        case ANSWER, CLARIFY, FALLBACK -> true;
        default -> false;
      };
      intentDecisions.add(retrieval ? null : d);
      candidates.add(retrieval ? kb.candidates(c.query()) : List.of());
    }
  }

  void print(PrintStream out) {
    Answerer answerer = new Answerer(base, Texts.load());
    List<Row> rows = new ArrayList<>();
    double[] m = {0, 0.1, 0.2};
    double[] di = {0.2, 0.35, 0.5};
    double[] co = {0, 0.1};
    double[] an = {0.2, 0.35, 0.5};
    double[] kw = {0, 0.05, 0.1};
    double[] bm = {0, 0.1, 0.2};
    for (double a : m) for (double b : di) for (double c : co) for (double x : an) for (double k : kw)
    for (double s : bm) {
      DecisionConfig w = base.withWeights(a, b, c, x, k, s, base.oovWeight());
      List<List<Candidate>> rescored = rescore(w);
      for (double th = 0.25; th <= 0.801; th += 0.025) {
        for (double gap : new double[] {0, 0.02, 0.04, 0.06, 0.08, 0.1, 0.15}) {
          DecisionConfig cfg = w.withThresholds(th, gap, Math.min(th, base.clarifyThreshold()));
          rows.add(new Row(cfg, replay(answerer, rescored, cfg)));
        }
      }
    }
    rows.sort(Comparator.comparingDouble((Row r) -> r.f().rejection() >= 0.9 ? r.f().objective() : -1).reversed());
    out.println();
    out.println("sweep (" + rows.size() + " settings), best by accuracy - 3 x wrong with rejection >= 90 %:");
    out.println("wMatch wDice wCov  wAns  wKw  wBm25 answer  gap   | accuracy wrong  clarify reject");
    for (Row r : rows.subList(0, Math.min(15, rows.size()))) out.println(line(r));
    out.println("current defaults:");
    out.println(line(new Row(base, replay(answerer, rescore(base), base))));
  }

  private List<List<Candidate>> rescore(DecisionConfig cfg) {
    List<List<Candidate>> out = new ArrayList<>(candidates.size());
    for (List<Candidate> cs : candidates) {
      List<Candidate> r = new ArrayList<>(cs.size());
      for (Candidate c : cs) r.add(c.rescore(cfg));
      r.sort(Comparator.comparingDouble(Candidate::confidence).reversed());
      out.add(r);
    }
    return out;
  }

  private Figures replay(Answerer answerer, List<List<Candidate>> ranked, DecisionConfig cfg) {
    Figures f = new Figures();
    for (int i = 0; i < cases.size(); i++) {
      Decision d = intentDecisions.get(i) != null ? intentDecisions.get(i)
          : answerer.choose(ranked.get(i), List.of(), cfg);
      f.add(cases.get(i), new Figures.Outcome(d.action().wireName(), d.faqId(),
          d.suggestions().stream().map(Decision.Suggestion::faqId).toList()));
    }
    return f;
  }

  private static String line(Row r) {
    DecisionConfig c = r.cfg();
    return String.format("%5.2f %5.2f %5.2f %5.2f %5.2f %5.2f  %5.3f %5.2f | %6.1f%% %5.1f%% %6.1f%% %5.1f%%",
        c.wMatch(), c.wDice(), c.wCoverage(), c.wAnswer(), c.wKeyword(), c.wBm25(), c.answerThreshold(), c.minGap(),
        100 * r.f().accuracy(), 100 * r.f().wrongRate(), 100 * r.f().clarifyHitRate(), 100 * r.f().rejection());
  }
}
