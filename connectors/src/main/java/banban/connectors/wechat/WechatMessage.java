package banban.connectors.wechat;

import java.util.Map;

/**
 * One message or event WeChat posts to the account's URL, with the fields the gateway uses.
 *
 * @param toUser the account's original id (gh_...)
 * @param fromUser the follower's OpenID for this account
 * @param createTime seconds since the epoch, as WeChat stamped it
 * @param type text, voice, image, event, ...
 * @param content the text of a text message, else empty
 * @param msgId WeChat's id of a message; empty for events, which have none
 * @param event subscribe, unsubscribe, CLICK, ... for events, else empty
 * @param eventKey the menu key of a CLICK (or the QR scene), else empty
 * @param recognition speech WeChat recognised in a voice message, else empty
 */
public record WechatMessage(String toUser, String fromUser, long createTime, String type, String content, String msgId,
    String event, String eventKey, String recognition) {

  /** The message from a parsed document; missing or malformed required fields are refused. */
  public static WechatMessage from(Map<String, String> f) throws WechatXml.Malformed {
    String type = required(f, "MsgType");
    String createTime = required(f, "CreateTime");
    if (!createTime.matches("\\d{1,12}")) throw new WechatXml.Malformed("CreateTime must be a number");
    boolean event = "event".equals(type);
    String msgId = f.getOrDefault("MsgId", "").strip();
    if (!event && !msgId.matches("\\d{1,24}")) throw new WechatXml.Malformed("MsgId is missing or not a number");
    WechatMessage m = new WechatMessage(required(f, "ToUserName"), required(f, "FromUserName"), Long.parseLong(createTime),
        type, f.getOrDefault("Content", ""), msgId, event ? required(f, "Event") : "", f.getOrDefault("EventKey", "").strip(),
        f.getOrDefault("Recognition", "").strip());
    if ("text".equals(type) && m.content().isBlank()) throw new WechatXml.Malformed("a text message needs Content");
    if (m.fromUser().length() > 128) throw new WechatXml.Malformed("FromUserName is too long");
    return m;
  }

  private static String required(Map<String, String> f, String name) throws WechatXml.Malformed {
    String v = f.get(name);
    if (v == null || v.isBlank()) throw new WechatXml.Malformed("field " + name + " is missing");
    return v.strip();
  }

  public boolean isEvent() {
    return "event".equals(type);
  }

  /**
   * What identifies retries of this delivery. MsgId alone has been seen to collide across followers, so
   * the follower is part of the key; events have no MsgId and are identified by what they carry.
   */
  public String dedupeKey() {
    return isEvent() ? fromUser + "|" + createTime + "|" + event + "|" + eventKey : fromUser + "|" + msgId;
  }

  /** What the citizen said in words: the text, or the speech WeChat recognised; empty if neither. */
  public String words() {
    if ("text".equals(type)) return content.strip();
    if ("voice".equals(type)) return recognition;
    return "";
  }
}
