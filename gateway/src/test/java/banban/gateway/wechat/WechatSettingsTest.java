package banban.gateway.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import banban.gateway.config.ConfigException;
import banban.gateway.config.GatewayConfig;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** BANBAN_WECHAT_ACCOUNTS and the other WeChat keys, as GatewayConfig reads them. */
class WechatSettingsTest {
  static GatewayConfig config(Object accounts) {
    return GatewayConfig.fromJson(GatewayConfig.defaults().put(GatewayConfig.WECHAT_ACCOUNTS, accounts));
  }

  @Test
  @DisplayName("Absent means WeChat off; a JSON string (environment) and a YAML list (file) give the same accounts")
  void parses() {
    assertThat(config("").wechat().enabled()).isFalse();
    JsonArray list = WechatGateways.accounts();
    var fromString = config(list.encode()).wechat();
    var fromList = config(list).wechat();
    assertThat(fromString.accounts()).hasSize(3).isEqualTo(fromList.accounts());
    assertThat(fromString.accounts().get(0).menu()).containsEntry("KEY_HPF", "hpf-001");
    assertThat(fromString.replyDeadlineMs()).isEqualTo(4000);
    assertThat(fromString.apiBase()).isEqualTo("https://api.weixin.qq.com");
    assertThat(fromString.accounts().get(0).toString()).doesNotContain("secret").doesNotContain(WechatGateways.AES_KEY);
  }

  @Test
  @DisplayName("Bad values stop start-up with a message naming the key, the account and the expected form")
  void refuses() {
    JsonObject ok = WechatGateways.accounts().getJsonObject(0);
    assertThatThrownBy(() -> config("[{oops")).isInstanceOf(ConfigException.class).hasMessageContaining("BANBAN_WECHAT_ACCOUNTS");
    assertThatThrownBy(() -> config(new JsonArray().add(ok).add(ok.copy())))
        .isInstanceOf(ConfigException.class).hasMessageContaining("appears twice");
    assertThatThrownBy(() -> config(new JsonArray().add(ok.copy().put("encodingAesKey", "short"))))
        .isInstanceOf(ConfigException.class).hasMessageContaining("'district'").hasMessageContaining("encodingAesKey");
    assertThatThrownBy(() -> config(new JsonArray().add(ok.copy().put("appSecret", ""))))
        .isInstanceOf(ConfigException.class).hasMessageContaining("appSecret");
    assertThatThrownBy(() -> config(new JsonArray().add(ok.copy().put("name", "Bad Name"))))
        .isInstanceOf(ConfigException.class).hasMessageContaining("name");
    assertThatThrownBy(() -> config(new JsonArray().add(ok.copy().put("tokn", "x"))))
        .isInstanceOf(ConfigException.class).hasMessageContaining("unknown field 'tokn'");
    assertThatThrownBy(() -> GatewayConfig.fromJson(GatewayConfig.defaults().put(GatewayConfig.WECHAT_REPLY_DEADLINE_MS, "6000")))
        .isInstanceOf(ConfigException.class).hasMessageContaining(GatewayConfig.WECHAT_REPLY_DEADLINE_MS);
  }
}
