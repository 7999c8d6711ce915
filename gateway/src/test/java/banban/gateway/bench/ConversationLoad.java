package banban.gateway.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Load client for the help box: opens N conversations, connects N WebSockets, then every citizen asks
 * one question at once and the time from sending to the bot's reply arriving on the socket is recorded.
 * Bounded in count and time; talks to loopback only. Run with gateway/bench/web-load.sh.
 *
 * <p>Arguments: PORT CONVERSATIONS QUESTIONS_FILE (one question per line).
 */
public final class ConversationLoad {
  private record Conv(String id, String token) {}

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    int n = Integer.parseInt(args[1]);
    List<String> questions = Files.readAllLines(Path.of(args[2])).stream().filter(s -> !s.isBlank()).toList();
    Vertx vertx = Vertx.vertx();
    WebClient http = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port),
        new io.vertx.core.http.PoolOptions().setHttp1MaxSize(64));
    var wsClient = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(n + 10));
    try {
      long t0 = System.nanoTime();
      List<Future<Conv>> created = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        created.add(http.request(HttpMethod.POST, "/api/v1/conversations").sendJsonObject(new JsonObject())
            .map(r -> {
              if (r.statusCode() != 201) throw new IllegalStateException("create: " + r.statusCode() + " " + r.bodyAsString());
              JsonObject b = r.bodyAsJsonObject();
              return new Conv(b.getString("id"), b.getString("token"));
            }));
      }
      List<Conv> convs = Future.all(created).await(120, TimeUnit.SECONDS).list();
      System.out.printf("created %d conversations in %d ms%n", convs.size(), ms(t0));

      ConcurrentHashMap<String, Long> sentAt = new ConcurrentHashMap<>();
      long[] latencies = new long[n];
      int[] done = {0};
      CompletableFuture<Void> all = new CompletableFuture<>();
      long t1 = System.nanoTime();
      List<Future<WebSocket>> sockets = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        Conv c = convs.get(i);
        sockets.add(wsClient.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port)
            .setURI("/api/v1/conversations/" + c.id() + "/stream?token=" + c.token())).onSuccess(ws -> ws.textMessageHandler(t -> {
              JsonObject e = new JsonObject(t);
              if (!"message".equals(e.getString("type")) || !"bot".equals(e.getJsonObject("message").getString("sender"))) return;
              Long s = sentAt.remove(c.id());
              if (s == null) return;
              synchronized (latencies) {
                latencies[done[0]++] = System.nanoTime() - s;
                if (done[0] == n) all.complete(null);
              }
            })));
      }
      Future.all(sockets).await(120, TimeUnit.SECONDS);
      System.out.printf("opened %d WebSockets in %d ms%n", n, ms(t1));

      long t2 = System.nanoTime();
      for (int i = 0; i < n; i++) {
        Conv c = convs.get(i);
        sentAt.put(c.id(), System.nanoTime());
        http.request(HttpMethod.POST, "/api/v1/conversations/" + c.id() + "/messages")
            .putHeader("Authorization", "Bearer " + c.token())
            .sendJsonObject(new JsonObject().put("text", questions.get(i % questions.size())))
            .onFailure(e -> System.err.println("send failed: " + e.getMessage()));
      }
      all.get(300, TimeUnit.SECONDS);
      double seconds = (System.nanoTime() - t2) / 1e9;
      long[] sorted = Arrays.copyOf(latencies, n);
      Arrays.sort(sorted);
      System.out.printf("%d questions answered over %d open WebSockets in %.2f s: %.0f messages/s%n", n, n, seconds, n / seconds);
      System.out.printf("citizen message -> bot reply on the socket: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n",
          pct(sorted, 50), pct(sorted, 90), pct(sorted, 99), sorted[n - 1] / 1e6);
    } finally {
      vertx.close().await(30, TimeUnit.SECONDS);
    }
  }

  private static double pct(long[] sorted, int p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
  }

  private static long ms(long t) {
    return (System.nanoTime() - t) / 1_000_000;
  }
}
