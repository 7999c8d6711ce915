package banban.kb.store;

import banban.kb.FaqEntry;
import banban.kb.KnowledgeBase;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a {@link KnowledgeBase} in step with the faq table: LISTENs on {@code faq_changed} (sent by
 * the table's trigger with the row id), reloads that one row and applies it to the index. Index work
 * runs on a worker thread; readers keep answering from the previous searcher until the refresh.
 *
 * <p>Changes are applied one after another in the order of their notifications, so two quick edits
 * of one entry cannot overtake each other. After a lost connection the subscriber reconnects with
 * backoff and the whole table is reloaded, because notifications sent meanwhile are gone.
 */
public final class FaqChangeListener {

  public static final String CHANNEL = "faq_changed";

  private static final Logger log = LoggerFactory.getLogger(FaqChangeListener.class);

  /** Backoff from 250 ms doubling to at most 10 s, retrying for as long as the gateway runs. */
  static final Function<Integer, Long> RECONNECT = retries -> Math.min(10_000L, 250L << Math.min(retries, 6));

  private final Vertx vertx;
  private final PgSubscriber subscriber;
  private final FaqRepository repository;
  private final KnowledgeBase kb;
  private Future<?> chain = Future.succeededFuture();
  private boolean subscribedOnce;
  private volatile boolean stopping;

  private FaqChangeListener(Vertx vertx, PgConnectOptions connect, FaqRepository repository, KnowledgeBase kb) {
    this.vertx = vertx;
    this.repository = repository;
    this.kb = kb;
    this.subscriber = PgSubscriber.subscriber(vertx, connect).reconnectPolicy(RECONNECT);
  }

  public static FaqChangeListener create(Vertx vertx, PgConnectOptions connect, FaqRepository repository,
      KnowledgeBase kb) {
    return new FaqChangeListener(vertx, connect, repository, kb);
  }

  /** Connects and LISTENs; the future completes once the channel is subscribed. */
  public Future<Void> start() {
    subscriber.channel(CHANNEL)
        .subscribeHandler(v -> onSubscribed())
        .handler(this::onNotification)
        .exceptionHandler(e -> log.warn("FAQ change channel failed: {}", e.toString()));
    subscriber.closeHandler(v -> {
      if (!stopping) log.warn("FAQ change subscriber lost its connection and gave up reconnecting");
    });
    return subscriber.connect().onSuccess(v -> log.info("Listening for FAQ changes on channel {}", CHANNEL));
  }

  public Future<Void> stop() {
    stopping = true;
    return subscriber.close();
  }

  private void onSubscribed() {
    if (!subscribedOnce) {
      subscribedOnce = true;
      return;
    }
    log.info("FAQ change channel resubscribed; reloading every entry to catch missed changes");
    enqueue(() -> repository.listPublished().compose(this::replaceAll));
  }

  private void onNotification(String id) {
    if (id == null || id.isBlank()) {
      enqueue(() -> repository.listPublished().compose(this::replaceAll));
    } else {
      enqueue(() -> repository.get(id).compose(e -> applyOne(id, e)));
    }
  }

  /** Runs the reloads strictly one after another, on the event loop that delivered the notification. */
  private void enqueue(java.util.function.Supplier<Future<?>> step) {
    chain = chain.transform(ignored -> step.get())
        .onFailure(e -> log.warn("Applying a FAQ change failed: {}", e.toString()));
  }

  private Future<Void> applyOne(String id, Optional<FaqEntry> entry) {
    return vertx.executeBlocking(() -> {
      if (entry.isPresent()) kb.apply(entry.get());
      else kb.remove(id);
      return null;
    }, false);
  }

  private Future<Void> replaceAll(List<FaqEntry> entries) {
    return vertx.executeBlocking(() -> {
      kb.replaceAll(entries);
      return null;
    }, false);
  }
}
