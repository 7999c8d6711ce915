package banban.kb;

import banban.kb.index.EntryProfile;
import banban.kb.index.FaqIndex;
import banban.kb.semantic.TextVectors;
import banban.nlp.TextPipeline;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The knowledge base as the gateway sees it: the current snapshot (published entries, their index and
 * a pipeline that knows their vocabulary) and {@link #ask}. Thread-safe: {@link #ask} never blocks on
 * a change; changes are serialised among themselves and become visible atomically (a single-entry
 * change at the index's refresh, a full replacement by swapping the whole snapshot).
 */
public final class KnowledgeBase {

  private static final Logger log = LoggerFactory.getLogger(KnowledgeBase.class);

  private final TextPipeline base;
  private final TextVectors vectors;
  private final Answerer answerer;
  private volatile Snapshot snapshot;

  private KnowledgeBase(TextPipeline base, TextVectors vectors, Answerer answerer, Snapshot snapshot) {
    this.base = base;
    this.vectors = vectors;
    this.answerer = answerer;
    this.snapshot = snapshot;
  }

  /** Builds the KB from entries (drafts are skipped) with the default citizen-facing texts. */
  public static KnowledgeBase build(TextPipeline base, List<FaqEntry> entries, DecisionConfig cfg) {
    return build(base, TextVectors.shared(), entries, cfg);
  }

  /** The same with the sentence vectors of another embedder (benchmarks, calibration). */
  public static KnowledgeBase build(TextPipeline base, TextVectors vectors, List<FaqEntry> entries, DecisionConfig cfg) {
    return new KnowledgeBase(base, vectors, new Answerer(cfg, Texts.load()), snapshotOf(base, vectors, entries));
  }

  /** Decides what to do with one citizen message. CPU-bound (a few ms): call it off the event loop. */
  public Decision ask(String text) {
    return answerer.decide(text, snapshot);
  }

  /** The decision and the candidates it was chosen from, from one ranking (evaluation, calibration). */
  public Answerer.Examined examine(String text) {
    return answerer.examine(text, snapshot);
  }

  /** Re-ranked candidates without the decision (agent assist). */
  public List<Candidate> candidates(String text) {
    Snapshot s = snapshot;
    return Answerer.rank(s.pipeline().analyze(text == null ? "" : text), s, answerer.config());
  }

  /** Adds, replaces or (for a draft) withdraws one entry. */
  public synchronized void apply(FaqEntry changed) {
    if (!changed.isPublished()) {
      remove(changed.id());
      return;
    }
    Snapshot s = snapshot;
    s.index().upsert(changed);
    refreshVocabulary(s);
    log.info("FAQ entry {} (version {}) applied to the index", changed.id(), changed.version());
  }

  public synchronized void remove(String id) {
    Snapshot s = snapshot;
    if (s.index().profile(id) == null) return;
    s.index().delete(id);
    refreshVocabulary(s);
    log.info("FAQ entry {} removed from the index", id);
  }

  /** Builds a new snapshot beside the current one and swaps it in; answering continues meanwhile. */
  public synchronized void replaceAll(List<FaqEntry> entries) {
    snapshot = snapshotOf(base, vectors, entries);
    // The old index is not closed: a search that read the old snapshot just before the swap may not
    // have acquired its searcher yet, and a closed SearcherManager would fail it. It is all heap
    // (ByteBuffersDirectory, no open files), so the garbage collector reclaims it once unused.
    log.info("Knowledge base replaced: {} published entries", snapshot.index().size());
  }

  public int size() {
    return snapshot.index().size();
  }

  public Optional<FaqEntry> entry(String id) {
    EntryProfile p = snapshot.index().profile(id);
    return p == null ? Optional.empty() : Optional.of(p.entry());
  }

  public List<FaqEntry> entries() {
    return snapshot.index().profiles().stream().map(EntryProfile::entry).toList();
  }

  public DecisionConfig config() {
    return answerer.config();
  }

  public Snapshot snapshot() {
    return snapshot;
  }

  /**
   * Typo correction must know the terms of a new entry, so the pipeline is rebuilt with the new
   * vocabulary. This takes about a second for the seed KB; it runs after the index change, which
   * {@link #ask} already sees, so an edited answer is served at once and only typo correction of the
   * new terms waits.
   */
  private void refreshVocabulary(Snapshot s) {
    TextPipeline p = base.withVocabulary(vocabulary(entries()));
    snapshot = Snapshot.of(p, s.index());
  }

  private static Snapshot snapshotOf(TextPipeline base, TextVectors vectors, List<FaqEntry> entries) {
    long t0 = System.nanoTime();
    List<FaqEntry> published = entries.stream().filter(FaqEntry::isPublished).toList();
    TextPipeline p = base.withVocabulary(vocabulary(published));
    FaqIndex index = FaqIndex.build(p, vectors, published);
    log.info("FAQ index built: {} entries in {} ms", published.size(), (System.nanoTime() - t0) / 1_000_000);
    return Snapshot.of(p, index);
  }

  /** The texts that get a sentence vector: every question and every answer of the entries. */
  public static List<String> embeddedTexts(Collection<FaqEntry> entries) {
    List<String> out = new java.util.ArrayList<>();
    for (FaqEntry e : entries) {
      out.addAll(e.questions());
      out.add(e.answer());
    }
    return out;
  }

  /** Distinct texts only: large KBs repeat phrasings, and the pipeline segments each text it gets. */
  private static Collection<String> vocabulary(Collection<FaqEntry> entries) {
    Set<String> texts = new LinkedHashSet<>();
    for (FaqEntry e : entries) {
      texts.addAll(e.questions());
      texts.addAll(e.keywords());
    }
    return texts;
  }
}
