package banban.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** A citizen in the web help box, through its REST API and live stream. */
final class Citizen {
  final WebClient client;
  final int port;
  final String id;
  final String token;
  final List<JsonObject> events = new CopyOnWriteArrayList<>();

  private Citizen(WebClient client, int port, String id, String token) {
    this.client = client;
    this.port = port;
    this.id = id;
    this.token = token;
  }

  static Citizen open(Vertx vertx, WebClient client, int port) {
    JsonObject c = client.post(port, "127.0.0.1", "/api/v1/conversations").sendJsonObject(new JsonObject()).await().bodyAsJsonObject();
    Citizen citizen = new Citizen(client, port, c.getString("id"), c.getString("token"));
    vertx.createWebSocketClient().connect(new WebSocketConnectOptions().setPort(port).setHost("127.0.0.1")
            .setURI("/api/v1/conversations/" + citizen.id + "/stream?token=" + citizen.token)).onSuccess(s -> s.textMessageHandler(t -> citizen.events.add(new JsonObject(t))))
        .timeout(15, java.util.concurrent.TimeUnit.SECONDS).await();
    return citizen;
  }

  HttpResponse<Buffer> post(String what, JsonObject body) {
    return client.post(port, "127.0.0.1", "/api/v1/conversations/" + id + "/" + what).putHeader("Authorization", "Bearer " + token)
        .sendJsonObject(body).await();
  }

  Citizen askForPerson() {
    assertThat(post("handoff", new JsonObject()).statusCode()).isEqualTo(201);
    return this;
  }

  JsonArray say(String text) {
    HttpResponse<Buffer> r = post("messages", new JsonObject().put("text", text));
    assertThat(r.statusCode()).isEqualTo(201);
    return r.bodyAsJsonObject().getJsonArray("messages");
  }

  JsonObject await(Predicate<JsonObject> p) {
    return ConsoleClient.awaitIn(events, p);
  }

  /** The next pushed message from this sender whose text contains the fragment. */
  JsonObject awaitMessage(String sender, String fragment) {
    return await(e -> "message".equals(e.getString("type")) && sender.equals(e.getJsonObject("message").getString("sender"))
        && e.getJsonObject("message").getString("text").contains(fragment)).getJsonObject("message");
  }
}
