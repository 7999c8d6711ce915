package banban.connectors.hotline;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HotlineSignatureTest {
  private static final String SECRET = "a-secret-of-sixteen+";
  private static final Buffer BODY = Buffer.buffer("{\"platformNo\":\"12345-2026-000001\",\"status\":\"dispatched\"}");
  private static final Instant NOW = Instant.ofEpochSecond(1_790_000_000L);
  private static final String TS = String.valueOf(NOW.getEpochSecond());

  @Test
  @DisplayName("A signature made with the shared secret verifies, and has the documented sha256=<64 hex> form")
  void roundTrip() {
    String sig = HotlineSignature.sign(SECRET, TS, BODY);
    assertThat(sig).matches("sha256=[0-9a-f]{64}");
    assertThat(HotlineSignature.verify(SECRET, TS, sig, BODY, NOW, Duration.ofMinutes(5))).isTrue();
  }

  @Test
  @DisplayName("A changed body, another secret, another timestamp or a missing header fails verification")
  void tampering() {
    String sig = HotlineSignature.sign(SECRET, TS, BODY);
    Buffer changed = Buffer.buffer(BODY.toString().replace("dispatched", "closed"));
    assertThat(HotlineSignature.verify(SECRET, TS, sig, changed, NOW, Duration.ofMinutes(5))).isFalse();
    assertThat(HotlineSignature.verify("another-secret-of-16", TS, sig, BODY, NOW, Duration.ofMinutes(5))).isFalse();
    assertThat(HotlineSignature.verify(SECRET, String.valueOf(NOW.getEpochSecond() + 1), sig, BODY, NOW, Duration.ofMinutes(5))).isFalse();
    assertThat(HotlineSignature.verify(SECRET, null, sig, BODY, NOW, Duration.ofMinutes(5))).isFalse();
    assertThat(HotlineSignature.verify(SECRET, TS, null, BODY, NOW, Duration.ofMinutes(5))).isFalse();
    assertThat(HotlineSignature.verify("", TS, sig, BODY, NOW, Duration.ofMinutes(5))).isFalse();
  }

  @Test
  @DisplayName("A correctly signed request older than the tolerance is refused, so a captured callback cannot be replayed later")
  void stale() {
    String old = String.valueOf(NOW.minusSeconds(301).getEpochSecond());
    String sig = HotlineSignature.sign(SECRET, old, BODY);
    assertThat(HotlineSignature.verify(SECRET, old, sig, BODY, NOW, Duration.ofMinutes(5))).isFalse();
    assertThat(HotlineSignature.verify(SECRET, "not-a-number", sig, BODY, NOW, Duration.ofMinutes(5))).isFalse();
  }
}
