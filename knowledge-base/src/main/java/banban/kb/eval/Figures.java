package banban.kb.eval;

import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The figures of shared/eval/README.md over a set of cases. Wrong answers count in-scope and
 * out-of-scope cases answered with another entry, over ALL cases, as the README defines them.
 */
public final class Figures {

  /** What the system did with one case: its action and, when answering, the entry; the offered ids. */
  public record Outcome(String action, String faqId, List<String> suggested) {}

  int cases;
  int inScope;
  int correct;
  int wrong;
  int clarifyHits;
  int outOfScope;
  int rejected;
  int intentCases;
  int intentCorrect;

  public void add(EvalCase c, Outcome o) {
    cases++;
    boolean answered = "answer".equals(o.action());
    if (c.inScope()) {
      inScope++;
      if (answered && c.expect().equals(o.faqId())) correct++;
      else if (answered) wrong++;
      else if (o.suggested().contains(c.expect())) clarifyHits++;
    } else if (c.outOfScope()) {
      outOfScope++;
      if (answered) wrong++;
      else rejected++;
    } else {
      intentCases++;
      if (c.expect().equals(o.action())) intentCorrect++;
    }
  }

  public double accuracy() {
    return ratio(correct, inScope);
  }

  public double wrongRate() {
    return ratio(wrong, cases);
  }

  public double clarifyHitRate() {
    return ratio(clarifyHits, inScope);
  }

  public double rejection() {
    return ratio(rejected, outOfScope);
  }

  public double intentAccuracy() {
    return ratio(intentCorrect, intentCases);
  }

  public int cases() {
    return cases;
  }

  /** The objective thresholds are chosen by: accuracy minus three times the wrong-answer rate. */
  public double objective() {
    return accuracy() - 3 * wrongRate();
  }

  public JsonObject toJson() {
    return new JsonObject().put("cases", cases).put("answerAccuracy", round(accuracy()))
        .put("wrongAnswers", round(wrongRate())).put("wrongCount", wrong).put("clarifyHits", round(clarifyHitRate()))
        .put("rejection", round(rejection())).put("intentAccuracy", round(intentAccuracy()));
  }

  /** One table row: counts and percentages; "-" where a figure has no cases. */
  public String row(String label) {
    return String.format("%-16s %5d  %7s  %7s  %7s  %7s  %7s", label, cases, pct(correct, inScope),
        pct(wrong, cases), pct(clarifyHits, inScope), pct(rejected, outOfScope), pct(intentCorrect, intentCases));
  }

  public static String header() {
    return String.format("%-16s %5s  %7s  %7s  %7s  %7s  %7s", "", "cases", "answer", "wrong", "clarify", "reject",
        "intent");
  }

  private static String pct(int n, int d) {
    return d == 0 ? "-" : String.format("%.1f%%", 100.0 * n / d);
  }

  private static double ratio(int n, int d) {
    return d == 0 ? 0 : (double) n / d;
  }

  private static double round(double v) {
    return Math.round(v * 10000) / 10000.0;
  }
}
