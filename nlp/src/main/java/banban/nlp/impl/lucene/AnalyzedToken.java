package banban.nlp.impl.lucene;

/** A term as Lucene should index or search it, with its span in the normalised text. */
public record AnalyzedToken(String term, int start, int end) {}
