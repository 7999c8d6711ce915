package banban.kb;

/**
 * One re-ranked entry with the features its score and confidence are made of.
 *
 * @param match IDF-weighted cosine between the query terms and the best single question's terms
 * @param coverage share of the query's IDF mass found in that best question
 * @param dice character-bigram Dice between the normalised query and the closest question
 * @param entryCoverage share of the query's IDF mass found anywhere in the entry's questions/keywords
 * @param answerCoverage share of the query's IDF mass found in the entry's questions, keywords or answer
 * @param keyword 1 when one of the entry's keywords occurs in the query
 * @param bm25 the Lucene score over the best Lucene score of this query
 * @param questionSim cosine of the query's sentence embedding and the closest question's (-1 to 1)
 * @param answerSim cosine of the query's sentence embedding and the answer's
 * @param lexical the weighted lexical features, in [0, 1]
 * @param score what candidates are ranked by: lexical and semantic evidence combined, in [0, 1]
 * @param confidence estimated probability that this entry is the right answer, in [0, 1]
 */
public record Candidate(
    FaqEntry entry,
    double match,
    double coverage,
    double dice,
    double entryCoverage,
    double answerCoverage,
    double keyword,
    double bm25,
    double questionSim,
    double answerSim,
    double lexical,
    double score,
    double confidence) {

  /** A candidate known only by its score and confidence (tests of the decision rule). */
  public static Candidate scored(FaqEntry entry, double score, double confidence) {
    return new Candidate(entry, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, score, confidence);
  }

  /** Lexical and combined scores from the features, with configuration {@code c}. */
  Candidate scoredWith(DecisionConfig c) {
    double lex = c.wMatch() * match + c.wDice() * dice + c.wCoverage() * entryCoverage + c.wAnswer() * answerCoverage
        + c.wKeyword() * keyword + c.wBm25() * bm25;
    lex = clamp(lex / c.lexicalWeightSum());
    // Cosines of this model rarely fall below 0.5 for questions (0.3 for answers) even for unrelated
    // texts, so the scale starts there.
    double q = clamp((questionSim - 0.5) / 0.5);
    double a = clamp((answerSim - 0.3) / 0.7);
    double s = (c.wLexical() * lex + c.wQuestionSim() * q + c.wAnswerSim() * a) / c.fusionWeightSum();
    return new Candidate(entry, match, coverage, dice, entryCoverage, answerCoverage, keyword, bm25, questionSim,
        answerSim, lex, clamp(s), confidence);
  }

  Candidate withConfidence(double p) {
    return new Candidate(entry, match, coverage, dice, entryCoverage, answerCoverage, keyword, bm25, questionSim,
        answerSim, lexical, score, p);
  }

  private static double clamp(double x) {
    return Math.max(0, Math.min(1, x));
  }
}
