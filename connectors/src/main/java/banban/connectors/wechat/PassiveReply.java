package banban.connectors.wechat;

import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The reply written into the HTTP response WeChat is waiting on: a text message back to the follower, or
 * "success" (WeChat's word for "nothing now, do not retry"), encrypted when the request was.
 */
public final class PassiveReply {
  /** WeChat shows nothing and does not retry when the body is exactly this. */
  public static final String SUCCESS = "success";
  private static final SecureRandom RANDOM = new SecureRandom();

  private PassiveReply() {}

  /** A plaintext text reply to the message's sender, from the account it was sent to. */
  public static String text(WechatMessage to, String content, long createTime) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("ToUserName", to.fromUser());
    f.put("FromUserName", to.toUser());
    f.put("CreateTime", Long.toString(createTime));
    f.put("MsgType", "text");
    f.put("Content", content);
    return WechatXml.write(f);
  }

  /** The encrypted envelope of a plaintext reply, signed with the account's token. */
  public static String encrypted(String plainXml, WechatCrypto crypto, String token, long timestamp) {
    String encrypt = crypto.encrypt(plainXml);
    String ts = Long.toString(timestamp);
    String nonce = Long.toString(1_000_000_000L + (RANDOM.nextLong() & Long.MAX_VALUE) % 9_000_000_000L);
    Map<String, String> f = new LinkedHashMap<>();
    f.put("Encrypt", encrypt);
    f.put("MsgSignature", WechatSignature.sign(token, ts, nonce, encrypt));
    f.put("TimeStamp", ts);
    f.put("Nonce", nonce);
    return WechatXml.write(f);
  }
}
