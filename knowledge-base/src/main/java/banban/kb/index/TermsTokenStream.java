package banban.kb.index;

import java.util.List;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Already analysed terms handed to Lucene as a token stream. Each KB text is analysed once for both
 * the Lucene document and the entry profile: HanLP segmentation dominates index build time.
 * Positions are consecutive; no query here uses them.
 */
final class TermsTokenStream extends TokenStream {

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final List<String> terms;
  private int next;

  TermsTokenStream(List<String> terms) {
    this.terms = terms;
  }

  @Override
  public boolean incrementToken() {
    if (next >= terms.size()) return false;
    clearAttributes();
    term.setEmpty().append(terms.get(next++));
    return true;
  }

  @Override
  public void reset() throws java.io.IOException {
    super.reset();
    next = 0;
  }
}
