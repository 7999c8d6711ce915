package banban.kb.store;

import banban.kb.FaqEntry;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * FAQ entries in PostgreSQL (table {@code faq}, migration {@code V2__faq.sql}). Every change fires the
 * {@code faq_changed} trigger, which is how other instances learn about it (see {@link FaqChangeListener}).
 */
public final class FaqRepository {

  private static final Logger log = LoggerFactory.getLogger(FaqRepository.class);

  /** What an import did: rows written (new or changed) and rows removed because absent from the file. */
  public record ImportSummary(int total, int written, int removed) {}

  private final Pool pool;

  private FaqRepository(Pool pool) {
    this.pool = pool;
  }

  public static FaqRepository create(Pool pool) {
    return new FaqRepository(pool);
  }

  /** The entries the bot may answer with, ordered by id. */
  public Future<List<FaqEntry>> listPublished() {
    return pool.preparedQuery(FaqSql.LIST_PUBLISHED).execute().map(FaqRepository::entries);
  }

  /** Every entry, drafts included, ordered by id: what an export writes. */
  public Future<List<FaqEntry>> exportAll() {
    return pool.preparedQuery(FaqSql.LIST_ALL).execute().map(FaqRepository::entries);
  }

  public Future<Optional<FaqEntry>> get(String id) {
    return pool.preparedQuery(FaqSql.GET).execute(Tuple.of(id))
        .map(rows -> entries(rows).stream().findFirst());
  }

  public Future<Long> count() {
    return pool.preparedQuery(FaqSql.COUNT).execute().map(rows -> rows.iterator().next().getLong(0));
  }

  /** Inserts at version 1 or overwrites, bumping the version and updated_at; returns the stored entry. */
  public Future<FaqEntry> upsert(FaqEntry entry) {
    return pool.preparedQuery(FaqSql.UPSERT).execute(params(entry))
        .map(rows -> entries(rows).get(0));
  }

  /** True when a row was deleted. */
  public Future<Boolean> delete(String id) {
    return pool.preparedQuery(FaqSql.DELETE).execute(Tuple.of(id)).map(rows -> rows.rowCount() > 0);
  }

  /**
   * Replace semantics, in ONE transaction: afterwards the table holds exactly the given entries.
   * Unchanged rows keep their version, changed ones are bumped, rows absent from the file are
   * deleted. Replace rather than merge because an export/edit/import round trip must be able to
   * remove entries; a failure anywhere rolls everything back.
   */
  public Future<ImportSummary> importAll(List<FaqEntry> entries) {
    List<Tuple> batch = entries.stream().map(FaqRepository::params).toList();
    String[] ids = entries.stream().map(FaqEntry::id).toArray(String[]::new);
    return pool.withTransaction(conn -> {
      Future<Integer> removed = conn.preparedQuery(FaqSql.DELETE_NOT_IN).execute(Tuple.of((Object) ids))
          .map(RowSet::rowCount);
      return removed.compose(r -> {
        if (batch.isEmpty()) return Future.succeededFuture(new ImportSummary(0, 0, r));
        return conn.preparedQuery(FaqSql.IMPORT_UPSERT).executeBatch(batch).map(rs -> {
          int written = 0;
          for (RowSet<Row> s = rs; s != null; s = s.next()) written += s.rowCount();
          return new ImportSummary(entries.size(), written, r);
        });
      });
    }).onSuccess(s -> log.info("Imported {} FAQ entries: {} written, {} removed", s.total(), s.written(), s.removed()));
  }

  private static Tuple params(FaqEntry e) {
    return Tuple.tuple(Arrays.asList(e.id(), e.category(), e.department(), e.question(),
        e.similar().toArray(String[]::new), e.answer(), e.keywords().toArray(String[]::new),
        e.status().name().toLowerCase(Locale.ROOT)));
  }

  private static List<FaqEntry> entries(RowSet<Row> rows) {
    List<FaqEntry> out = new ArrayList<>(rows.size());
    for (Row r : rows) {
      OffsetDateTime updated = r.getOffsetDateTime("updated_at");
      out.add(new FaqEntry(r.getString("id"), r.getString("category"), r.getString("department"),
          r.getString("question"), Arrays.asList(r.getArrayOfStrings("similar_questions")), r.getString("answer"),
          Arrays.asList(r.getArrayOfStrings("keywords")),
          FaqEntry.Status.valueOf(r.getString("status").toUpperCase(Locale.ROOT)), r.getInteger("version"),
          updated == null ? null : updated.toInstant()));
    }
    return out;
  }
}
