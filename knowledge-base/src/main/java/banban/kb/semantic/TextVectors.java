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
  /** Vectors computed here and not yet handed to storage, by the hex SHA-256 of their text. */
  private final Map<String, Vector> unsaved = new ConcurrentHashMap<>();

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
      unsaved.put(sha256(text), v);
    }
    return v;
  }

  /**
   * Takes vectors computed earlier (stored in PostgreSQL) for these texts, so they are not embedded
   * again; {@code stored} is keyed by the hex SHA-256 of the text. Returns how many were taken.
   */
  public int preload(Collection<String> texts, Map<String, Vector> stored) {
    int n = 0;
    for (String t : texts) {
      if (cache.size() >= capacity) break;
      if (cache.containsKey(t)) continue;
      Vector v = stored.get(sha256(t));
      if (v != null && v.values().length > 0 && cache.putIfAbsent(t, v) == null) n++;
    }
    return n;
  }

  /** The vectors computed since the last call, by the hex SHA-256 of their text, for storage. */
  public Map<String, Vector> drainUnsaved() {
    Map<String, Vector> out = new java.util.HashMap<>();
    for (String k : unsaved.keySet()) {
      Vector v = unsaved.remove(k);
      if (v != null) out.put(k, v);
    }
    return out;
  }

  /** Hex SHA-256 of the text's UTF-8 bytes: how stored vectors are keyed. */
  public static String sha256(String text) {
    try {
      return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** Embeds the texts not yet known, on all cores (a bulk load of the KB at start-up). */
  public void prefetch(Collection<String> texts) {
    texts.parallelStream().distinct().filter(t -> !cache.containsKey(t)).forEach(this::of);
  }

  public int size() {
    return cache.size();
  }
}
