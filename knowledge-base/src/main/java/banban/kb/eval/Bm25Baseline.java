package banban.kb.eval;

import banban.kb.FaqEntry;
import banban.kb.index.EntryProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * The textbook baseline the knowledge base must beat: plain Lucene BM25 over the standard and similar
 * questions with an off-the-shelf Chinese analyzer, answering with the top hit when its score reaches
 * a threshold. The threshold is the best one for the baseline on the same cases (see {@link #sweep}),
 * so the comparison is with the baseline at its best, not a strawman.
 */
final class Bm25Baseline {

  /** The top hit of one query, or a null id when nothing matched. */
  record Top(String faqId, float score) {}

  private final Analyzer analyzer;
  private final IndexSearcher searcher;

  Bm25Baseline(Analyzer analyzer, List<FaqEntry> entries) {
    this.analyzer = analyzer;
    try {
      ByteBuffersDirectory dir = new ByteBuffersDirectory();
      try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
        for (FaqEntry e : entries) {
          Document d = new Document();
          d.add(new StoredField("id", e.id()));
          for (String q : e.questions()) d.add(new TextField("q", q, Field.Store.NO));
          w.addDocument(d);
        }
      }
      searcher = new IndexSearcher(DirectoryReader.open(dir));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Top top(String query) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (String t : new LinkedHashSet<>(EntryProfile.analyze(analyzer, query))) {
      b.add(new TermQuery(new Term("q", t)), BooleanClause.Occur.SHOULD);
    }
    try {
      TopDocs td = searcher.search(b.build(), 1);
      if (td.scoreDocs.length == 0) return new Top(null, 0);
      return new Top(searcher.storedFields().document(td.scoreDocs[0].doc).get("id"), td.scoreDocs[0].score);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A threshold and the figures it gives. */
  record Choice(float threshold, Figures figures) {}

  /**
   * Tries every observed top score as threshold (plus "never answer") and keeps the one with the
   * highest accuracy minus wrong-answer rate, the rule stated in docs/benchmarks.md.
   */
  static Choice sweep(List<EvalCase> cases, List<Top> tops) {
    List<Float> thresholds = new ArrayList<>();
    for (Top t : tops) thresholds.add(t.score());
    thresholds.add(Float.MAX_VALUE);
    Choice best = null;
    for (float th : thresholds) {
      Figures f = figures(cases, tops, th);
      double obj = f.accuracy() - f.wrongRate();
      if (best == null || obj > best.figures().accuracy() - best.figures().wrongRate()) best = new Choice(th, f);
    }
    return best;
  }

  static Figures figures(List<EvalCase> cases, List<Top> tops, float threshold) {
    Figures f = new Figures();
    for (int i = 0; i < cases.size(); i++) {
      Top t = tops.get(i);
      boolean answer = t.faqId() != null && t.score() >= threshold;
      f.add(cases.get(i), new Figures.Outcome(answer ? "answer" : "fallback", answer ? t.faqId() : null, List.of()));
    }
    return f;
  }
}
