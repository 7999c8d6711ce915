package banban.gateway.conversation;

import banban.connectors.ConversationPort;
import banban.connectors.InboundMessage;
import banban.connectors.http.HttpError;
import banban.gateway.console.ConsoleEvents;
import banban.gateway.kb.KnowledgeService;
import banban.gateway.workorder.WorkOrderDialogue;
import banban.kb.Decision;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The conversation engine every channel shares. It stores the citizen's message before anything answers
 * it, then lets the bot take its turn only when the conversation's state allows, and publishes every
 * stored message on the event bus for live streams.
 */
public final class ConversationService implements ConversationPort {
  private static final Logger log = LoggerFactory.getLogger(ConversationService.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Vertx vertx;
  private final ConversationStore store;
  private final KnowledgeService knowledge;
  private final Texts texts;
  private final BotTurn turn;
  private final Function<String, Future<Decision>> asker;
  private final Ratings ratings;
  private WorkOrderDialogue workOrders;

  public ConversationService(Vertx vertx, ConversationStore store, KnowledgeService knowledge) {
    this(vertx, store, knowledge, knowledge::ask);
  }

  /** With another way of asking the knowledge base: tests use it to make the answer fail. */
  ConversationService(Vertx vertx, ConversationStore store, KnowledgeService knowledge,
      Function<String, Future<Decision>> asker) {
    this.vertx = vertx;
    this.store = store;
    this.knowledge = knowledge;
    this.asker = asker;
    this.texts = Texts.load();
    this.turn = new BotTurn(texts);
    this.ratings = new Ratings(store, texts);
  }

  /** Hands ticket turns, and the citizen's replies while a draft is open, to the 12345 filing dialogue. */
  public void workOrders(WorkOrderDialogue dialogue) {
    this.workOrders = dialogue;
  }

  @Override
  public Future<JsonObject> open(String channel, String citizenRef) {
    UUID id = UUID.randomUUID();
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    return store.pool().withTransaction(c -> store.create(c, id, channel, citizenRef, sha256(token))
            .compose(v -> store.insertMessage(c, id.toString(), "bot", texts.get("welcome"), null)))
        .map(welcome -> new JsonObject().put("id", id.toString()).put("token", token).put("state", ConversationState.BOT.wireName()));
  }

  /**
   * The conversation of a citizen the channel itself identifies (a WeChat follower), created on first
   * contact: one per citizen and channel, even when two first messages arrive at once.
   */
  public Future<String> conversationOf(String channel, String citizenRef) {
    return store.pool().withTransaction(c -> store.lockCitizen(c, channel, citizenRef)
        .compose(v -> store.latest(c, channel, citizenRef))
        .compose(found -> {
          if (found.isPresent()) return Future.succeededFuture(found.get());
          UUID id = UUID.randomUUID();
          byte[] secret = new byte[32];
          RANDOM.nextBytes(secret);
          // The channel authenticates this citizen; the token is never handed out and only fills the column.
          return store.create(c, id, channel, citizenRef, sha256(Base64.getEncoder().encodeToString(secret))).map(v -> id.toString());
        }));
  }

  @Override
  public Future<Void> authorize(String conversationId, String token) {
    return store.tokenDigest(conversationId).compose(digest -> {
      if (digest.isEmpty()) return Future.failedFuture(HttpError.notFound("No such conversation"));
      boolean ok = MessageDigest.isEqual(digest.get().getBytes(), sha256(token == null ? "" : token).getBytes());
      return ok ? Future.succeededFuture() : Future.failedFuture(HttpError.forbidden("This token does not open this conversation"));
    });
  }

  @Override
  public Future<JsonArray> receive(InboundMessage in) {
    String id = in.conversationId();
    if (in.dedupeKey() != null) return receiveOnce(in);
    // Stored and committed on its own first: whatever happens to the answer, the citizen's words are kept.
    return store.pool().withConnection(c -> store.insertMessage(c, id, "citizen", in.text(), null))
        .onSuccess(publishLater(id))
        .compose(citizen -> answer(in, citizen));
  }

  /**
   * A delivery with a key (WeChat) is stored once. When the key is already stored, an instance handled
   * it and died: its answer is replayed, or, if it died before answering, the bot answers now.
   */
  private Future<JsonArray> receiveOnce(InboundMessage in) {
    String id = in.conversationId();
    return store.pool().withConnection(c -> store.insertCitizenMessage(c, id, in.text(), in.dedupeKey()))
        .compose(stored -> {
          if (stored.isPresent()) {
            publishLater(id).handle(stored.get());
            return answer(in, stored.get());
          }
          return store.delivery(in.dedupeKey()).compose(earlier -> {
            log.info("Delivery {} of conversation {} was stored before; {}", in.dedupeKey(), id,
                earlier.size() > 1 ? "replaying its answer" : "answering it now");
            return earlier.size() > 1 ? Future.succeededFuture(earlier) : answer(in, earlier.getJsonObject(0));
          });
        });
  }

  private Future<JsonArray> answer(InboundMessage in, JsonObject citizen) {
    return botTurn(in).recover(e -> apologise(in.conversationId(), in.text(), e))
        .map(replies -> new JsonArray().add(citizen).addAll(replies));
  }

  private Future<JsonArray> botTurn(InboundMessage in) {
    String id = in.conversationId();
    return store.pool().withTransaction(c -> store.load(c, id, true).compose(conv -> {
      ConversationState state = conv.state() == ConversationState.CLOSED ? ConversationState.BOT : conv.state();
      // An open work-order draft (or "我的工单进度") takes the turn, unless an operator holds the conversation.
      Future<JsonArray> filing = workOrders == null || state == ConversationState.WITH_OPERATOR
          ? Future.succeededFuture() : workOrders.continueDraft(c, conv, in.text());
      return filing.compose(handled -> handled != null ? Future.succeededFuture(handled) : ordinaryTurn(c, conv, state, in));
    })).onSuccess(publishAll(id)).onSuccess(out -> {
      if (out.stream().anyMatch(m -> ((JsonObject) m).getJsonObject("payload") != null
          && ((JsonObject) m).getJsonObject("payload").containsKey("queuePosition"))) {
        queueChanged();
      }
    });
  }

  private Future<JsonArray> ordinaryTurn(io.vertx.sqlclient.SqlClient c, Conversation conv, ConversationState state, InboundMessage in) {
      String id = in.conversationId();
      if (!state.botMaySpeak()) {
        // A person owns the conversation or is about to: the bot stays silent.
        return store.update(c, id, state, conv.fallbackStreak(), conv.pendingChoices()).map(v -> new JsonArray());
      }
      String picked = in.chosenFaqId() != null ? in.chosenFaqId()
          : BotTurn.numberedChoice(in.text(), conv.pendingChoices()).orElse(null);
      return decide(in.text(), picked).compose(decision -> {
        if (workOrders != null && decision.action() == Decision.Action.TICKET) return workOrders.start(c, conv, in.text(), decision);
        BotReply reply = turn.reply(decision, conv);
        return store.insertMessage(c, id, "bot", reply.text(), reply.payload()).compose(bot -> {
          JsonArray out = new JsonArray().add(bot);
          Future<Void> unanswered = reply.unansweredReason() == null ? Future.succeededFuture()
              : store.recordUnanswered(c, id, bot.getLong("id"), in.text(), reply.unansweredReason(), candidates(decision));
          ConversationState next = reply.queue() ? ConversationState.QUEUED : state;
          return unanswered
              .compose(v -> store.update(c, id, next, reply.fallbackStreak(), reply.pendingChoices()))
              .compose(v -> reply.queue() ? queuedNotice(c, id, false).map(out::add) : Future.succeededFuture(out));
        });
      });
  }

  private Future<Decision> decide(String text, String pickedFaqId) {
    if (pickedFaqId != null) {
      var entry = knowledge.knowledgeBase().entry(pickedFaqId);
      if (entry.isPresent()) {
        var e = entry.get();
        return Future.succeededFuture(new Decision(Decision.Action.ANSWER, e.id(), e.question(), e.answer(), e.department(),
            1.0, List.of(), List.of()));
      }
    }
    return asker.apply(text);
  }

  private Future<JsonArray> apologise(String id, String text, Throwable cause) {
    log.error("Bot turn failed for conversation {}; the citizen's message is stored", id, cause);
    return store.pool().withTransaction(c -> store.insertMessage(c, id, "system", texts.get("error"), null)
            .compose(m -> store.recordUnanswered(c, id, m.getLong("id"), text, "error", new JsonArray()).map(m)))
        .map(m -> new JsonArray().add(m))
        .onSuccess(publishAll(id))
        .otherwise(e -> new JsonArray());
  }

  @Override
  public Future<JsonObject> transcript(String conversationId, long afterId) {
    return store.pool().withConnection(c -> store.load(c, conversationId, false)
        .compose(conv -> store.queuePosition(c, conversationId)
            .compose(pos -> store.messagesAfter(conversationId, afterId)
                .map(msgs -> new JsonObject().put("state", conv.state().wireName()).put("queuePosition", pos).put("messages", msgs)))));
  }

  @Override
  public Future<JsonArray> feedback(String conversationId, long messageId, boolean helpful) {
    return store.pool().withTransaction(c -> store.message(c, conversationId, messageId).compose(m -> {
      JsonObject payload = m.map(x -> x.getJsonObject("payload")).orElse(null);
      if (m.isEmpty() || !"bot".equals(m.get().getString("sender")) || payload == null || !payload.getBoolean("askFeedback", false)) {
        return Future.failedFuture(HttpError.notFound("No bot answer " + messageId + " in this conversation"));
      }
      return store.recordFeedback(c, conversationId, messageId, helpful).compose(first -> {
        if (!first) return Future.failedFuture(HttpError.conflict("Feedback for this answer was already given"));
        JsonObject replyPayload = new JsonObject().put("action", "feedback").put("offerHuman", !helpful);
        Future<Void> unanswered = helpful ? Future.succeededFuture()
            : store.recordUnanswered(c, conversationId, messageId, payload.getString("question", ""), "not_helpful",
                new JsonArray().add(new JsonObject().put("faqId", payload.getString("faqId"))));
        return unanswered.compose(v -> store.insertMessage(c, conversationId, "bot",
            texts.get(helpful ? "feedback.thanks" : "feedback.sorry"), replyPayload));
      });
    })).map(m -> new JsonArray().add(m)).onSuccess(publishAll(conversationId));
  }

  @Override
  public Future<JsonObject> requestHuman(String conversationId) {
    return store.pool().withTransaction(c -> store.load(c, conversationId, true).compose(conv -> {
      if (conv.state() == ConversationState.WITH_OPERATOR) {
        return store.insertMessage(c, conversationId, "system", texts.get("with.operator"), null)
            .map(m -> new JsonArray().add(m));
      }
      boolean already = conv.state() == ConversationState.QUEUED;
      return store.update(c, conversationId, ConversationState.QUEUED, 0, List.of())
          .compose(v -> queuedNotice(c, conversationId, already)).map(m -> new JsonArray().add(m));
    })).compose(msgs -> {
      publishAll(conversationId).handle(msgs);
      return store.pool().withConnection(c -> store.load(c, conversationId, false)
          .compose(conv -> store.queuePosition(c, conversationId).map(pos -> {
            JsonObject state = new JsonObject().put("state", conv.state().wireName()).put("queuePosition", pos);
            vertx.eventBus().publish(streamAddress(conversationId), state.copy().put("type", "state"));
            queueChanged();
            return state.put("messages", msgs);
          })));
    });
  }

  @Override
  public Future<JsonArray> rate(String conversationId, String rating, String comment) {
    return ratings.rate(conversationId, rating, comment).onSuccess(publishAll(conversationId));
  }

  private Future<JsonObject> queuedNotice(io.vertx.sqlclient.SqlClient c, String id, boolean already) {
    return store.queuePosition(c, id).compose(pos -> store.insertMessage(c, id, "system",
        texts.get(already ? "queued.already" : "queued", pos == null ? 1 : Math.max(0, pos - 1)),
        new JsonObject().put("queuePosition", pos)));
  }

  @Override
  public String streamAddress(String conversationId) {
    return "banban.conversation." + conversationId;
  }

  /** Tells the operator console the queue may have changed; it re-announces places and waits. */
  private void queueChanged() {
    vertx.eventBus().publish(ConsoleEvents.QUEUE, new JsonObject());
  }

  private io.vertx.core.Handler<JsonObject> publishLater(String id) {
    return m -> vertx.eventBus().publish(streamAddress(id), new JsonObject().put("type", "message").put("message", m));
  }

  private io.vertx.core.Handler<JsonArray> publishAll(String id) {
    return list -> list.forEach(m -> publishLater(id).handle((JsonObject) m));
  }

  private static JsonArray candidates(Decision d) {
    JsonArray a = new JsonArray();
    d.suggestions().forEach(s -> a.add(new JsonObject().put("faqId", s.faqId()).put("question", s.question())));
    return a;
  }

  static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
