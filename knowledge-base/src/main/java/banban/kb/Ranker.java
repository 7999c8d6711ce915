package banban.kb;

import banban.kb.index.EntryProfile;
import banban.kb.index.FaqIndex;
import banban.kb.index.FaqIndex.QueryTerm;
import banban.kb.semantic.Vector;
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

  /**
   * Features of every hit, scored with {@code cfg}, best first. The query's sentence embedding is
   * computed only when Lucene found something: a question that shares no term with the KB is not
   * answered from it, however close its meaning seems.
   */
  static List<Candidate> rank(FaqIndex index, FaqIndex.Retrieval r, String normalizedQuery, String originalQuery,
      DecisionConfig cfg) {
    if (r.hits().isEmpty()) return List.of();
    float[] qv = index.vectors().embedder().embed(originalQuery);
    List<QueryTerm> terms = r.terms();
    double[] w = new double[terms.size()];
    double total = 0;
    double norm2 = 0;
    for (int i = 0; i < w.length; i++) {
      QueryTerm t = terms.get(i);
      w[i] = t.id() < 0 ? t.idf() * cfg.oovWeight() : t.idf();
      total += w[i];
      norm2 += w[i] * w[i];
    }
    Query q = new Query(terms, w, total, Math.sqrt(norm2), EntryProfile.bigrams(normalizedQuery), normalizedQuery);
    float top = r.hits().get(0).score();
    List<Candidate> out = new ArrayList<>(r.hits().size());
    for (FaqIndex.Hit h : r.hits()) out.add(features(index, h, q, top, qv));
    return finish(out, cfg);
  }

  /** Scores the candidates with {@code cfg}, sorts them best first and gives each its confidence. */
  static List<Candidate> finish(List<Candidate> features, DecisionConfig cfg) {
    List<Candidate> scored = new ArrayList<>(features.size());
    for (Candidate c : features) scored.add(c.scoredWith(cfg));
    scored.sort(Comparator.comparingDouble(Candidate::score).reversed());
    List<Candidate> out = new ArrayList<>(scored.size());
    for (int i = 0; i < scored.size(); i++) out.add(scored.get(i).withConfidence(cfg.calibration().confidence(scored, i)));
    return out;
  }

  private record Query(List<QueryTerm> terms, double[] w, double total, double norm, int[] bigrams, String text) {}

  private static Candidate features(FaqIndex index, FaqIndex.Hit h, Query q, float top, float[] qv) {
    EntryProfile p = h.profile();
    double questionSim = 0;
    for (Vector v : p.questionVectors()) questionSim = Math.max(questionSim, v.dot(qv));
    double answerSim = p.answerVector().dot(qv);
    double bestCos = 0;
    double bestCov = 0;
    double bestDice = 0;
    for (int k = 0; k < p.questionTerms().length; k++) {
      int[] qt = p.questionTerms()[k];
      // Compared one question at a time: matching half the terms of one similar question and half of
      // another is not the same as matching one question completely.
      double dot = 0;
      double hit = 0;
      for (int i = 0; i < q.w().length; i++) {
        if (contains(qt, q.terms().get(i).id())) {
          dot += q.w()[i] * q.w()[i];
          hit += q.w()[i];
        }
      }
      double qn2 = 0;
      for (int id : qt) {
        double idf = index.idf(id);
        qn2 += idf * idf;
      }
      double cos = dot == 0 ? 0 : Math.min(1, dot / (q.norm() * Math.sqrt(qn2)));
      if (cos > bestCos) {
        bestCos = cos;
        bestCov = q.total() == 0 ? 0 : hit / q.total();
      }
      bestDice = Math.max(bestDice, dice(q.bigrams(), p.questionBigrams()[k]));
    }
    double entryHit = 0;
    double answerHit = 0;
    for (int i = 0; i < q.w().length; i++) {
      int id = q.terms().get(i).id();
      if (contains(p.entryTerms(), id)) entryHit += q.w()[i];
      if (contains(p.answerTerms(), id) || contains(p.entryTerms(), id)) answerHit += q.w()[i];
    }
    double kw = 0;
    for (int k = 0; k < p.keywordTexts().length && kw == 0; k++) {
      if (!p.keywordTexts()[k].isEmpty() && q.text().contains(p.keywordTexts()[k])) kw = 1;
      else if (p.keywordTerms()[k].length > 0 && allIn(p.keywordTerms()[k], q.terms())) kw = 1;
    }
    double t = q.total();
    return new Candidate(p.entry(), bestCos, bestCov, bestDice, t == 0 ? 0 : entryHit / t, t == 0 ? 0 : answerHit / t,
        kw, top <= 0 ? 0 : h.score() / top, questionSim, answerSim, 0, 0, 0);
  }

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
