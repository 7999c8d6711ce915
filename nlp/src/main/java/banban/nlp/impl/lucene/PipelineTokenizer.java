package banban.nlp.impl.lucene;

import java.io.IOException;
import java.util.List;
import java.util.function.Function;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Runs the whole banban pipeline on a field value and hands out its terms. Normalisation and typo
 * correction need the whole text at once (traditional-to-simplified conversion and correction work on
 * words across chunk borders), so the value is read completely in {@link #reset()}; KB fields and
 * queries are short. Offsets point into the normalised text, clamped to the original length: close
 * enough for highlighting, which is the only use of offsets downstream.
 */
public final class PipelineTokenizer extends Tokenizer {
  /** Upper bound on what is read from one field value, to keep a bad document from exhausting memory. */
  static final int MAX_CHARS = 1 << 20;

  private final CharTermAttribute termAttribute = addAttribute(CharTermAttribute.class);
  private final OffsetAttribute offsetAttribute = addAttribute(OffsetAttribute.class);
  private final Function<String, List<AnalyzedToken>> pipeline;
  private List<AnalyzedToken> tokens = List.of();
  private int next;
  private int length;

  public PipelineTokenizer(Function<String, List<AnalyzedToken>> pipeline) {
    this.pipeline = pipeline;
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    String text = readAll();
    length = text.length();
    tokens = pipeline.apply(text);
    next = 0;
  }

  @Override
  public boolean incrementToken() {
    if (next >= tokens.size()) return false;
    clearAttributes();
    AnalyzedToken t = tokens.get(next++);
    termAttribute.setEmpty().append(t.term());
    int start = Math.min(t.start(), length);
    int end = Math.max(start, Math.min(t.end(), length));
    offsetAttribute.setOffset(correctOffset(start), correctOffset(end));
    return true;
  }

  @Override
  public void end() throws IOException {
    super.end();
    int last = correctOffset(length);
    offsetAttribute.setOffset(last, last);
  }

  @Override
  public void close() throws IOException {
    super.close();
    tokens = List.of();
  }

  private String readAll() throws IOException {
    StringBuilder sb = new StringBuilder();
    char[] buffer = new char[1024];
    int n;
    while (sb.length() < MAX_CHARS && (n = input.read(buffer)) != -1) sb.append(buffer, 0, n);
    return sb.toString();
  }
}
