package banban.gateway.console;

import java.util.ArrayDeque;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed logins per user name over a sliding minute. A name with {@code limit} failures in the last
 * sixty seconds is refused, whatever the password, until the oldest of them is a minute old: guessing
 * is capped at {@code limit} tries in any minute (fixed clock-minute windows allowed twice as many
 * across a minute boundary), while an operator's successful logins never count against them. Kept in
 * memory per instance, like the address limit beside it.
 */
final class FailedLogins {
  private static final long WINDOW_MS = 60_000;

  private final int limit;
  private final ConcurrentHashMap<String, ArrayDeque<Long>> failures = new ConcurrentHashMap<>();

  FailedLogins(int limit) {
    this.limit = limit;
  }

  /** 0 when the name may try, else the seconds until the oldest failure of its last minute expires. */
  long retryAfter(String username, long nowMillis) {
    long[] wait = {0};
    failures.computeIfPresent(username, (k, times) -> {
      prune(times, nowMillis);
      if (times.size() >= limit) wait[0] = Math.max(1, (times.peekFirst() + WINDOW_MS - nowMillis + 999) / 1000);
      return times.isEmpty() ? null : times;
    });
    return wait[0];
  }

  void failed(String username, long nowMillis) {
    failures.forEach((k, v) -> failures.computeIfPresent(k, (kk, times) -> {
      prune(times, nowMillis);
      return times.isEmpty() ? null : times;
    }));
    failures.compute(username, (k, times) -> {
      ArrayDeque<Long> t = times == null ? new ArrayDeque<>() : times;
      t.addLast(nowMillis);
      while (t.size() > limit) t.removeFirst();
      return t;
    });
  }

  private static void prune(ArrayDeque<Long> times, long nowMillis) {
    while (!times.isEmpty() && times.peekFirst() <= nowMillis - WINDOW_MS) times.removeFirst();
  }
}
