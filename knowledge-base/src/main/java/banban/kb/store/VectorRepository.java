package banban.kb.store;

import banban.kb.semantic.Vector;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Stored sentence vectors of KB texts (table {@code faq_text_vector}, migration {@code V7}), keyed by
 * model and the text's SHA-256 (see {@link banban.kb.semantic.TextVectors#sha256}).
 */
public final class VectorRepository {

  private static final String LOAD = "SELECT text_sha256, scale, vec FROM faq_text_vector WHERE model = $1";
  private static final String INSERT = "INSERT INTO faq_text_vector (model, text_sha256, scale, vec) VALUES ($1, $2, $3, $4) "
      + "ON CONFLICT (model, text_sha256) DO NOTHING";
  private static final int BATCH = 500;

  private final Pool pool;

  private VectorRepository(Pool pool) {
    this.pool = pool;
  }

  public static VectorRepository create(Pool pool) {
    return new VectorRepository(pool);
  }

  /** Every stored vector of the model, by the hex SHA-256 of its text. */
  public Future<Map<String, Vector>> load(String model) {
    return pool.preparedQuery(LOAD).execute(Tuple.of(model)).map(rows -> {
      Map<String, Vector> out = new HashMap<>(rows.size() * 2);
      HexFormat hex = HexFormat.of();
      for (Row r : rows) {
        out.put(hex.formatHex(r.getBuffer("text_sha256").getBytes()),
            new Vector(r.getBuffer("vec").getBytes(), r.getFloat("scale")));
      }
      return out;
    });
  }

  /** Stores vectors by the hex SHA-256 of their text; rows already there are kept. Returns how many were sent. */
  public Future<Integer> saveAll(String model, Map<String, Vector> bySha256) {
    if (bySha256.isEmpty()) return Future.succeededFuture(0);
    HexFormat hex = HexFormat.of();
    List<Tuple> rows = new ArrayList<>(bySha256.size());
    bySha256.forEach((h, v) -> rows.add(Tuple.of(model, Buffer.buffer(hex.parseHex(h)), v.scale(), Buffer.buffer(v.values()))));
    Future<Void> chain = Future.succeededFuture();
    for (int i = 0; i < rows.size(); i += BATCH) {
      List<Tuple> batch = rows.subList(i, Math.min(rows.size(), i + BATCH));
      chain = chain.compose(v -> pool.preparedQuery(INSERT).executeBatch(batch).mapEmpty());
    }
    return chain.map(rows.size());
  }
}
