package banban.kb.index;

import banban.kb.FaqEntry;
import banban.kb.semantic.TextVectors;
import banban.nlp.TextPipeline;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.function.Function;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * The in-memory Lucene index of the published FAQ entries plus one {@link EntryProfile} per entry for
 * re-ranking. Searching is synchronous and thread-safe: searchers come from one shared
 * {@link SearcherManager}, and an update becomes visible at the {@code maybeRefresh} that ends it, so
 * readers keep the previous point-in-time view until then instead of waiting.
 */
public final class FaqIndex implements Closeable {

  static final String ID = "id";
  static final String QUESTION = "question";
  static final String SIMILAR = "similar";
  static final String KEYWORDS = "keywords";
  static final String CATEGORY = "category";
  static final String ANSWER = "answer";

  /** A Lucene hit: the entry's profile and its BM25 score. */
  public record Hit(EntryProfile profile, float score) {}

  /** A query term with its id in the term dictionary (or -1) and its inverse document frequency. */
  public record QueryTerm(String term, int id, double idf) {}

  /** Hits best first, and the distinct query terms with their weights. */
  public record Retrieval(List<Hit> hits, List<QueryTerm> terms) {}

  private final TextPipeline pipeline;
  private final TextVectors vectors;
  private final Analyzer analyzer;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final TermDictionary dictionary = new TermDictionary();
  private final Map<String, EntryProfile> profiles = new ConcurrentHashMap<>();

