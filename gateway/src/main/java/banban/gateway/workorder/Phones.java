package banban.gateway.workorder;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Citizens' phone numbers: found in text, masked for display ({@code 138****1234}) and encrypted at rest
 * with AES-256-GCM (a fresh 12-byte nonce per number). The key is the SHA-256 of BANBAN_PII_KEY. An
 * 11-digit number is tiny, so encrypting it on an event loop costs microseconds.
 */
public final class Phones {
  /** A mainland mobile number, or a landline with area code, standing on its own. */
  private static final Pattern PHONE = Pattern.compile("(?<!\\d)(1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8})(?!\\d)");
  private static final SecureRandom RANDOM = new SecureRandom();
  /** Used when no key is configured: fine for a demo, useless as protection, hence the warning at start. */
  public static final String DEVELOPMENT_KEY = "banban-development-pii-key";

  private final SecretKeySpec key;

  public Phones(String secret) {
    try {
      byte[] k = MessageDigest.getInstance("SHA-256").digest(
          (secret == null || secret.isEmpty() ? DEVELOPMENT_KEY : secret).getBytes(StandardCharsets.UTF_8));
      this.key = new SecretKeySpec(k, "AES");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The first phone number in a text, digits only. */
  public static Optional<String> find(String text) {
    if (text == null) return Optional.empty();
    Matcher m = PHONE.matcher(text.replace(" ", ""));
    return m.find() ? Optional.of(m.group(1).replace("-", "")) : Optional.empty();
  }

  /** The text with every phone number in it masked: for copies of the chat that leave the conversation. */
  public static String maskAll(String text) {
    if (text == null) return null;
    return PHONE.matcher(text).replaceAll(m -> mask(m.group(1).replace("-", "")));
  }

  /** {@code 138****1234}: the first three and the last four digits. */
  public static String mask(String phone) {
    if (phone == null) return null;
    if (phone.length() < 8) return "*".repeat(phone.length());
    return phone.substring(0, 3) + "*".repeat(phone.length() - 7) + phone.substring(phone.length() - 4);
  }

  public String encrypt(String phone) {
    try {
      byte[] nonce = new byte[12];
      RANDOM.nextBytes(nonce);
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
      byte[] sealed = c.doFinal(phone.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("phone encryption failed", e);
    }
  }

  public String decrypt(String sealed) {
    try {
      byte[] all = Base64.getDecoder().decode(sealed);
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, 12));
      return new String(c.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException("phone decryption failed (was BANBAN_PII_KEY changed?)", e);
    }
  }
}
