package banban.connectors.hotline;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of every request between banban and a 12345 platform, both ways:
 * {@code X-Banban-Signature: sha256=<hex(HMAC-SHA256(secret, timestamp + "\n" + body))>} with the Unix
 * seconds in {@code X-Banban-Timestamp}. Binding the timestamp into the MAC lets the receiver refuse
 * stale replays without keeping every body it has seen.
 */
public final class HotlineSignature {
  public static final String TIMESTAMP_HEADER = "X-Banban-Timestamp";
  public static final String SIGNATURE_HEADER = "X-Banban-Signature";
  public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";
  /** How far a request's timestamp may be from the receiver's clock. */
  public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

  private HotlineSignature() {}

  public static String sign(String secret, String timestamp, Buffer body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
      mac.update((byte) '\n');
      mac.update(body.getBytes());
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal());
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  /** True when the signature matches (compared in constant time) and the timestamp is fresh. */
  public static boolean verify(String secret, String timestamp, String signature, Buffer body, Instant now,
      Duration tolerance) {
    if (secret == null || secret.isEmpty() || timestamp == null || signature == null) return false;
    long seconds;
    try {
      seconds = Long.parseLong(timestamp.strip());
    } catch (NumberFormatException e) {
      return false;
    }
    if (Math.abs(now.getEpochSecond() - seconds) > tolerance.toSeconds()) return false;
    byte[] expected = sign(secret, timestamp.strip(), body).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, signature.strip().getBytes(StandardCharsets.US_ASCII));
  }

  public static String now() {
    return String.valueOf(Instant.now().getEpochSecond());
  }
}
