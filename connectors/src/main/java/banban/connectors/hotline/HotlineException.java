package banban.connectors.hotline;

/**
 * A failed call to the platform. Retryable failures (network, timeout, 5xx, 429) are tried again
 * later; the others (a 4xx refusing the content) make the outbox row a dead letter at once.
 */
public final class HotlineException extends RuntimeException {
  private final boolean retryable;

  public HotlineException(String message, boolean retryable) {
    super(message, null, false, false);
    this.retryable = retryable;
  }

  public boolean retryable() {
    return retryable;
  }

  /** Whether a response with this status is worth trying again. */
  public static boolean retryableStatus(int status) {
    return status >= 500 || status == 408 || status == 429;
  }
}
