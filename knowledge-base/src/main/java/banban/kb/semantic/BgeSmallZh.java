package banban.kb.semantic;

import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * BAAI bge-small-zh-v1.5, int8-quantised, run in-process by ONNX Runtime (through langchain4j's
 * packaging of the model and its tokenizer). Chosen because it is trained on Chinese question
 * paraphrases, small enough for a 2-core machine (16 MB, about 5 ms per question) and served from
 * Maven Central, so nothing is downloaded at run time. One model per JVM: loading costs about a
 * second and 100 MB, and the ONNX session is thread-safe.
 */
public final class BgeSmallZh implements Embedder {

  private static final Logger log = LoggerFactory.getLogger(BgeSmallZh.class);

  private static volatile BgeSmallZh shared;

  private final BgeSmallZhV15QuantizedEmbeddingModel model;

  private BgeSmallZh() {
    long t0 = System.nanoTime();
    this.model = new BgeSmallZhV15QuantizedEmbeddingModel();
    log.info("Embedding model bge-small-zh-v1.5 (int8) loaded in {} ms", (System.nanoTime() - t0) / 1_000_000);
  }

  /** The JVM's one instance, loaded on first use. */
  public static BgeSmallZh shared() {
    BgeSmallZh s = shared;
    if (s == null) {
      synchronized (BgeSmallZh.class) {
        s = shared;
        if (s == null) shared = s = new BgeSmallZh();
      }
    }
    return s;
  }

  @Override
  public float[] embed(String text) {
    // The tokenizer rejects an empty input; a blank text means nothing, and the zero vector matches nothing.
    if (text == null || text.isBlank()) return new float[0];
    return normalize(model.embed(text).content().vector());
  }

  @Override
  public String name() {
    return "bge-small-zh-v1.5-int8";
  }

  static float[] normalize(float[] v) {
    double n = 0;
    for (float x : v) n += x * x;
    if (n == 0) return v;
    float inv = (float) (1 / Math.sqrt(n));
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) out[i] = v[i] * inv;
    return out;
  }
}
