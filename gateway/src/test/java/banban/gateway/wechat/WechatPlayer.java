package banban.gateway.wechat;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import me.chanjar.weixin.common.util.crypto.SHA1;
import me.chanjar.weixin.common.util.crypto.WxCryptUtil;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.config.impl.WxMpDefaultConfigImpl;

/**
 * Plays WeChat's server for one account in tests: WxJava signs and encrypts what it posts and decrypts
 * and checks the signature of what the gateway replies.
 */
final class WechatPlayer {
  enum Mode { PLAINTEXT, COMPATIBLE, SAFE }

  /** What came back: the HTTP status, the raw body, and the text of the reply message (null for "success"). */
  record Reply(int status, String body, String content) {
    boolean success() {
      return status == 200 && "success".equals(body);
    }
  }

  final String account;
  final String token;
  final String appId;
  final String aesKey;
  private final WebClient client;
  private final int port;
  private final WxMpDefaultConfigImpl config = new WxMpDefaultConfigImpl();

  WechatPlayer(WebClient client, int port, String account, String token, String appId, String aesKey) {
    this.client = client;
    this.port = port;
    this.account = account;
    this.token = token;
    this.appId = appId;
    this.aesKey = aesKey;
    config.setToken(token);
    config.setAppId(appId);
    config.setAesKey(aesKey);
  }

  static String text(String openId, long msgId, String content) {
    return "<xml><ToUserName><![CDATA[gh_district]]></ToUserName><FromUserName><![CDATA[" + openId + "]]></FromUserName>"
        + "<CreateTime>" + now() + "</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[" + content + "]]></Content>"
        + "<MsgId>" + msgId + "</MsgId></xml>";
  }

  static String event(String openId, String event, String key) {
    return "<xml><ToUserName><![CDATA[gh_district]]></ToUserName><FromUserName><![CDATA[" + openId + "]]></FromUserName>"
        + "<CreateTime>" + now() + "</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[" + event + "]]></Event>"
        + "<EventKey><![CDATA[" + key + "]]></EventKey></xml>";
  }

  static long now() {
    return System.currentTimeMillis() / 1000;
  }

  /** Posts a message as WeChat would in the given mode, with a fresh timestamp and nonce. */
  Reply post(Mode mode, String xml) {
    return send(request(mode, xml, now(), token, appId), mode);
  }

  /** The request WeChat would make, with knobs to forge it: timestamp, signing token, AppId in the frame. */
  Prepared request(Mode mode, String xml, long timestamp, String signingToken, String frameAppId) {
    String ts = Long.toString(timestamp);
    String nonce = Integer.toString(ThreadLocalRandom.current().nextInt(100_000_000, 999_999_999));
    String query = "/wechat/" + account + "?signature=" + SHA1.gen(signingToken, ts, nonce) + "&timestamp=" + ts + "&nonce=" + nonce
        + "&openid=o";
    if (mode == Mode.PLAINTEXT) return new Prepared(query, xml);
    String encrypt = new WxCryptUtil(token, aesKey, frameAppId).encrypt(randomString(), xml);
    String body = mode == Mode.SAFE
        ? "<xml><ToUserName><![CDATA[gh_district]]></ToUserName><Encrypt><![CDATA[" + encrypt + "]]></Encrypt></xml>"
        : xml.replace("</xml>", "<Encrypt><![CDATA[" + encrypt + "]]></Encrypt></xml>");
    return new Prepared(query + "&encrypt_type=aes&msg_signature=" + SHA1.gen(signingToken, ts, nonce, encrypt), body);
  }

  record Prepared(String uri, String body) {}

  HttpRequest<Buffer> raw(String uri) {
    return client.post(port, "127.0.0.1", uri).putHeader("Content-Type", "text/xml");
  }

  Reply send(Prepared p, Mode mode) {
    return read(raw(p.uri()).sendBuffer(Buffer.buffer(p.body())).await(), mode);
  }

  Reply read(HttpResponse<Buffer> r, Mode mode) {
    String body = r.bodyAsString();
    if (r.statusCode() != 200 || "success".equals(body)) return new Reply(r.statusCode(), body, null);
    WxMpXmlMessage m = mode == Mode.PLAINTEXT ? WxMpXmlMessage.fromXml(body)
        : WxMpXmlMessage.fromEncryptedXml(body, config, field(body, "TimeStamp"), field(body, "Nonce"), field(body, "MsgSignature"));
    if (!"text".equals(m.getMsgType())) throw new AssertionError("reply is not a text message: " + body);
    return new Reply(200, body, m.getContent());
  }

  private static String field(String xml, String name) {
    Matcher m = Pattern.compile("<" + name + ">(?:<!\\[CDATA\\[)?(.*?)(?:]]>)?</" + name + ">").matcher(xml);
    if (!m.find()) throw new AssertionError("reply has no " + name + ": " + xml);
    return m.group(1);
  }

  private static String randomString() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 16; i++) sb.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
    return sb.toString();
  }
}