  private FaqIndex(TextPipeline pipeline, TextVectors vectors) throws IOException {
    this.pipeline = pipeline;
    this.vectors = vectors;
    // The id is one opaque token; every text field goes through the nlp index analyzer, so synonyms
    // are canonicalised the same way at index and query time.
    this.analyzer = new PerFieldAnalyzerWrapper(pipeline.indexAnalyzer(), Map.of(ID, new KeywordAnalyzer()));
    IndexWriterConfig cfg = new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE);
    this.writer = new IndexWriter(new ByteBuffersDirectory(), cfg);
    this.searchers = new SearcherManager(writer, null);
  }

  /** Indexes the entries (published or not: the caller filters) and makes them searchable. */
  public static FaqIndex build(TextPipeline pipeline, TextVectors vectors, Collection<FaqEntry> entries) {
    try {
      FaqIndex index = new FaqIndex(pipeline, vectors);
      // Embedding is most of the build's cost for a KB of distinct texts: do it on every core first.
      vectors.prefetch(banban.kb.KnowledgeBase.embeddedTexts(entries));
      // Bulk loads repeat texts (shared keywords, categories, recurring phrasings): analyse each once.
      Map<String, List<String>> terms = new HashMap<>();
      Map<String, String> normalized = new HashMap<>();
      Function<String, List<String>> analyze = t -> terms.computeIfAbsent(t, index::analyze);
      Function<String, String> normalize = t -> normalized.computeIfAbsent(t, pipeline::normalize);
      for (FaqEntry e : entries) index.add(e, EntryProfile.Analysed.of(e, analyze, normalize));
      index.writer.commit();
      index.searchers.maybeRefreshBlocking();
      return index;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot build the FAQ index", e);
    }
  }

  /** Adds or replaces one entry; visible to searches when this returns. */
  public synchronized void upsert(FaqEntry e) {
    try {
      EntryProfile.Analysed a = EntryProfile.Analysed.of(e, this::analyze, pipeline::normalize);
      EntryProfile p = EntryProfile.of(e, a, dictionary, vectors);
      writer.updateDocument(new Term(ID, e.id()), document(e, a));
      EntryProfile old = profiles.put(e.id(), p);
      if (old != null) dictionary.removeDocument(old.entryTerms());
      dictionary.addDocument(p.entryTerms());
      searchers.maybeRefreshBlocking();
    } catch (IOException ex) {
      throw new UncheckedIOException("Cannot index FAQ entry " + e.id(), ex);
    }
  }

  public synchronized void delete(String id) {
    try {
      writer.deleteDocuments(new Term(ID, id));
      searchers.maybeRefreshBlocking();
      EntryProfile old = profiles.remove(id);
      if (old != null) dictionary.removeDocument(old.entryTerms());
    } catch (IOException ex) {
      throw new UncheckedIOException("Cannot delete FAQ entry " + id, ex);
    }
  }

  public int size() {
    return profiles.size();
  }

  public Collection<EntryProfile> profiles() {
    return profiles.values();
  }

  /** The sentence vectors of this index's texts; the query is embedded with the same model. */
  public TextVectors vectors() {
    return vectors;
  }

  /** IDF of a term id of the dictionary (weights of question terms in re-ranking). */
  public double idf(int termId) {
    return dictionary.idf(termId);
  }

  public EntryProfile profile(String id) {
    return profiles.get(id);
  }

  /** The top {@code n} entries for these (already analysed) query terms, by boosted BM25. */
  public Retrieval search(List<String> terms, FieldBoosts boosts, int n) {
    Map<String, QueryTerm> distinct = new LinkedHashMap<>();
    try {
      IndexSearcher searcher = searchers.acquire();
      try {
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        for (String t : terms) {
          if (distinct.containsKey(t) || distinct.size() >= 150) continue;
          int id = dictionary.lookup(t);
          distinct.put(t, new QueryTerm(t, id, dictionary.idf(id)));
          clause(q, QUESTION, t, boosts.question());
          clause(q, SIMILAR, t, boosts.similar());
          clause(q, KEYWORDS, t, boosts.keywords());
          clause(q, CATEGORY, t, boosts.category());
          clause(q, ANSWER, t, boosts.answer());
        }
        List<Hit> hits = new ArrayList<>();
        if (!distinct.isEmpty()) {
          TopDocs top = searcher.search(q.build(), n);
          List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
          for (ScoreDoc sd : top.scoreDocs) {
            String id = idOf(leaves, sd.doc);
            EntryProfile p = profiles.get(id);
            if (p != null) hits.add(new Hit(p, sd.score)); // null: deleted since this searcher opened
          }
        }
        return new Retrieval(hits, List.copyOf(distinct.values()));
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("FAQ search failed", e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      searchers.close();
      writer.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void add(FaqEntry e, EntryProfile.Analysed a) throws IOException {
    EntryProfile p = EntryProfile.of(e, a, dictionary, vectors);
    profiles.put(e.id(), p);
    dictionary.addDocument(p.entryTerms());
    writer.addDocument(document(e, a));
  }

  private List<String> analyze(String text) {
    return List.copyOf(EntryProfile.analyze(analyzer, text));
  }

  /**
   * The entry id of a hit, from doc values: reading stored fields decompresses a whole block per hit,
   * which cost more than the search itself on small indexes.
   */
  private static String idOf(List<LeafReaderContext> leaves, int doc) throws IOException {
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    SortedDocValues ids = DocValues.getSorted(leaf.reader(), ID);
    if (!ids.advanceExact(doc - leaf.docBase)) return null;
    return ids.lookupOrd(ids.ordValue()).utf8ToString();
  }

  private static void clause(BooleanQuery.Builder q, String field, String term, float boost) {
    if (boost <= 0) return;
    q.add(new BoostQuery(new TermQuery(new Term(field, term)), boost), BooleanClause.Occur.SHOULD);
  }

  private static Document document(FaqEntry e, EntryProfile.Analysed a) {
    Document d = new Document();
    d.add(new StringField(ID, e.id(), Field.Store.NO));
    d.add(new SortedDocValuesField(ID, new BytesRef(e.id())));
    d.add(new TextField(QUESTION, new TermsTokenStream(a.questions().get(0))));
    for (List<String> s : a.questions().subList(1, a.questions().size())) {
      d.add(new TextField(SIMILAR, new TermsTokenStream(s)));
    }
    for (List<String> k : a.keywords()) d.add(new TextField(KEYWORDS, new TermsTokenStream(k)));
    d.add(new TextField(CATEGORY, new TermsTokenStream(a.category())));
    d.add(new TextField(ANSWER, new TermsTokenStream(a.answer())));
    return d;
  }
}
