package banban.connectors.wechat;

import banban.connectors.http.HttpError;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The URL each Official Account posts to, {@code /wechat/<account>}: URL verification on GET, messages on
 * POST in plaintext, compatible or safe mode. It checks what WeChat signs (token signature, timestamp
 * window, {@code msg_signature}, AppId inside the frame) before anything is parsed further, and hands
 * only verified, well-formed messages to the {@link WechatHandler}. AES and XML work on a few KiB stays
 * on the event loop: it takes microseconds, less than a hop to a worker.
 */
public final class WechatEndpoint {
  private record Account(WechatAccount config, Optional<WechatCrypto> crypto) {}

  private final Map<String, Account> accounts = new LinkedHashMap<>();
  private final WechatHandler handler;
  private final long windowSeconds;
  private final int maxBodyBytes;

  public WechatEndpoint(List<WechatAccount> accounts, WechatHandler handler, long windowSeconds, int maxBodyBytes) {
    accounts.forEach(a -> this.accounts.put(a.name(), new Account(a, a.crypto())));
    this.handler = handler;
    this.windowSeconds = windowSeconds;
    this.maxBodyBytes = maxBodyBytes;
  }

  public void mount(Router router) {
    router.post("/wechat/:account").handler(BodyHandler.create(false).setBodyLimit(maxBodyBytes));
    router.get("/wechat/:account").handler(this::verifyUrl);
    router.post("/wechat/:account").handler(this::receive);
  }

  private void verifyUrl(RoutingContext ctx) {
    Account a = account(ctx);
    checkUrlSignature(ctx.request(), a.config());
    String echo = ctx.request().getParam("echostr");
    if (echo == null || echo.isEmpty()) throw HttpError.badRequest("Parameter 'echostr' is required");
    ctx.response().putHeader("Content-Type", "text/plain; charset=utf-8").end(echo);
  }

  private void receive(RoutingContext ctx) {
    Account a = account(ctx);
    HttpServerRequest req = ctx.request();
    checkUrlSignature(req, a.config());
    String body = ctx.body().asString("UTF-8");
    if (body == null || body.isBlank()) throw HttpError.badRequest("The request body is empty");
    boolean encrypted = "aes".equals(req.getParam("encrypt_type"));
    WechatMessage message;
    try {
      Map<String, String> fields = WechatXml.parse(body);
      if (encrypted) fields = WechatXml.parse(decrypt(a, req, fields));
      message = WechatMessage.from(fields);
    } catch (WechatXml.Malformed e) {
      throw HttpError.badRequest("Malformed WeChat message: " + e.getMessage());
    }
    long started = System.currentTimeMillis() / 1000;
    // A failure here (the database is down, say) becomes a 500: WeChat then retries, and a message that
    // could not be stored is not silently acknowledged.
    handler.reply(a.config(), message).onFailure(ctx::fail).onSuccess(reply -> {
      String text = reply.orElse(null);
      if (text == null) {
        ctx.response().putHeader("Content-Type", "text/plain; charset=utf-8").end(PassiveReply.SUCCESS);
        return;
      }
      String xml = PassiveReply.text(message, text, started);
      if (encrypted) xml = PassiveReply.encrypted(xml, a.crypto().orElseThrow(), a.config().token(), started);
      ctx.response().putHeader("Content-Type", "application/xml; charset=utf-8").end(xml);
    });
  }

  private String decrypt(Account a, HttpServerRequest req, Map<String, String> envelope) throws WechatXml.Malformed {
    if (a.crypto().isEmpty()) throw HttpError.badRequest("This account has no EncodingAESKey: switch it to plaintext mode");
    String encrypt = envelope.get("Encrypt");
    if (encrypt == null || encrypt.isBlank()) throw new WechatXml.Malformed("field Encrypt is missing");
    if (!WechatSignature.verify(req.getParam("msg_signature"), a.config().token(), req.getParam("timestamp"),
        req.getParam("nonce"), encrypt)) {
      throw unauthorized("The msg_signature does not match");
    }
    try {
      return a.crypto().get().decrypt(encrypt);
    } catch (WechatCrypto.BadCiphertext e) {
      throw HttpError.badRequest("The Encrypt field does not decrypt: " + e.getMessage());
    } catch (WechatCrypto.WrongAppId e) {
      throw unauthorized("The message is encrypted for another AppId");
    }
  }

  private Account account(RoutingContext ctx) {
    Account a = accounts.get(ctx.pathParam("account"));
    if (a == null) throw HttpError.notFound("No WeChat account " + ctx.pathParam("account"));
    return a;
  }

  private void checkUrlSignature(HttpServerRequest req, WechatAccount a) {
    String timestamp = req.getParam("timestamp");
    String nonce = req.getParam("nonce");
    if (timestamp == null || nonce == null || !timestamp.matches("\\d{1,12}")) {
      throw unauthorized("Parameters 'timestamp' and 'nonce' are required");
    }
    if (Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(timestamp)) > windowSeconds) {
      throw unauthorized("The timestamp is outside the accepted window");
    }
    if (!WechatSignature.verify(req.getParam("signature"), a.token(), timestamp, nonce)) {
      throw unauthorized("The signature does not match");
    }
  }

  private static HttpError unauthorized(String message) {
    return new HttpError(401, "unauthorized", message);
  }
}
