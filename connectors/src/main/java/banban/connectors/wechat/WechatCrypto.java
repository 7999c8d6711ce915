package banban.connectors.wechat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * WeChat's message encryption ("安全模式"), written against the JDK. The key is the Base64 decoding of
 * the 43-character EncodingAESKey plus "="; AES-256-CBC with the key's first 16 bytes as IV and PKCS#7
 * padding to a multiple of 32 bytes (not the cipher's 16, hence NoPadding and our own padding). The
 * plaintext frame is 16 random bytes, the message length as 4 big-endian bytes, the XML, then the AppId.
 */
public final class WechatCrypto {
  private static final int BLOCK = 32;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKeySpec key;
  private final IvParameterSpec iv;
  private final String appId;

  /** Thrown for ciphertext that does not decrypt to a well-formed frame. */
  public static final class BadCiphertext extends Exception {
    public BadCiphertext(String message) {
      super(message, null, false, false);
    }
  }

  /** Thrown when the frame decrypts but names another account's AppId. */
  public static final class WrongAppId extends Exception {
    public WrongAppId(String message) {
      super(message, null, false, false);
    }
  }

  public WechatCrypto(String encodingAesKey, String appId) {
    if (encodingAesKey == null || !encodingAesKey.matches("[A-Za-z0-9]{43}")) {
      throw new IllegalArgumentException("EncodingAESKey must be 43 letters and digits");
    }
    byte[] k = Base64.getDecoder().decode(encodingAesKey + "=");
    this.key = new SecretKeySpec(k, "AES");
    this.iv = new IvParameterSpec(Arrays.copyOf(k, 16));
    this.appId = appId;
  }

  /** The Base64 ciphertext of a message, with fresh random bytes at the front of the frame. */
  public String encrypt(String xml) {
    byte[] random = new byte[16];
    RANDOM.nextBytes(random);
    return encrypt(random, xml);
  }

  /** With given random bytes: only WeChat's published test vector needs to choose them. */
  public String encrypt(byte[] random16, String xml) {
    byte[] msg = xml.getBytes(StandardCharsets.UTF_8);
    byte[] id = appId.getBytes(StandardCharsets.UTF_8);
    int len = 16 + 4 + msg.length + id.length;
    int pad = BLOCK - (len % BLOCK);
    ByteBuffer frame = ByteBuffer.allocate(len + pad);
    frame.put(random16, 0, 16).putInt(msg.length).put(msg).put(id);
    for (int i = 0; i < pad; i++) frame.put((byte) pad);
    try {
      return Base64.getEncoder().encodeToString(cipher(Cipher.ENCRYPT_MODE).doFinal(frame.array()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES encryption failed", e);
    }
  }

  /** The XML inside a Base64 ciphertext, after checking the frame and that it names this account's AppId. */
  public String decrypt(String base64) throws BadCiphertext, WrongAppId {
    byte[] plain;
    try {
      byte[] data = Base64.getMimeDecoder().decode(base64);
      if (data.length == 0 || data.length % 16 != 0) throw new BadCiphertext("ciphertext length is not a multiple of 16");
      plain = cipher(Cipher.DECRYPT_MODE).doFinal(data);
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      throw new BadCiphertext("ciphertext does not decrypt");
    }
    int pad = plain[plain.length - 1] & 0xff;
    if (pad < 1 || pad > BLOCK || pad > plain.length) throw new BadCiphertext("bad padding");
    int end = plain.length - pad;
    if (end < 20) throw new BadCiphertext("frame too short");
    int msgLen = ByteBuffer.wrap(plain, 16, 4).getInt();
    if (msgLen < 0 || 20 + msgLen > end) throw new BadCiphertext("bad message length");
    String xml = new String(plain, 20, msgLen, StandardCharsets.UTF_8);
    byte[] from = Arrays.copyOfRange(plain, 20 + msgLen, end);
    if (!java.security.MessageDigest.isEqual(from, appId.getBytes(StandardCharsets.UTF_8))) {
      throw new WrongAppId("message is for another AppId");
    }
    return xml;
  }

  private Cipher cipher(int mode) throws GeneralSecurityException {
    // Cipher objects are not thread-safe and cheap to create next to the AES work itself.
    Cipher c = Cipher.getInstance("AES/CBC/NoPadding");
    c.init(mode, key, iv);
    return c;
  }
}
