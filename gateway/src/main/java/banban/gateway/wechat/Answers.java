package banban.gateway.wechat;

import banban.connectors.wechat.WechatAccount;
import banban.connectors.wechat.WechatMessage;
import banban.gateway.conversation.ConversationService;
import banban.gateway.conversation.Texts;
import banban.gateway.kb.KnowledgeService;
import banban.kb.FaqEntry;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a WeChat message or event means for the conversation engine, and the text that answers it:
 * words go to the follower's conversation, a menu click asks the question (or category) it is mapped to,
 * a new follower is welcomed with the most asked questions, and anything else gets a polite request for text.
 */
final class Answers {
  private static final int WELCOME_QUESTIONS = 5;
  private static final int CACHED_CONVERSATIONS = 20_000;

  private final ConversationService conversations;
  private final KnowledgeService knowledge;
  private final WechatStore store;
  private final Texts texts;
  private final ReplyText render;
  // Follower → conversation id. A follower's conversation is created once and never replaced, so a
  // cached id stays right on every instance; it saves a transaction on each message.
  private final Map<String, String> conversationIds = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
      return size() > CACHED_CONVERSATIONS;
    }
  });

  Answers(ConversationService conversations, KnowledgeService knowledge, WechatStore store, Texts texts) {
    this.conversations = conversations;
    this.knowledge = knowledge;
    this.store = store;
    this.texts = texts;
    this.render = new ReplyText(texts);
  }

  Future<WechatService.Answer> answer(String key, WechatAccount account, WechatMessage m) {
    if (m.isEvent()) return event(key, account, m);
    // Any message opens a new 48-hour window for customer-service messages.
    Future<Void> wrote = store.followerWrote(account.name(), m.fromUser());
    String words = m.words();
    if (words.isEmpty()) return wrote.map(v -> new WechatService.Answer(texts.get("wechat.unsupported"), null, null));
    Future<String> conversation = conversationOf(account, m);
    return Future.all(wrote, conversation).compose(v -> ask(conversation.result(), words, null, key));
  }

  private Future<WechatService.Answer> event(String key, WechatAccount account, WechatMessage m) {
    return switch (m.event()) {
      case "subscribe" -> store.subscribed(account.name(), m.fromUser(), true).compose(v -> welcome())
          .map(text -> new WechatService.Answer(text, null, null));
      case "unsubscribe" -> store.subscribed(account.name(), m.fromUser(), false).map(v -> new WechatService.Answer(null, null, null));
      case "CLICK" -> {
        String target = account.menu().get(m.eventKey());
        if (target == null) yield Future.succeededFuture(new WechatService.Answer(null, null, null));
        var entry = knowledge.knowledgeBase().entry(target);
        // A FAQ id answers that entry; anything else is a category name, asked as the citizen's words.
        yield conversationOf(account, m)
            .compose(id -> entry.isPresent() ? ask(id, entry.get().question(), entry.get().id(), key) : ask(id, target, null, key));
      }
      default -> Future.succeededFuture(new WechatService.Answer(null, null, null));
    };
  }

  private Future<String> conversationOf(WechatAccount account, WechatMessage m) {
    String ref = citizenRef(account, m);
    String cached = conversationIds.get(ref);
    if (cached != null) return Future.succeededFuture(cached);
    return conversations.conversationOf(WechatService.CHANNEL, ref).onSuccess(id -> conversationIds.put(ref, id));
  }

  private Future<WechatService.Answer> ask(String conversationId, String text, String faqId, String key) {
    return conversations.receive(WechatService.inbound(conversationId, text, faqId, key))
        .map(stored -> WechatService.answerOf(conversationId, stored, render));
  }

  private Future<String> welcome() {
    return store.mostAsked(WELCOME_QUESTIONS).map(asked -> {
      List<String> questions = new ArrayList<>(asked);
      // A new district has no history yet: the first entries of the knowledge base stand in.
      for (FaqEntry e : knowledge.knowledgeBase().entries()) {
        if (questions.size() >= WELCOME_QUESTIONS) break;
        if (e.status() == FaqEntry.Status.PUBLISHED && !questions.contains(e.question())) questions.add(e.question());
      }
      String list = questions.stream().map(q -> texts.get("wechat.welcome.item", q)).collect(Collectors.joining("\n"));
      return render.fit(texts.get("wechat.welcome", list));
    });
  }

  static String citizenRef(WechatAccount account, WechatMessage m) {
    return account.name() + ":" + m.fromUser();
  }

  ReplyText renderer() {
    return render;
  }

  ConversationService conversations() {
    return conversations;
  }
}
