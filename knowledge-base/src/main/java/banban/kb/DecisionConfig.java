package banban.kb;

import banban.kb.index.FieldBoosts;

/**
 * Every number of the retrieval and decision rule, in one record so the gateway can override any of
 * them from its configuration and the evaluation can sweep them. How they were chosen is in
 * docs/benchmarks.md ("## knowledge base"): the lexical weights and the fusion weights on the KB,
 * the calibration by {@code calibrate} on the KB, the thresholds on the development set.
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
 * @param wLexical weight of the lexical score in the ranking score
 * @param wQuestionSim weight of the embedding similarity of query and closest question in the ranking score
 * @param wAnswerSim weight of the embedding similarity of query and answer in the ranking score
 * @param calibration maps a ranked candidate's features to the probability it is right (its confidence)
 * @param answerThreshold minimum confidence to answer outright
 * @param minGap minimum ranking-score lead of the best entry over the second to answer outright
 * @param clarifyThreshold minimum ranking score of an entry to be offered in a clarifying question
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
    double wLexical,
    double wQuestionSim,
    double wAnswerSim,
    Calibration calibration,
    double answerThreshold,
    double minGap,
    double clarifyThreshold) {

  public static final DecisionConfig DEFAULTS = new DecisionConfig(FieldBoosts.DEFAULTS, 20, 0.0, 0.2, 0.0, 0.5, 0.05,
      0.2, 1.0, 0.4, 0.4, 0.2, Calibration.DEFAULT, 0.20, 0.0, 0.3);

  public DecisionConfig {
    if (candidates < 1) throw new IllegalArgumentException("candidates must be >= 1");
    if (wMatch + wDice + wCoverage + wAnswer + wKeyword + wBm25 <= 0) {
      throw new IllegalArgumentException("lexical feature weights must not all be zero");
    }
    if (wLexical + wQuestionSim + wAnswerSim <= 0) throw new IllegalArgumentException("fusion weights must not all be zero");
  }

  public double lexicalWeightSum() {
    return wMatch + wDice + wCoverage + wAnswer + wKeyword + wBm25;
  }

  public double fusionWeightSum() {
    return wLexical + wQuestionSim + wAnswerSim;
  }

  public DecisionConfig withThresholds(double answer, double gap, double clarify) {
    return new DecisionConfig(boosts, candidates, wMatch, wDice, wCoverage, wAnswer, wKeyword, wBm25, oovWeight,
        wLexical, wQuestionSim, wAnswerSim, calibration, answer, gap, clarify);
  }

  public DecisionConfig withCalibration(Calibration c) {
    return new DecisionConfig(boosts, candidates, wMatch, wDice, wCoverage, wAnswer, wKeyword, wBm25, oovWeight,
        wLexical, wQuestionSim, wAnswerSim, c, answerThreshold, minGap, clarifyThreshold);
  }

  public DecisionConfig withBoosts(FieldBoosts b) {
    return new DecisionConfig(b, candidates, wMatch, wDice, wCoverage, wAnswer, wKeyword, wBm25, oovWeight, wLexical,
        wQuestionSim, wAnswerSim, calibration, answerThreshold, minGap, clarifyThreshold);
  }
}
