package banban.connectors.wechat;

import java.util.Map;
import java.util.Optional;

/**
 * One Official Account the district connects: its URL name ({@code /wechat/<name>}), the token and
 * EncodingAESKey entered in the account's server settings, the AppId and AppSecret for API calls, whether
 * the account may use the customer-service message API, and what each menu key stands for.
 *
 * @param encodingAesKey empty when the account runs in plaintext mode only
 * @param menu CLICK event key → a knowledge-base entry id or category name
 */
public record WechatAccount(String name, String token, String appId, String appSecret, String encodingAesKey,
    boolean customerServiceApi, Map<String, String> menu) {

  public WechatAccount {
    menu = Map.copyOf(menu);
  }

  /** The cipher of the account, when it has an EncodingAESKey. */
  public Optional<WechatCrypto> crypto() {
    return encodingAesKey.isEmpty() ? Optional.empty() : Optional.of(new WechatCrypto(encodingAesKey, appId));
  }

  /** Secrets stay out of logs and exceptions. */
  @Override
  public String toString() {
    return "WechatAccount[" + name + ", appId=" + appId + ", customerServiceApi=" + customerServiceApi + "]";
  }
}
