package banban.gateway.kb;

import banban.kb.Decision;
import banban.kb.DecisionConfig;
import banban.kb.FaqEntry;
import banban.kb.KnowledgeBase;
import banban.kb.store.FaqChangeListener;
import banban.kb.store.FaqRepository;
import banban.nlp.TextPipeline;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's side of the knowledge base: seeds an empty FAQ table, builds the in-memory index from
 * PostgreSQL and answers questions on a worker pool. Searches are independent of each other, so they
 * run unordered: an ordered executeBlocking would serialise every search behind the previous one.
 */
public final class KnowledgeService {
  private static final Logger log = LoggerFactory.getLogger(KnowledgeService.class);

  private final WorkerExecutor worker;
  private final FaqRepository repository;
  private volatile KnowledgeBase kb;
  private FaqChangeListener changes;

  private KnowledgeService(WorkerExecutor worker, FaqRepository repository) {
    this.worker = worker;
    this.repository = repository;
  }

  /**
   * Seeds, loads and indexes the FAQ entries, then listens for changes so that every running gateway
   * applies an edit made in PostgreSQL without a restart.
   */
  public static Future<KnowledgeService> start(Vertx vertx, Pool pool, PgConnectOptions connect, Seeds seeds,
      DecisionConfig decision, WorkerExecutor worker) {
    KnowledgeService s = new KnowledgeService(worker, FaqRepository.create(pool));
    long t0 = System.nanoTime();
    return s.seedIfEmpty(seeds)
        .compose(v -> s.repository.listPublished())
        .compose(entries -> worker.executeBlocking(() -> {
          TextPipeline pipeline = TextPipeline.create(seeds.nlpResources());
          return KnowledgeBase.build(pipeline, entries, decision);
        }, false))
        .compose(kb -> {
          s.kb = kb;
          log.info("Stage knowledge base: {} entries indexed in {} ms", kb.size(), (System.nanoTime() - t0) / 1_000_000);
          s.changes = FaqChangeListener.create(vertx, connect, s.repository, kb);
          return s.changes.start().map(s);
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
    return changes == null ? Future.succeededFuture() : changes.stop();
  }

  public FaqRepository repository() {
    return repository;
  }
}
