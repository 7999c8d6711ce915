package banban.kb.semantic;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The vectors of knowledge-base texts, computed once per distinct text and shared: the same text in
 * two entries (or in the next snapshot of the KB after an edit) is embedded once and stored once.
 * Bounded: past {@code capacity} texts new vectors are still returned but not kept, so a runaway KB
 * cannot exhaust the heap through this cache.
 */
public final class TextVectors {

  /** Texts kept by the JVM-wide cache: about 600 bytes each, so at most some 200 MB. */
  public static final int SHARED_CAPACITY = 300_000;

  private static volatile TextVectors shared;

  private final Embedder embedder;
  private final int capacity;
  private final Map<String, Vector> cache = new ConcurrentHashMap<>();

  public TextVectors(Embedder embedder, int capacity) {
    this.embedder = embedder;
    this.capacity = capacity;
  }

  /** The JVM's vectors for {@link BgeSmallZh}: every snapshot of the KB shares them, so an edit embeds only what changed. */
  public static TextVectors shared() {
    TextVectors s = shared;
    if (s == null) {
      synchronized (TextVectors.class) {
        s = shared;
        if (s == null) shared = s = new TextVectors(BgeSmallZh.shared(), SHARED_CAPACITY);
      }
    }
    return s;
  }

  public Embedder embedder() {
    return embedder;
  }

  public Vector of(String text) {
    Vector v = cache.get(text);
    if (v != null) return v;
    v = Vector.of(embedder.embed(text));
    if (cache.size() < capacity) {
      Vector prev = cache.putIfAbsent(text, v);
      if (prev != null) return prev;
    }
    return v;
  }

  /** Embeds the texts not yet known, on all cores (a bulk load of the KB at start-up). */
  public void prefetch(Collection<String> texts) {
    texts.parallelStream().distinct().filter(t -> !cache.containsKey(t)).forEach(this::of);
  }

  public int size() {
    return cache.size();
  }
}
