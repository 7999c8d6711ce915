package banban.gateway.wechat;

import banban.gateway.Gateway;
import banban.gateway.config.GatewayConfig;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A real gateway with test WeChat accounts whose API calls go to the simulator. */
final class WechatGateways {
  static final String TOKEN = "banbanToken1";
  static final String APP_ID = "wx1234567890abcdef";
  // 43 letters and digits; WxJava's strict Base64 wants the unused low bits of the last one zero.
  static final String AES_KEY = "kWxPEV2UEDyxWpmPdKC3F4dgPDmOvfKX1HGnEUDS1aE";
  static final String FAQ_ID = "hpf-001";

  private WechatGateways() {}

  static JsonArray accounts() {
    return new JsonArray()
        .add(new JsonObject().put("name", "district").put("token", TOKEN).put("appId", APP_ID).put("appSecret", "secret")
            .put("encodingAesKey", AES_KEY).put("customerServiceApi", true)
            .put("menu", new JsonObject().put("KEY_HPF", FAQ_ID).put("KEY_UNKNOWN_TARGET", "住房公积金")))
        .add(new JsonObject().put("name", "city").put("token", TOKEN).put("appId", "wxabcdef1234567890").put("appSecret", "secret")
            .put("encodingAesKey", AES_KEY).put("customerServiceApi", true))
        .add(new JsonObject().put("name", "subscription").put("token", TOKEN).put("appId", "wx0000000000000001"));
  }

  static Gateway start(Vertx vertx, Path dir, String apiBase, int deadlineMs) throws Exception {
    GatewayConfig config = GatewayConfig.fromJson(GatewayConfig.defaults()
        .put(GatewayConfig.HTTP_PORT, "0")
        .put(GatewayConfig.HTTP_HOST, "127.0.0.1")
        .put(GatewayConfig.DATA_DIR, dir.toString())
        .put(GatewayConfig.WECHAT_ACCOUNTS, accounts().encode())
        .put(GatewayConfig.WECHAT_API_BASE, apiBase)
        .put(GatewayConfig.WECHAT_REPLY_DEADLINE_MS, Integer.toString(deadlineMs)));
    return Gateway.start(vertx, config).await(120, TimeUnit.SECONDS);
  }
}
