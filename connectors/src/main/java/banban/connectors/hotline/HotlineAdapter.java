package banban.connectors.hotline;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * What banban needs from a city's 12345 platform (see docs/hotline-protocol.md). A city whose platform
 * speaks another protocol implements this interface; {@link HttpHotlineAdapter} speaks banban's own.
 * Both calls are idempotent per key: the platform must answer a repeated key with the first answer.
 */
public interface HotlineAdapter {

  /** Files an order; succeeds with the platform's acknowledgement ({@code platformNo, status}). */
  Future<JsonObject> submit(String idempotencyKey, JsonObject order);

  /** Asks the platform to bridge citizen, operator and a 12345 agent; succeeds with {@code callId, status}. */
  Future<JsonObject> requestThreeWayCall(String idempotencyKey, JsonObject request);
}
