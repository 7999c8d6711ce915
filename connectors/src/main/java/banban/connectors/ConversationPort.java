package banban.connectors;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * What channels need from the conversation service; the gateway implements it. Messages travel as
 * their JSON form ({@code id, sender, text, createdAt, payload}) so connectors stay free of the
 * engine's types. Failures are {@link banban.connectors.http.HttpError}s (404 unknown conversation, 403
 * wrong token, 409 illegal request).
 */
public interface ConversationPort {

  /** A new conversation and the secret that authorises its citizen: {@code {id, token, state}}. */
  Future<JsonObject> open(String channel, String citizenRef);

  /** Succeeds when the token belongs to the conversation. */
  Future<Void> authorize(String conversationId, String token);

  /** Stores the citizen's message, then lets the bot answer if it may: the stored messages, in order. */
  Future<JsonArray> receive(InboundMessage message);

  /** {@code {state, queuePosition, messages}} with the messages after the given id. */
  Future<JsonObject> transcript(String conversationId, long afterId);

  /** The citizen's 有用 / 没用 on a bot answer: the bot's reply messages. */
  Future<JsonArray> feedback(String conversationId, long messageId, boolean helpful);

  /** The citizen asks for a person: {@code {state, queuePosition, messages}}. */
  Future<JsonObject> requestHuman(String conversationId);

  /**
   * The citizen's rating of a service an operator closed: satisfied, basically_satisfied or
   * dissatisfied, with an optional comment; the thank-you message. 409 when there is nothing to rate.
   */
  Future<JsonArray> rate(String conversationId, String rating, String comment);

  /** The event-bus address on which live events of the conversation are published. */
  String streamAddress(String conversationId);
}
