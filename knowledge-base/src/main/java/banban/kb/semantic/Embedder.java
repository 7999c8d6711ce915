package banban.kb.semantic;

/**
 * Turns a text into a unit-length vector whose dot product with another text's vector says how close
 * their meanings are. Implementations are thread-safe; embedding is CPU-bound (a few milliseconds for
 * a question), so callers run it where blocking work belongs, never on an event loop.
 */
public interface Embedder {

  /** A unit-length vector for the text. */
  float[] embed(String text);

  /** The model's name, for logs and benchmarks. */
  String name();
}
