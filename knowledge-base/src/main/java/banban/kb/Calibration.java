package banban.kb;

import java.util.Arrays;
import java.util.List;

/**
 * Turns the features of a ranked candidate into the probability that it is the right answer: a
 * logistic regression over how strong the candidate is (its score, lexical match and embedding
 * similarities) and how far it stands from the best other candidate on each of them. Fitted by
 * {@code calibrate} on the KB itself, never on evaluation cases: similar questions held out of
 * their entry are the positives, and questions of entries held out of the KB are the near-domain
 * out-of-scope questions a wrong answer comes from.
 *
 * @param intercept the regression's intercept
 * @param weights one weight per name of {@link #FEATURES}, in that order
 */
public record Calibration(double intercept, double[] weights) {

  public static final List<String> FEATURES = List.of("score", "scoreGap", "lexical", "lexicalGap", "questionSim",
      "questionSimGap", "answerSim", "answerSimGap", "match", "coverage", "dice", "entryCoverage", "answerCoverage",
      "keyword", "bm25");

  /** Fitted by {@code java -jar banban.jar calibrate} on the seed KB (docs/benchmarks.md, "## knowledge base"). */
  public static final Calibration DEFAULT = new Calibration(-10.049, new double[] {
      2.855, 5.839, -0.613, 0.525, -0.013, -2.426, 10.349, 10.337, 3.804, -2.110, -6.514, 0.362, 1.313, 0.990, 0.071});

  public Calibration {
    if (weights.length != FEATURES.size()) {
      throw new IllegalArgumentException("calibration needs " + FEATURES.size() + " weights, got " + weights.length);
    }
    weights = weights.clone();
  }

  @Override
  public double[] weights() {
    return weights.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Calibration c && Double.compare(c.intercept, intercept) == 0 && Arrays.equals(c.weights, weights);
  }

  @Override
  public int hashCode() {
    return 31 * Double.hashCode(intercept) + Arrays.hashCode(weights);
  }

  @Override
  public String toString() {
    return "Calibration[intercept=" + intercept + ", weights=" + Arrays.toString(weights) + "]";
  }

  /**
   * The probability for candidate {@code i} of a list ranked by score. A query that is one of the
   * entry's own questions, character for character, is certain: the regression learns from held-out
   * questions, which never match exactly, and must not talk an exact match down because the entry's
   * answer happens to be worded far from its question.
   */
  public double confidence(List<Candidate> ranked, int i) {
    if (ranked.get(i).dice() >= 1.0) return 1.0;
    double[] x = features(ranked, i);
    double z = intercept;
    for (int k = 0; k < x.length; k++) z += weights[k] * x[k];
    return 1 / (1 + Math.exp(-z));
  }

  /** The feature vector of candidate {@code i}: its own values and its lead over the best other candidate. */
  public static double[] features(List<Candidate> ranked, int i) {
    Candidate c = ranked.get(i);
    // With no other candidate the lead is the value itself (the best other counts as 0).
    double oScore = ranked.size() > 1 ? Double.NEGATIVE_INFINITY : 0;
    double oLex = oScore;
    double oQ = oScore;
    double oA = oScore;
    for (int j = 0; j < ranked.size(); j++) {
      if (j == i) continue;
      Candidate o = ranked.get(j);
      oScore = Math.max(oScore, o.score());
      oLex = Math.max(oLex, o.lexical());
      oQ = Math.max(oQ, o.questionSim());
      oA = Math.max(oA, o.answerSim());
    }
    return new double[] {c.score(), c.score() - oScore, c.lexical(), c.lexical() - oLex, c.questionSim(),
        c.questionSim() - oQ, c.answerSim(), c.answerSim() - oA, c.match(), c.coverage(), c.dice(),
        c.entryCoverage(), c.answerCoverage(), c.keyword(), c.bm25()};
  }
}
