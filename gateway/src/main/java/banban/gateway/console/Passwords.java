package banban.gateway.console;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * bcrypt through Spring Security's maintained implementation. Every hash and check costs a few hundred
 * milliseconds by design, so both run on the console's own worker pool, never on an event loop.
 */
public final class Passwords {
  /** Shortest password an account may get. */
  public static final int MIN_LENGTH = 10;

  private final BCryptPasswordEncoder encoder;
  private final WorkerExecutor worker;
  // Checked against when the user name is unknown, so that case costs as much as a wrong password.
  private volatile String dummyHash;

  public Passwords(int cost, WorkerExecutor worker) {
    this.encoder = new BCryptPasswordEncoder(cost);
    this.worker = worker;
  }

  public Future<String> hash(String raw) {
    return worker.executeBlocking(() -> encoder.encode(raw), false);
  }

  /** Whether the password matches; a null hash (unknown user) is checked against a dummy and fails. */
  public Future<Boolean> matches(String raw, String hash) {
    return worker.executeBlocking(() -> {
      if (hash == null) {
        if (dummyHash == null) dummyHash = encoder.encode("banban-dummy-password");
        encoder.matches(raw, dummyHash);
        return false;
      }
      return encoder.matches(raw, hash);
    }, false);
  }

  /** Null when acceptable, else why not (English, for the API's error message). */
  public static String weakness(String raw) {
    if (raw == null || raw.codePointCount(0, raw.length()) < MIN_LENGTH) return "A password needs at least " + MIN_LENGTH + " characters";
    // bcrypt reads at most 72 bytes; a longer password would silently lose its tail.
    if (raw.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 72) return "A password may have at most 72 bytes";
    return null;
  }
}
