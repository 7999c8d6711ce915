package banban.gateway.console;

import banban.connectors.http.HttpError;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One console's live connection. It pushes the queue and the operator's conversations whenever they
 * change, forwards what happens in the operator's conversations, reminders and delivery problems, and
 * takes typing notices the other way. While it is open the operator counts as online.
 */
final class ConsoleSocket {
  private static final Logger log = LoggerFactory.getLogger(ConsoleSocket.class);

  private final Vertx vertx;
  private final HandoffQueue queue;
  private final OperatorActions actions;
  private final Presence presence;
  private final ConsoleAuth auth;

  ConsoleSocket(Vertx vertx, HandoffQueue queue, OperatorActions actions, Presence presence, ConsoleAuth auth) {
    this.auth = auth;
    this.vertx = vertx;
    this.queue = queue;
    this.actions = actions;
    this.presence = presence;
  }

  /**
   * GET /api/v1/console/stream. It checks the session itself, with the request paused, because the
   * upgrade must happen before the request is read; it refuses other sites' pages (cross-site
   * WebSocket hijacking).
   */
  void open(RoutingContext ctx) {
    String origin = ctx.request().getHeader("Origin");
    String host = ctx.request().getHeader("Host");
    if (origin != null && (host == null || !origin.replaceFirst("^https?://", "").equals(host))) {
      throw HttpError.forbidden("The console stream only serves the console's own pages");
    }
    ctx.request().pause();
    auth.resolve(ctx).compose(s -> {
      if (s.isEmpty()) return Future.failedFuture(new HttpError(401, "unauthorized", "Log in to the console first"));
      Operator op = s.get().operator();
      return presence.connected(op.id()).compose(v -> ctx.request().toWebSocket())
          .onSuccess(ws -> new Link(op, ws).start())
          .onFailure(e -> presence.disconnected(op.id()));
    }).onFailure(e -> {
      ctx.request().resume();
      ctx.fail(e);
    });
  }

  private final class Link {
    private final Operator op;
    private final ServerWebSocket ws;
    private final List<MessageConsumer<JsonObject>> fixed = new java.util.ArrayList<>();
    private final Map<String, MessageConsumer<JsonObject>> conversations = new HashMap<>();

    Link(Operator op, ServerWebSocket ws) {
      this.op = op;
      this.ws = ws;
    }

    void start() {
      fixed.add(vertx.eventBus().consumer(ConsoleEvents.QUEUE, m -> refresh()));
      fixed.add(vertx.eventBus().consumer(ConsoleEvents.operator(op.ref()), m -> send(m.body())));
      fixed.add(vertx.eventBus().consumer(ConsoleEvents.DELIVERY_FAILED, m -> {
        String id = m.body().getString("conversationId");
        if (id != null && conversations.containsKey(id)) {
          send(new JsonObject().put("type", "delivery-failed").put("conversationId", id).put("problem", m.body().getString("problem")));
        }
      }));
      ws.closeHandler(v -> stop());
      ws.exceptionHandler(e -> ws.close());
      ws.textMessageHandler(this::received);
      refresh();
    }

    private void refresh() {
      queue.snapshot(op).onSuccess(s -> {
        Set<String> mine = s.getJsonArray("mine").stream().map(o -> ((JsonObject) o).getString("id")).collect(Collectors.toSet());
        conversations.entrySet().removeIf(e -> {
          if (mine.contains(e.getKey())) return false;
          e.getValue().unregister();
          return true;
        });
        for (String id : mine) {
          conversations.computeIfAbsent(id, k -> vertx.eventBus().consumer(ConsoleEvents.conversation(k),
              m -> send(new JsonObject().put("type", "conversation").put("conversationId", k).put("event", m.body()))));
        }
        send(s);
      }).onFailure(e -> log.warn("Console refresh for operator {} failed: {}", op.username(), e.getMessage()));
    }

    private void received(String text) {
      try {
        JsonObject in = new JsonObject(text);
        String id = in.getString("conversationId");
        if ("typing".equals(in.getString("type")) && id != null && conversations.containsKey(id)) {
          actions.typing(op, id);
        }
      } catch (DecodeException | ClassCastException e) {
        // A console sends only JSON; anything else is ignored rather than closing the operator's view.
      }
    }

    private void send(JsonObject event) {
      if (!ws.isClosed()) ws.writeTextMessage(event.encode());
    }

    private void stop() {
      fixed.forEach(MessageConsumer::unregister);
      conversations.values().forEach(MessageConsumer::unregister);
      conversations.clear();
      presence.disconnected(op.id());
    }
  }

}
