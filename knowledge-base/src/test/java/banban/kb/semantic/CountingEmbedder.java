package banban.kb.semantic;

import java.util.concurrent.atomic.AtomicInteger;

/** Two-dimensional vectors from the text's length: enough to count calls and compare round trips. */
public final class CountingEmbedder implements Embedder {

  public final AtomicInteger calls = new AtomicInteger();

  @Override
  public float[] embed(String text) {
    calls.incrementAndGet();
    return new float[] {text.length(), 1};
  }

  @Override
  public String name() {
    return "test-model";
  }
}
