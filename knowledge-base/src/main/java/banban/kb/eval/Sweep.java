package banban.kb.eval;

import banban.kb.Answerer;
import banban.kb.Candidate;
import banban.kb.Decision;
import banban.kb.DecisionConfig;
import banban.kb.Texts;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code eval --sweep}: how the decision thresholds were chosen. The re-ranked, calibrated candidates
 * are computed once per case; every combination of thresholds of a grid is then replayed through
 * {@link Answerer#choose}, the same rule {@code ask} uses. The
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

  /** {@code examined}: each case's decision and candidates, in the order of {@code cases}. */
  Sweep(DecisionConfig base, List<EvalCase> cases, List<Answerer.Examined> examined) {
    this.cases = cases;
    this.base = base;
    for (Answerer.Examined e : examined) {
      intentDecisions.add(e.retrieval() ? null : e.decision());
      candidates.add(e.candidates());
    }
  }

  void print(PrintStream out) {
    Answerer answerer = new Answerer(base, Texts.load());
    List<Row> rows = new ArrayList<>();
    for (double th = 0.05; th <= 0.951; th += 0.01) {
      for (double gap : new double[] {0, 0.02, 0.05, 0.1}) {
        for (double clarify : new double[] {0.2, 0.25, 0.3, 0.35, 0.4}) {
          DecisionConfig cfg = base.withThresholds(th, gap, clarify);
          rows.add(new Row(cfg, replay(answerer, candidates, cfg)));
        }
      }
    }
    rows.sort(Comparator.comparingDouble((Row r) -> r.f().rejection() >= 0.9 ? r.f().objective() : -1).reversed());
    out.println();
    out.println("sweep (" + rows.size() + " settings), best by accuracy - 3 x wrong with rejection >= 90 %:");
    out.println("answer  gap   clarify | accuracy wrong  clarify reject");
    for (Row r : rows.subList(0, Math.min(15, rows.size()))) out.println(line(r));
    out.println("most accurate with wrong <= 3 % and rejection >= 90 %:");
    rows.stream().filter(r -> r.f().wrongRate() <= 0.03 && r.f().rejection() >= 0.9)
        .sorted(Comparator.comparingDouble((Row r) -> r.f().accuracy()).reversed()).limit(5)
        .forEach(r -> out.println(line(r)));
    out.println("the trade-off, answer threshold alone (gap and clarify threshold as configured):");
    for (double th = 0.06; th <= 0.401; th += 0.02) {
      DecisionConfig cfg = base.withThresholds(th, base.minGap(), base.clarifyThreshold());
      out.println(line(new Row(cfg, replay(answerer, candidates, cfg))));
    }
    out.println("current defaults:");
    out.println(line(new Row(base, replay(answerer, candidates, base))));
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
    return String.format("%5.2f  %5.2f  %5.2f   | %6.1f%% %5.1f%% %6.1f%% %5.1f%%",
        c.answerThreshold(), c.minGap(), c.clarifyThreshold(),
        100 * r.f().accuracy(), 100 * r.f().wrongRate(), 100 * r.f().clarifyHitRate(), 100 * r.f().rejection());
  }
}
