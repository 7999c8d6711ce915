package banban.gateway.kb;

import banban.kb.Decision;
import banban.kb.DecisionConfig;
import banban.kb.FaqEntry;
import banban.kb.KnowledgeBase;
import banban.kb.store.FaqChangeListener;
import banban.kb.semantic.BgeSmallZh;
import banban.kb.semantic.TextVectors;
import banban.kb.semantic.Vector;
import banban.kb.store.FaqRepository;
import banban.kb.store.VectorRepository;
import banban.nlp.TextPipeline;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's side of the knowledge base: seeds an empty FAQ table, builds the in-memory index from
 * PostgreSQL and answers questions on a worker pool. Searches are independent of each other, so they
 * run unordered: an ordered executeBlocking would serialise every search behind the previous one.
 */
public final class KnowledgeService {
  private static final Logger log = LoggerFactory.getLogger(KnowledgeService.class);

  /** How often sentence vectors computed for edited entries are written to PostgreSQL. */
  static final long VECTOR_SAVE_INTERVAL_MS = 60_000;

  private final Vertx vertx;
  private final WorkerExecutor worker;
  private final FaqRepository repository;
  private final VectorRepository vectorStore;
  private volatile KnowledgeBase kb;
  private FaqChangeListener changes;
  private long saveTimer = -1;

  private KnowledgeService(Vertx vertx, WorkerExecutor worker, Pool pool) {
    this.vertx = vertx;
    this.worker = worker;
    this.repository = FaqRepository.create(pool);
    this.vectorStore = VectorRepository.create(pool);
  }

  /**
   * Seeds, loads and indexes the FAQ entries, then listens for changes so that every running gateway
   * applies an edit made in PostgreSQL without a restart. Sentence vectors stored by an earlier start
   * are reused, and the ones computed now are stored for the next.
   */
  public static Future<KnowledgeService> start(Vertx vertx, Pool pool, PgConnectOptions connect, Seeds seeds,
      DecisionConfig decision, WorkerExecutor worker) {
    KnowledgeService s = new KnowledgeService(vertx, worker, pool);
    long t0 = System.nanoTime();
    return s.seedIfEmpty(seeds)
        .compose(v -> s.repository.listPublished())
        .compose(entries -> s.storedVectors().compose(stored -> worker.executeBlocking(() -> {
          TextPipeline pipeline = TextPipeline.create(seeds.nlpResources());
          TextVectors vectors = TextVectors.shared();
          int reused = vectors.preload(KnowledgeBase.embeddedTexts(entries), stored);
          log.info("Sentence vectors: {} of {} stored ones reused", reused, stored.size());
          return KnowledgeBase.build(pipeline, vectors, entries, decision);
        }, false)))
        .compose(kb -> {
          s.kb = kb;
          log.info("Stage knowledge base: {} entries indexed in {} ms", kb.size(), (System.nanoTime() - t0) / 1_000_000);
          s.changes = FaqChangeListener.create(vertx, connect, s.repository, kb);
          s.saveTimer = vertx.setPeriodic(VECTOR_SAVE_INTERVAL_MS, id -> s.saveVectors());
          return s.saveVectors().compose(v -> s.changes.start()).map(s);
        });
  }

  /** Writes the vectors computed since the last call; a failure is logged and retried at the next call. */
  public Future<Void> saveVectors() {
    Map<String, Vector> fresh = TextVectors.shared().drainUnsaved();
    if (fresh.isEmpty()) return Future.succeededFuture();
    return vectorStore.saveAll(BgeSmallZh.NAME, fresh)
        .onSuccess(n -> log.info("Stored {} new sentence vectors", n))
        .<Void>mapEmpty()
        .recover(err -> {
          log.warn("Storing sentence vectors failed ({}); they are computed again at the next start", err.getMessage());
          return Future.succeededFuture();
        });
  }

  /** Vectors of an earlier start; without them (a failed read) the KB is simply embedded again. */
  private Future<Map<String, Vector>> storedVectors() {
    return vectorStore.load(BgeSmallZh.NAME).recover(err -> {
      log.warn("Reading stored sentence vectors failed ({}); embedding every text", err.getMessage());
      return Future.succeededFuture(Map.of());
    });
  }

  private Future<Void> seedIfEmpty(Seeds seeds) {
    return repository.count().compose(n -> {
      if (n > 0) return Future.succeededFuture();
      return worker.<List<FaqEntry>>executeBlocking(seeds::faqEntries, false)
          .compose(repository::importAll)
          .map(summary -> {
            log.info("Seeded the empty FAQ table with {} entries from {}", summary.written(), seeds.describe());
            return null;
          });
    });
  }

  /** Decides on one citizen message off the event loop. */
  public Future<Decision> ask(String text) {
    KnowledgeBase current = kb;
    return worker.executeBlocking(() -> current.ask(text), false);
  }

  public Future<Integer> readiness() {
    KnowledgeBase current = kb;
    return current != null && current.size() > 0
        ? Future.succeededFuture(current.size())
        : Future.failedFuture("knowledge base not loaded");
  }

  public KnowledgeBase knowledgeBase() {
    return kb;
  }

  public Future<Void> stop() {
    if (saveTimer >= 0) vertx.cancelTimer(saveTimer);
    Future<Void> saved = kb == null ? Future.succeededFuture() : saveVectors();
    return saved.compose(v -> changes == null ? Future.succeededFuture() : changes.stop());
  }

  public FaqRepository repository() {
    return repository;
  }
}
