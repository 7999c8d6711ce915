package banban.kb.store;

import static org.assertj.core.api.Assertions.assertThat;

import banban.kb.Decision;
import banban.kb.DecisionConfig;
import banban.kb.FaqEntry;
import banban.kb.KnowledgeBase;
import banban.kb.SeedKb;
import banban.kb.semantic.CountingEmbedder;
import banban.kb.semantic.TextVectors;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Against a real PostgreSQL (zonky embedded) with the real migration applied by Flyway. */
@ExtendWith(VertxExtension.class)
class FaqStoreTest {

  private static EmbeddedPostgres pg;
  private static PgConnectOptions connect;
  private static Pool pool;

  @BeforeAll
  static void startDatabase(Vertx vertx) throws IOException {
    pg = EmbeddedPostgres.start();
    Flyway.configure().dataSource(pg.getPostgresDatabase()).locations("classpath:db/migration").load().migrate();
    connect = new PgConnectOptions().setHost("localhost").setPort(pg.getPort()).setDatabase("postgres")
        .setUser("postgres").setPassword("postgres");
    pool = PgBuilder.pool().connectingTo(connect).using(vertx).build();
  }

  @AfterAll
  static void stopDatabase() throws IOException {
    if (pool != null) pool.close();
    if (pg != null) pg.close();
  }

  @Test
  @DisplayName("Entries survive a round trip: import, get, upsert bumps the version, delete, replace on re-import")
  void roundTrip(VertxTestContext ctx) {
    FaqRepository repo = FaqRepository.create(pool);
    List<FaqEntry> twenty = SeedKb.entries().subList(0, 20);
    FaqEntry first = twenty.get(0);
    repo.importAll(twenty)
        .compose(s -> {
          ctx.verify(() -> assertThat(s.written()).isEqualTo(20));
          return repo.count();
        })
        .compose(n -> {
          ctx.verify(() -> assertThat(n).isEqualTo(20L));
          return repo.get(first.id());
        })
        .compose(got -> {
          ctx.verify(() -> {
            assertThat(got).isPresent();
            assertThat(got.get().similar()).isEqualTo(first.similar());
            assertThat(got.get().keywords()).isEqualTo(first.keywords());
            assertThat(got.get().version()).isEqualTo(1);
          });
          return repo.upsert(first.withAnswer("改过的答案"));
        })
        .compose(stored -> {
          ctx.verify(() -> {
            assertThat(stored.version()).isEqualTo(2);
            assertThat(stored.answer()).isEqualTo("改过的答案");
          });
          return repo.delete(twenty.get(1).id());
        })
        .compose(deleted -> {
          ctx.verify(() -> assertThat(deleted).isTrue());
          return repo.exportAll();
        })
        .compose(all -> {
          ctx.verify(() -> assertThat(all).hasSize(19).extracting(FaqEntry::id).doesNotContain(twenty.get(1).id()));
          // Replace semantics: the table ends up holding exactly the imported file.
          return repo.importAll(twenty.subList(0, 5));
        })
        .compose(s -> {
          ctx.verify(() -> {
            assertThat(s.removed()).isEqualTo(15);
            assertThat(s.written()).isEqualTo(2); // the edited entry restored, the deleted one back
          });
          return repo.importAll(twenty.subList(0, 5));
        })
        .compose(s -> {
          ctx.verify(() -> assertThat(s.written()).isZero());
          return repo.listPublished();
        })
        .onComplete(ctx.succeeding(list -> ctx.verify(() -> {
          assertThat(list).hasSize(5);
          ctx.completeNow();
        })));
  }

