package banban.kb;

import banban.kb.index.FieldBoosts;

/**
 * Every number of the retrieval and decision rule, in one record so the gateway can override any of
 * them from its configuration and the evaluation can sweep them. The defaults were chosen on the dev
 * set; the sweep and the rule used to pick them are in docs/benchmarks.md ("## knowledge base").
 *
 * @param boosts Lucene field weights for the first-stage candidate search
 * @param candidates how many Lucene hits are re-ranked
 * @param wMatch weight of the best single-question match (IDF-weighted cosine of query and question terms)
 * @param wDice weight of the character-bigram Dice of query and best question (robust to segmentation)
 * @param wCoverage weight of the share of the query's IDF mass found anywhere in the entry's questions
 * @param wAnswer weight of the share of the query's IDF mass found in the entry including its answer
 * @param wKeyword weight of a keyword of the entry appearing in the query
 * @param wBm25 weight of the BM25 score relative to the best hit
 * @param oovWeight multiplier of the IDF of query terms no entry contains (they lower coverage)
 * @param answerThreshold minimum confidence to answer outright
 * @param minGap minimum confidence lead of the best entry over the second to answer outright
 * @param clarifyThreshold minimum confidence of an entry to be offered in a clarifying question
 */
public record DecisionConfig(
    FieldBoosts boosts,
    int candidates,
    double wMatch,
    double wDice,
    double wCoverage,
    double wAnswer,
    double wKeyword,
    double wBm25,
    double oovWeight,
    double answerThreshold,
    double minGap,
    double clarifyThreshold) {

  public static final DecisionConfig DEFAULTS =
      new DecisionConfig(FieldBoosts.DEFAULTS, 20, 0.0, 0.2, 0.0, 0.5, 0.05, 0.2, 1.0, 0.425, 0.15, 0.3);

  public DecisionConfig {
    if (candidates < 1) throw new IllegalArgumentException("candidates must be >= 1");
    double sum = wMatch + wDice + wCoverage + wAnswer + wKeyword + wBm25;
    if (sum <= 0) throw new IllegalArgumentException("feature weights must not all be zero");
  }

  public double weightSum() {
    return wMatch + wDice + wCoverage + wAnswer + wKeyword + wBm25;
  }

  public DecisionConfig withThresholds(double answer, double gap, double clarify) {
    return new DecisionConfig(boosts, candidates, wMatch, wDice, wCoverage, wAnswer, wKeyword, wBm25, oovWeight, answer,
        gap, clarify);
  }

  public DecisionConfig withWeights(double match, double dice, double coverage, double answer, double keyword,
      double bm25, double oov) {
    return new DecisionConfig(boosts, candidates, match, dice, coverage, answer, keyword, bm25, oov, answerThreshold,
        minGap, clarifyThreshold);
  }

  public DecisionConfig withBoosts(FieldBoosts b) {
    return new DecisionConfig(b, candidates, wMatch, wDice, wCoverage, wAnswer, wKeyword, wBm25, oovWeight,
        answerThreshold, minGap, clarifyThreshold);
  }
}
