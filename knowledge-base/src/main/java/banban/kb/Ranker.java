package banban.kb;

import banban.kb.index.EntryProfile;
import banban.kb.index.FaqIndex;
import banban.kb.index.FaqIndex.QueryTerm;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Second stage of retrieval: re-ranks the Lucene hits with features that say how well the query and
 * an entry match, not just how many rare terms they share. BM25 alone cannot tell "the query is about
 * this entry" from "the query mentions a term of this entry": its scores are unbounded and depend on
 * the query length. The features here are bounded and comparable across queries, which is what a
 * confidence needs.
 */
final class Ranker {

  private Ranker() {}

  /** Features of every hit, scored with {@code cfg}, best first. */
  static List<Candidate> rank(FaqIndex.Retrieval r, String normalizedQuery, DecisionConfig cfg) {
    if (r.hits().isEmpty()) return List.of();
    double[] w = new double[r.terms().size()];
    double total = 0;
    for (int i = 0; i < w.length; i++) {
      QueryTerm t = r.terms().get(i);
      w[i] = t.id() < 0 ? t.idf() * cfg.oovWeight() : t.idf();
      total += w[i];
    }
    int[] queryBigrams = EntryProfile.bigrams(normalizedQuery);
    float top = r.hits().get(0).score();
    List<Candidate> out = new ArrayList<>(r.hits().size());
    for (FaqIndex.Hit h : r.hits()) {
      out.add(features(h, r.terms(), w, total, queryBigrams, normalizedQuery, top).rescore(cfg));
    }
    out.sort(Comparator.comparingDouble(Candidate::confidence).reversed());
    return out;
  }

  private static Candidate features(FaqIndex.Hit h, List<QueryTerm> terms, double[] w, double total, int[] qBigrams,
      String normalizedQuery, float top) {
    EntryProfile p = h.profile();
    double bestF = 0;
    double bestCov = 0;
    double bestDice = 0;
    for (int q = 0; q < p.questionTerms().length; q++) {
      int[] qt = p.questionTerms()[q];
      // Compared one question at a time: matching half the terms of one similar question and half of
      // another is not the same as matching one question completely.
      double hit = 0;
      for (int i = 0; i < w.length; i++) if (contains(qt, terms.get(i).id())) hit += w[i];
      double qMass = 0;
      for (int id : qt) qMass += idfOf(id, terms, w);
      double cov = total == 0 ? 0 : hit / total;
      double prec = qMass == 0 ? 0 : Math.min(1, hit / qMass);
      double f = cov + prec == 0 ? 0 : 2 * cov * prec / (cov + prec);
      if (f > bestF) {
        bestF = f;
        bestCov = cov;
      }
      bestDice = Math.max(bestDice, dice(qBigrams, p.questionBigrams()[q]));
    }
    double entryHit = 0;
    for (int i = 0; i < w.length; i++) if (contains(p.entryTerms(), terms.get(i).id())) entryHit += w[i];
    double kw = 0;
    for (int k = 0; k < p.keywordTexts().length && kw == 0; k++) {
      if (!p.keywordTexts()[k].isEmpty() && normalizedQuery.contains(p.keywordTexts()[k])) kw = 1;
      else if (p.keywordTerms()[k].length > 0 && allIn(p.keywordTerms()[k], terms)) kw = 1;
    }
    return new Candidate(p.entry(), bestF, bestCov, bestDice, total == 0 ? 0 : entryHit / total, kw,
        top <= 0 ? 0 : h.score() / top, 0);
  }

  /**
   * The weight a question term carries in the precision: the query's weight for it when the query has
   * it, otherwise a typical weight, so an unmatched specific word of the question counts against it.
   */
  private static double idfOf(int id, List<QueryTerm> terms, double[] w) {
    for (int i = 0; i < w.length; i++) if (terms.get(i).id() == id) return w[i];
    return UNMATCHED_QUESTION_TERM_WEIGHT;
  }

  /** About the IDF of a mid-frequency term in a KB of a few hundred entries. */
  private static final double UNMATCHED_QUESTION_TERM_WEIGHT = 3.0;

  private static boolean allIn(int[] kwTerms, List<QueryTerm> terms) {
    for (int id : kwTerms) {
      boolean found = false;
      for (QueryTerm t : terms) if (t.id() == id) found = true;
      if (!found) return false;
    }
    return true;
  }

  private static boolean contains(int[] sorted, int id) {
    return id >= 0 && java.util.Arrays.binarySearch(sorted, id) >= 0;
  }

  static double dice(int[] a, int[] b) {
    if (a.length == 0 || b.length == 0) return 0;
    int i = 0, j = 0, common = 0;
    while (i < a.length && j < b.length) {
      if (a[i] == b[j]) { common++; i++; j++; } else if (a[i] < b[j]) i++; else j++;
    }
    return 2.0 * common / (a.length + b.length);
  }
}