  @Test
  @Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
  @DisplayName("An answer changed with plain SQL reaches ask() through NOTIFY, without a restart")
  void refreshesIndexOnNotify(Vertx vertx, VertxTestContext ctx) {
    FaqRepository repo = FaqRepository.create(pool);
    List<FaqEntry> entries = SeedKb.entries().subList(20, 60);
    FaqEntry target = entries.get(3);
    String newAnswer = "（测试）本事项已改为全程网办，请登录爱山东APP办理。";
    repo.importAll(entries)
        .compose(s -> repo.listPublished())
        .compose(list -> vertx.executeBlocking(() -> KnowledgeBase.build(SeedKb.pipeline(), list, DecisionConfig.DEFAULTS)))
        .compose(kb -> {
          ctx.verify(() -> assertThat(kb.ask(target.question()).faqId()).isEqualTo(target.id()));
          FaqChangeListener listener = FaqChangeListener.create(vertx, connect, repo, kb);
          return listener.start()
              .compose(v -> pool.preparedQuery("UPDATE faq SET answer = $1 WHERE id = $2")
                  .execute(Tuple.of(newAnswer, target.id())))
              .compose(rows -> until(vertx, () -> newAnswer.equals(kb.ask(target.question()).answer())))
              .compose(v -> pool.preparedQuery("DELETE FROM faq WHERE id = $1").execute(Tuple.of(target.id())))
              .compose(rows -> until(vertx, () -> kb.entry(target.id()).isEmpty()))
              .compose(v -> {
                Decision d = kb.ask(target.question());
                ctx.verify(() -> assertThat(d.faqId()).isNotEqualTo(target.id()));
                return listener.stop();
              });
        })
        .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("Sentence vectors stored after one build are reused by the next: nothing is embedded twice")
  void storesVectors(Vertx vertx, VertxTestContext ctx) {
    List<FaqEntry> entries = SeedKb.entries().subList(60, 70);
    java.util.Set<String> texts = new java.util.LinkedHashSet<>();
    for (FaqEntry e : entries) {
      texts.addAll(e.questions());
      texts.add(e.answer());
    }
    CountingEmbedder first = new CountingEmbedder();
    CountingEmbedder second = new CountingEmbedder();
    VectorRepository store = VectorRepository.create(pool);
    TextVectors before = new TextVectors(first, 10_000);
    vertx.executeBlocking(() -> KnowledgeBase.build(SeedKb.pipeline(), before, entries, DecisionConfig.DEFAULTS))
        .compose(kb -> store.saveAll("test-model", before.drainUnsaved()))
        .compose(n -> {
          ctx.verify(() -> {
            assertThat(n).isEqualTo(texts.size());
            assertThat(first.calls.get()).isEqualTo(texts.size());
            assertThat(before.drainUnsaved()).isEmpty();
          });
          return store.saveAll("test-model", java.util.Map.of(TextVectors.sha256(entries.get(0).question()),
              banban.kb.semantic.Vector.of(new float[] {1, 0, 0})));  // already there: the first is kept
        })
        .compose(n -> store.load("test-model"))
        .compose(stored -> vertx.executeBlocking(() -> {
          TextVectors after = new TextVectors(second, 10_000);
          int reused = after.preload(texts, stored);
          KnowledgeBase.build(SeedKb.pipeline(), after, entries, DecisionConfig.DEFAULTS);
          ctx.verify(() -> {
            assertThat(reused).isEqualTo(texts.size());
            assertThat(second.calls.get()).isZero();
            assertThat(after.of(entries.get(0).question()).values()).hasSize(2);
          });
          return stored;
        }))
        .compose(stored -> store.load("other-model"))
        .onComplete(ctx.succeeding(other -> ctx.verify(() -> {
          assertThat(other).isEmpty();
          ctx.completeNow();
        })));
  }

  /** Polls a condition every 20 ms on the event loop; the test's timeout is the deadline. */
  private static Future<Void> until(Vertx vertx, java.util.function.BooleanSupplier condition) {
    io.vertx.core.Promise<Void> done = io.vertx.core.Promise.promise();
    vertx.setPeriodic(20, id -> {
      if (condition.getAsBoolean()) {
        vertx.cancelTimer(id);
        done.tryComplete();
      }
    });
    return done.future();
  }
}
