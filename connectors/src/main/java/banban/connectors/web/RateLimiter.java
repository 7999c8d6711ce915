package banban.connectors.web;

import java.util.concurrent.ConcurrentHashMap;

/**
 * A fixed-window counter per client address: at most {@code perMinute} requests in each minute. Kept
 * in memory per gateway instance, which is enough to stop one address flooding one instance; the
 * windows of idle addresses are dropped as new windows start.
 */
public final class RateLimiter {
  private record Window(long minute, int count) {}

  private final int perMinute;
  private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
  private volatile long sweptMinute;

  public RateLimiter(int perMinute) {
    this.perMinute = perMinute;
  }

  /** Returns 0 when the request may go ahead, else the seconds until the next window opens. */
  public long acquire(String address, long nowMillis) {
    long minute = nowMillis / 60_000;
    if (minute != sweptMinute) {
      sweptMinute = minute;
      windows.values().removeIf(w -> w.minute() < minute);
    }
    Window w = windows.compute(address, (k, old) ->
        old == null || old.minute() != minute ? new Window(minute, 1) : new Window(minute, old.count() + 1));
    if (w.count() <= perMinute) return 0;
    return Math.max(1, (minute + 1) * 60 - nowMillis / 1000);
  }
}
