package banban.connectors.wechat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The two calls of WeChat's server API the gateway makes: the stable access token and the
 * customer-service text message. The stable-token endpoint is used rather than the classic one because
 * it does not invalidate the token other gateway instances hold. Requests time out on their own, so a
 * WeChat outage costs a delivery attempt and never a waiting citizen.
 */
public final class CustomerServiceApi {
  public static final String DEFAULT_BASE = "https://api.weixin.qq.com";
  /** The access token is not valid (another holder refreshed it). */
  public static final int TOKEN_INVALID = 40001;
  /** The access token expired. */
  public static final int TOKEN_EXPIRED = 42001;
  /** More than 48 hours since the follower last wrote, or the follower unsubscribed. */
  public static final int OUT_OF_WINDOW = 45015;
  /** The follower's budget of customer-service messages is used up. */
  public static final int OVER_BUDGET = 45047;

  /** An access token and how many seconds WeChat says it lives. */
  public record Token(String value, long expiresInSeconds) {}

  /** WeChat's answer to a send: errcode 0 is success. */
  public record Result(int errcode, String errmsg) {
    public boolean ok() {
      return errcode == 0;
    }
  }

  /** The token endpoint refused (wrong AppSecret, IP not on the whitelist, ...). */
  public static final class ApiException extends RuntimeException {
    public ApiException(String message) {
      super(message, null, false, false);
    }
  }

  private final HttpClient http;
  private final String base;
  private final long timeoutMs;

  public CustomerServiceApi(Vertx vertx, String base, long timeoutMs) {
    this.http = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout((int) timeoutMs));
    this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    this.timeoutMs = timeoutMs;
  }

  public Future<Token> token(String appId, String appSecret) {
    JsonObject body = new JsonObject().put("grant_type", "client_credential").put("appid", appId)
        .put("secret", appSecret).put("force_refresh", false);
    return post("/cgi-bin/stable_token", body).map(json -> {
      String token = json.getString("access_token");
      if (token == null || token.isEmpty()) {
        throw new ApiException("token request for " + appId + " refused: errcode " + json.getInteger("errcode")
            + " " + json.getString("errmsg", ""));
      }
      return new Token(token, json.getLong("expires_in", 7200L));
    });
  }

  public Future<Result> sendText(String accessToken, String openId, String text) {
    JsonObject body = new JsonObject().put("touser", openId).put("msgtype", "text")
        .put("text", new JsonObject().put("content", text));
    return post("/cgi-bin/message/custom/send?access_token=" + URLEncoder.encode(accessToken, StandardCharsets.UTF_8), body)
        .map(json -> new Result(json.getInteger("errcode", 0), json.getString("errmsg", "")));
  }

  private Future<JsonObject> post(String path, JsonObject body) {
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(base + path)
        .setTimeout(timeoutMs).putHeader("Content-Type", "application/json; charset=utf-8");
    return http.request(options)
        .compose(req -> req.send(Buffer.buffer(body.encode())))
        .compose(resp -> resp.statusCode() == 200 ? resp.body()
            : Future.failedFuture(new ApiException("WeChat API answered HTTP " + resp.statusCode() + " to " + path.replaceAll("\\?.*", ""))))
        .map(Buffer::toJsonObject);
  }

  public Future<Void> close() {
    return http.close();
  }
}
