package banban.nlp;

/** What a citizen's message asks the conversation layer to do, apart from answering a question. */
public enum Intent {
  REQUEST_HUMAN,
  COMPLAINT_OR_REPORT,
  EMERGENCY,
  GREETING,
  THANKS,
  GOODBYE;

  /** The wire name used in JSON and data files, e.g. {@code request_human}. */
  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
