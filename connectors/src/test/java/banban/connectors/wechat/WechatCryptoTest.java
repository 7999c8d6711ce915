package banban.connectors.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import me.chanjar.weixin.common.util.crypto.SHA1;
import me.chanjar.weixin.common.util.crypto.WxCryptUtil;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The AES frame and signatures against WeChat's published sample and WxJava's implementation. */
class WechatCryptoTest {
  // WeChat's published test vector (the official WXBizMsgCrypt demo; not live credentials).
  static final String KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
  static final String TOKEN = "pamtest";
  static final String APP_ID = "wxb11529c136998cb6";
  static final String PLAIN = "我是中文abcd123";
  static final String CIPHER = "jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg==";

  final WechatCrypto crypto = new WechatCrypto(KEY, APP_ID);

  @Test
  @DisplayName("Encrypting WeChat's sample with its random bytes gives exactly the published ciphertext")
  void publishedEncryption() {
    assertThat(crypto.encrypt("aaaabbbbccccdddd".getBytes(StandardCharsets.US_ASCII), PLAIN)).isEqualTo(CIPHER);
  }

  @Test
  @DisplayName("The published ciphertext decrypts to the sample text")
  void publishedDecryption() throws Exception {
    assertThat(crypto.decrypt(CIPHER)).isEqualTo(PLAIN);
  }

  @Test
  @DisplayName("What WxJava encrypts we decrypt, and what we encrypt WxJava decrypts, with long Chinese text padded to 32 bytes")
  void interoperatesWithWxJava() throws Exception {
    // WxJava's Base64 decoder is strict about the unused low bits of the 43rd character, which the
    // published sample key sets; keys WeChat generates leave them zero, like this one.
    String key = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFE";
    WechatCrypto crypto = new WechatCrypto(key, APP_ID);
    WxCryptUtil wx = new WxCryptUtil(TOKEN, key, APP_ID);
    String text = "<xml><Content><![CDATA[" + "公积金提取".repeat(50) + "]]></Content></xml>";
    assertThat(crypto.decrypt(wx.encrypt("0123456789abcdef", text))).isEqualTo(text);
    assertThat(wx.decrypt(crypto.encrypt(text))).isEqualTo(text);
    for (int n = 0; n < 40; n++) {
      String s = "x".repeat(n);
      assertThat(wx.decrypt(crypto.encrypt(s))).isEqualTo(s);
    }
  }

  @Test
  @DisplayName("A frame encrypted for another AppId is refused even though it decrypts")
  void wrongAppId() {
    String other = new WechatCrypto(KEY, "wx0000000000000000").encrypt("<xml/>");
    assertThatThrownBy(() -> crypto.decrypt(other)).isInstanceOf(WechatCrypto.WrongAppId.class);
  }

  @Test
  @DisplayName("Garbage, truncated or tampered ciphertext is refused as bad ciphertext, never with a crash")
  void badCiphertext() {
    assertThatThrownBy(() -> crypto.decrypt("not base64 !!")).isInstanceOf(WechatCrypto.BadCiphertext.class);
    assertThatThrownBy(() -> crypto.decrypt(CIPHER.substring(0, 20))).isInstanceOf(WechatCrypto.BadCiphertext.class);
    String tampered = "A" + CIPHER.substring(1);
    assertThatThrownBy(() -> crypto.decrypt(tampered)).isInstanceOfAny(WechatCrypto.BadCiphertext.class, WechatCrypto.WrongAppId.class);
  }

  @Test
  @DisplayName("An EncodingAESKey that is not 43 letters and digits is refused at configuration time")
  void badKey() {
    assertThatThrownBy(() -> new WechatCrypto("short", APP_ID)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("Signatures equal WxJava's SHA1.gen over the sorted parts; a forged or missing one does not verify")
  void signatures() {
    assertThat(WechatSignature.sign(TOKEN, "1409304348", "xxxxxx")).isEqualTo(SHA1.gen(TOKEN, "1409304348", "xxxxxx"));
    assertThat(WechatSignature.sign(TOKEN, "1409304348", "xxxxxx", CIPHER)).isEqualTo(SHA1.gen(TOKEN, "1409304348", "xxxxxx", CIPHER));
    String good = SHA1.gen(TOKEN, "1409304348", "xxxxxx");
    assertThat(WechatSignature.verify(good, TOKEN, "1409304348", "xxxxxx")).isTrue();
    assertThat(WechatSignature.verify(good.toUpperCase(), TOKEN, "1409304348", "xxxxxx")).isTrue();
    assertThat(WechatSignature.verify(good, TOKEN, "1409304349", "xxxxxx")).isFalse();
    assertThat(WechatSignature.verify(null, TOKEN, "1409304348", "xxxxxx")).isFalse();
    assertThat(WechatSignature.verify("", TOKEN, "1409304348", "xxxxxx")).isFalse();
  }
}
