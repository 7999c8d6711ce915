package banban.gateway.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import banban.connectors.InboundMessage;
import banban.gateway.Gateway;
import banban.gateway.wechat.WechatPlayer.Mode;
import banban.kb.FaqEntry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Passive-reply latency for FAQ hits in safe mode under concurrent load, on loopback against a real
 * gateway (embedded PostgreSQL). Not part of the normal test run (the name does not match surefire's
 * patterns); run it with
 * {@code WT=/tmp/wt-wechat wt-test -pl gateway -am -Dtest=WechatLatencyBench -Dsurefire.failIfNoSpecifiedTests=false}.
 * Requests are signed and encrypted by WxJava before the clock starts; the time is from sending the
 * POST to having the whole reply.
 */
class WechatLatencyBench {
  static final int[] CONCURRENCY = {1, 8, 32};
  static final int WARMUP = 200;
  static final int REQUESTS = 800;
  static final AtomicLong MSG_IDS = new AtomicLong(9_000_000_000_000_000_000L);

  @TempDir Path dataDir;

  @Test
  void passiveReplyLatency() throws Exception {
    Vertx vertx = Vertx.vertx();
    WechatApiSimulator api = WechatApiSimulator.start(vertx);
    Gateway gateway = WechatGateways.start(vertx, dataDir, api.base(), 4000);
    WebClient client = WebClient.create(vertx, new WebClientOptions(), new PoolOptions().setHttp1MaxSize(64));
    WechatPlayer wechat = new WechatPlayer(client, gateway.port(), "district", WechatGateways.TOKEN, WechatGateways.APP_ID,
        WechatGateways.AES_KEY);
    List<String> questions = gateway.knowledge().knowledgeBase().entries().stream()
        .filter(e -> e.status() == FaqEntry.Status.PUBLISHED).map(FaqEntry::question).limit(40).toList();
    try {
      run(wechat, questions, WARMUP, 8, "warm-up");
      // The knowledge base alone, for comparison: what the bot turn costs without HTTP, crypto and SQL.
      long[] ask = new long[REQUESTS / 2];
      for (int i = 0; i < ask.length; i++) {
        long t = System.nanoTime();
        gateway.knowledge().ask(questions.get(i % questions.size())).await();
        ask[i] = System.nanoTime() - t;
      }
      Arrays.sort(ask);
      System.out.printf("WECHAT-BENCH knowledge-base ask alone, sequential: %d asks, p50 %.1f ms, p99 %.1f ms%n",
          ask.length, ms(ask, 0.50), ms(ask, 0.99));
      // The conversation engine alone (store the message, bot turn, SQL), without HTTP and crypto.
      long[] engine = new long[REQUESTS / 2];
      for (int i = 0; i < engine.length; i++) {
        String id = gateway.conversations().conversationOf("bench", "bench:" + (i % 50)).await();
        long t = System.nanoTime();
        gateway.conversations().receive(InboundMessage.text(id, "bench", questions.get(i % questions.size()))).await();
        engine[i] = System.nanoTime() - t;
      }
      Arrays.sort(engine);
      System.out.printf("WECHAT-BENCH conversation engine receive alone, sequential: %d messages, p50 %.1f ms, p99 %.1f ms%n",
          engine.length, ms(engine, 0.50), ms(engine, 0.99));
      for (int c : CONCURRENCY) run(wechat, questions, REQUESTS, c, "concurrency " + c);
    } finally {
      gateway.stop().await();
      api.close();
      vertx.close().await();
    }
  }

  private void run(WechatPlayer wechat, List<String> questions, int n, int concurrency, String label) throws Exception {
    List<WechatPlayer.Prepared> requests = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String xml = WechatPlayer.text("o-bench-" + (i % 500), MSG_IDS.incrementAndGet(), questions.get(i % questions.size()));
      requests.add(wechat.request(Mode.SAFE, xml, WechatPlayer.now(), wechat.token, wechat.appId));
    }
    long[] latency = new long[n];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger answered = new AtomicInteger();
    List<Future<Void>> workers = new ArrayList<>();
    long t0 = System.nanoTime();
    for (int w = 0; w < concurrency; w++) {
      Promise<Void> done = Promise.promise();
      workers.add(done.future());
      step(wechat, requests, latency, next, answered, done);
    }
    Future.all(workers).await(300, TimeUnit.SECONDS);
    long wallMs = (System.nanoTime() - t0) / 1_000_000;
    // Check a sample with WxJava: decrypts, signature valid, an answer with its source.
    WechatPlayer.Reply sample = wechat.send(requests.get(0), Mode.SAFE);
    assertThat(sample.content()).contains("来源：");
    assertThat(answered.get()).as("replies with text, not 'success'").isEqualTo(n);
    Arrays.sort(latency);
    System.out.printf("WECHAT-BENCH %s: %d requests, %d ms, %.0f req/s, p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n",
        label, n, wallMs, n * 1000.0 / wallMs, ms(latency, 0.50), ms(latency, 0.90), ms(latency, 0.99), latency[n - 1] / 1e6);
  }

  private void step(WechatPlayer wechat, List<WechatPlayer.Prepared> requests, long[] latency, AtomicInteger next,
      AtomicInteger answered, Promise<Void> done) {
    int i = next.getAndIncrement();
    if (i >= requests.size()) {
      done.complete();
      return;
    }
    WechatPlayer.Prepared p = requests.get(i);
    long t = System.nanoTime();
    wechat.raw(p.uri()).sendBuffer(Buffer.buffer(p.body())).onComplete(r -> {
      latency[i] = System.nanoTime() - t;
      if (r.succeeded() && r.result().statusCode() == 200 && r.result().bodyAsString().contains("<Encrypt>")) answered.incrementAndGet();
      step(wechat, requests, latency, next, answered, done);
    });
  }

  private static double ms(long[] sorted, double q) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
  }
}
