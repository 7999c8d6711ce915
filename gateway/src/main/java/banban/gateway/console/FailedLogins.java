package banban.gateway.console;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed logins per user name in fixed one-minute windows. A name with {@code limit} failures in the
 * current minute is refused until the next one, whatever the password: guessing is capped at
 * {@code limit} tries a minute, while an operator's successful logins never count against them.
 * Kept in memory per instance, like the address limit beside it.
 */
final class FailedLogins {
  private record Window(long minute, int failures) {}

  private final int limit;
  private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

  FailedLogins(int limit) {
    this.limit = limit;
  }

  /** 0 when the name may try, else the seconds until its window ends. */
  long retryAfter(String username, long nowMillis) {
    long minute = nowMillis / 60_000;
    Window w = windows.get(username);
    if (w == null || w.minute() != minute || w.failures() < limit) return 0;
    return Math.max(1, (minute + 1) * 60 - nowMillis / 1000);
  }

  void failed(String username, long nowMillis) {
    long minute = nowMillis / 60_000;
    windows.values().removeIf(w -> w.minute() < minute - 1);
    windows.compute(username, (k, old) -> old == null || old.minute() != minute ? new Window(minute, 1) : new Window(minute, old.failures() + 1));
  }
}
