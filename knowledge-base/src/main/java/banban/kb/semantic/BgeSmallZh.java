package banban.kb.semantic;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * BAAI bge-small-zh-v1.5, int8-quantised, run in-process by ONNX Runtime (the model and its tokenizer
 * as packaged by langchain4j on Maven Central). Chosen because it is trained on Chinese question
 * paraphrases, small enough for a 2-core machine (24 MB, a few milliseconds per question) and needs
 * nothing downloaded at run time. One model per JVM: loading costs about a second, and the ONNX
 * session is thread-safe.
 *
 * <p>Each text is embedded on the calling thread alone ({@code intraOpNumThreads = 1}) rather than
 * on ONNX Runtime's own pool of one thread per core: the gateway already answers in parallel on its
 * worker pool, and two pools fighting over the same cores doubled the p99 in interleaved runs on
 * the 2-core machine, single-threaded and two at a time (docs/benchmarks.md).
 * {@code -Dbanban.embedding.threads=0} restores ONNX Runtime's default.
 */
public final class BgeSmallZh implements Embedder {

  /** The model's name, also the key of its stored vectors. */
  public static final String NAME = "bge-small-zh-v1.5-int8";

  private static final Logger log = LoggerFactory.getLogger(BgeSmallZh.class);
  private static final String MODEL = "bge-small-zh-v1.5-q.onnx";
  private static final String TOKENIZER = "bge-small-zh-v1.5-q-tokenizer.json";

  private static volatile BgeSmallZh shared;

  private final Model model;

  private BgeSmallZh(int threads) {
    long t0 = System.nanoTime();
    this.model = new Model(load(threads));
    log.info("Embedding model bge-small-zh-v1.5 (int8) loaded in {} ms, {} per text",
        (System.nanoTime() - t0) / 1_000_000, threads > 0 ? threads + " thread(s)" : "ONNX Runtime's threads");
  }

  /** The JVM's one instance, loaded on first use; {@code -Dbanban.embedding.threads=N} fixes the threads per text. */
  public static BgeSmallZh shared() {
    BgeSmallZh s = shared;
    if (s == null) {
      synchronized (BgeSmallZh.class) {
        s = shared;
        if (s == null) shared = s = new BgeSmallZh(Integer.getInteger("banban.embedding.threads", 1));
      }
    }
    return s;
  }

  @Override
  public float[] embed(String text) {
    // The tokenizer rejects an empty input; a blank text means nothing, and the empty vector matches nothing.
    if (text == null || text.isBlank()) return new float[0];
    return normalize(model.embed(text).content().vector());
  }

  @Override
  public String name() {
    return NAME;
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

  private static OnnxBertBiEncoder load(int threads) {
    ClassLoader cl = BgeSmallZh.class.getClassLoader();
    try (InputStream model = cl.getResourceAsStream(MODEL); InputStream tokenizer = cl.getResourceAsStream(TOKENIZER)) {
      if (model == null || tokenizer == null) throw new IllegalStateException(MODEL + " is not on the class path");
      OrtEnvironment env = OrtEnvironment.getEnvironment();
      OrtSession.SessionOptions options = new OrtSession.SessionOptions();
      if (threads > 0) options.setIntraOpNumThreads(threads);
      return new OnnxBertBiEncoder(env, env.createSession(model.readAllBytes(), options), tokenizer, PoolingMode.CLS);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the embedding model", e);
    } catch (OrtException e) {
      throw new IllegalStateException("Cannot load the embedding model", e);
    }
  }

  /** langchain4j's in-process model around our own ONNX session (its stock class fixes the session options). */
  private static final class Model extends AbstractInProcessEmbeddingModel {

    private final OnnxBertBiEncoder encoder;

    Model(OnnxBertBiEncoder encoder) {
      super(null);
      this.encoder = encoder;
    }

    @Override
    protected OnnxBertBiEncoder model() {
      return encoder;
    }

    @Override
    protected Integer knownDimension() {
      return 512;
    }
  }
}
