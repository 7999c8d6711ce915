package banban.gateway.workorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import banban.gateway.config.ConfigException;
import banban.gateway.config.GatewayConfig;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HotlineSettingsTest {
  static JsonObject defaults() {
    return GatewayConfig.defaults();
  }

  @Test
  @DisplayName("By default no platform is configured, routing is off and the seven categories map to district departments")
  void defaults_() {
    HotlineSettings h = GatewayConfig.fromJson(defaults()).hotline();
    assertThat(h.url()).isEmpty();
    assertThat(h.routingData()).isEmpty();
    assertThat(h.departments()).hasSize(7).containsEntry("环境保护", "区生态环境分局");
  }

  @Test
  @DisplayName("A platform URL needs an http(s) URL and a signing secret of 16+ characters; each mistake names its key")
  void urlAndSecret() {
    assertThatThrownBy(() -> GatewayConfig.fromJson(defaults().put(GatewayConfig.HOTLINE_URL, "ftp://x")))
        .isInstanceOf(ConfigException.class).hasMessageContaining(GatewayConfig.HOTLINE_URL);
    assertThatThrownBy(() -> GatewayConfig.fromJson(defaults().put(GatewayConfig.HOTLINE_URL, "http://12345.local").put(GatewayConfig.HOTLINE_SECRET, "short")))
        .isInstanceOf(ConfigException.class).hasMessageContaining(GatewayConfig.HOTLINE_SECRET);
    HotlineSettings ok = GatewayConfig.fromJson(defaults().put(GatewayConfig.HOTLINE_URL, "https://12345.local/api")
        .put(GatewayConfig.HOTLINE_SECRET, "a-long-enough-secret")).hotline();
    assertThat(ok.url()).contains("https://12345.local/api");
  }

  @Test
  @DisplayName("BANBAN_DEPARTMENTS is parsed as category=department pairs; a malformed pair stops start-up")
  void departments() {
    HotlineSettings h = GatewayConfig.fromJson(defaults().put(GatewayConfig.DEPARTMENTS, "城乡建设=区城管局; 交通运输 = 区交通局 ;")).hotline();
    assertThat(h.departments()).containsExactly(java.util.Map.entry("城乡建设", "区城管局"), java.util.Map.entry("交通运输", "区交通局"));
    assertThatThrownBy(() -> GatewayConfig.fromJson(defaults().put(GatewayConfig.DEPARTMENTS, "城乡建设")))
        .isInstanceOf(ConfigException.class).hasMessageContaining(GatewayConfig.DEPARTMENTS);
    assertThatThrownBy(() -> GatewayConfig.fromJson(defaults().put(GatewayConfig.HOTLINE_MAX_ATTEMPTS, "0")))
        .isInstanceOf(ConfigException.class).hasMessageContaining(GatewayConfig.HOTLINE_MAX_ATTEMPTS);
  }
}
