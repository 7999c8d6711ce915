package banban.connectors.wechat;

import io.vertx.core.Future;
import java.util.Optional;

/** What the gateway does with a verified message: the text of the passive reply, or empty for "success". */
@FunctionalInterface
public interface WechatHandler {
  Future<Optional<String>> reply(WechatAccount account, WechatMessage message);
}
