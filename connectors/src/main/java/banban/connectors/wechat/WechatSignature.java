package banban.connectors.wechat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * WeChat's request signatures: the lower-case hex SHA-1 of the parameters sorted lexicographically and
 * concatenated. The URL signature covers (token, timestamp, nonce); the body signature of encrypted
 * messages ({@code msg_signature}) adds the {@code Encrypt} field.
 */
public final class WechatSignature {
  private WechatSignature() {}

  public static String sign(String... parts) {
    String[] sorted = parts.clone();
    Arrays.sort(sorted);
    try {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      for (String p : sorted) sha1.update(p.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha1.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is missing from the JDK", e);
    }
  }

  /**
   * Whether {@code given} is the signature of the parts. The comparison takes the same time wherever the
   * strings differ, so response times reveal nothing about how much of a forged signature was right.
   */
  public static boolean verify(String given, String... parts) {
    if (given == null) return false;
    byte[] expected = sign(parts).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, given.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
  }
}
