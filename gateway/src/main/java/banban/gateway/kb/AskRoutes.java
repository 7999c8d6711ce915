package banban.gateway.kb;

import banban.connectors.http.JsonBodies;
import banban.gateway.http.HttpVerticle;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** {@code POST /api/v1/ask}: stateless question answering for the website's search box and evaluation. */
public final class AskRoutes implements HttpVerticle.Routes {
  private final KnowledgeService knowledge;

  public AskRoutes(KnowledgeService knowledge) {
    this.knowledge = knowledge;
  }

  @Override
  public void accept(Router router) {
    router.post("/api/v1/ask").handler(this::ask);
  }

  private void ask(RoutingContext ctx) {
    String text = JsonBodies.text(JsonBodies.object(ctx), "text");
    knowledge.ask(text)
        .onSuccess(decision -> ctx.json(decision.toJson()))
        .onFailure(ctx::fail);
  }
}
