package banban.kb;

/**
 * One re-ranked entry with the features its confidence is made of, each in [0, 1].
 *
 * @param match IDF-weighted cosine between the query terms and the best single question's terms
 * @param coverage share of the query's IDF mass found in that best question
 * @param dice character-bigram Dice between the normalised query and the closest question
 * @param entryCoverage share of the query's IDF mass found anywhere in the entry's questions/keywords
 * @param answerCoverage share of the query's IDF mass found in the entry's questions, keywords or answer
 * @param keyword 1 when one of the entry's keywords occurs in the query
 * @param bm25 the Lucene score over the best Lucene score of this query
 * @param confidence the calibrated combination, in [0, 1]
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
    double confidence) {

  /** The same features scored with another configuration (used by the threshold sweep). */
  public Candidate rescore(DecisionConfig c) {
    double s = c.wMatch() * match + c.wDice() * dice + c.wCoverage() * entryCoverage
        + c.wAnswer() * answerCoverage + c.wKeyword() * keyword
        + c.wBm25() * bm25;
    return new Candidate(entry, match, coverage, dice, entryCoverage, answerCoverage, keyword, bm25,
        Math.max(0, Math.min(1, s / c.weightSum())));
  }
}
