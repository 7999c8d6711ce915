package banban.connectors;

/**
 * One citizen message as every channel hands it to the conversation service.
 *
 * @param conversationId the conversation it belongs to
 * @param channel web, wechat, ...
 * @param text what the citizen typed (or the text of a clicked suggestion)
 * @param chosenFaqId the FAQ entry the citizen picked from a clarifying list, or null
 * @param dedupeKey a key that identifies a retried delivery of the same message, or null
 */
public record InboundMessage(String conversationId, String channel, String text, String chosenFaqId, String dedupeKey) {

  public static InboundMessage text(String conversationId, String channel, String text) {
    return new InboundMessage(conversationId, channel, text, null, null);
  }
}
