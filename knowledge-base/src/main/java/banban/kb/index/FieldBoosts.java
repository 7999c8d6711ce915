package banban.kb.index;

/**
 * Query-time weights of the Lucene fields. Applied as BoostQuery at query time rather than at index
 * time, so a new choice needs no re-index and the evaluation can sweep them.
 */
public record FieldBoosts(float question, float similar, float keywords, float category, float answer) {

  /** Chosen on the dev set (docs/benchmarks.md, "## knowledge base"). */
  public static final FieldBoosts DEFAULTS = new FieldBoosts(1.0f, 1.0f, 0.6f, 0.2f, 0.3f);
}
