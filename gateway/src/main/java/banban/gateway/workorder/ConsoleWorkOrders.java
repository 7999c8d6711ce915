package banban.gateway.workorder;

import banban.connectors.http.HttpError;
import banban.connectors.http.JsonBodies;
import banban.gateway.console.Operator;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Tuple;
import java.util.Set;
import java.util.UUID;

/**
 * The operator's "转12345": a form pre-filled from the conversation, filing it, an order's details
 * (with the citizen's full phone number, for the operator handling it) and three-way call requests.
 */
final class ConsoleWorkOrders {
  private static final Set<String> URGENCY = Set.of("normal", "urgent");

  private final WorkOrders workOrders;

  ConsoleWorkOrders(WorkOrders workOrders) {
    this.workOrders = workOrders;
  }

  private WorkOrderStore store() {
    return workOrders.service().store();
  }

  void prefill(RoutingContext ctx, Operator op) {
    UUID id = HotlineRoutes.uuid(ctx, "id");
    store().pool().withConnection(c -> c.preparedQuery("SELECT channel, citizen_ref, (SELECT string_agg(text, E'\\n' ORDER BY id)"
            + " FROM message m WHERE m.conversation_id = conversation.id AND m.sender = 'citizen') AS words FROM conversation WHERE id = $1")
        .execute(Tuple.of(id)).compose(rs -> {
          if (rs.size() == 0) return Future.failedFuture(HttpError.notFound("No such conversation"));
          var r = rs.iterator().next();
          String words = r.getString("words") == null ? "" : r.getString("words");
          return workOrders.router().route(words).compose(route -> store().forCitizen(c, id.toString(), r.getString("channel"), r.getString("citizen_ref"))
              .map(orders -> {
                JsonArray existing = new JsonArray();
                orders.forEach(o -> existing.add(o.toJson()));
                Summary s = SummaryExtractor.summarise(words, "");
                return new JsonObject().put("conversationId", id.toString()).put("channel", r.getString("channel"))
                    .put("appealType", SummaryExtractor.appealType(words).wireName()).put("title", SummaryExtractor.title(words))
                    .put("citizenText", words).put("summary", s.toJson()).put("location", s.where())
                    .put("categorySuggested", route.map(DepartmentRouter.Route::category).orElse(null))
                    .put("departmentSuggested", route.map(DepartmentRouter.Route::department).orElse(null))
                    .put("routing", route.map(DepartmentRouter.Route::toJson).orElse(null))
                    .put("urgency", "normal").put("existingOrders", existing);
              }));
        }))
        .onSuccess(ctx::json).onFailure(ctx::fail);
  }

  void file(RoutingContext ctx, Operator op) {
    UUID id = HotlineRoutes.uuid(ctx, "id");
    JsonObject b = JsonBodies.object(ctx);
    AppealType type = AppealType.parse(b.getString("appealType"))
        .orElseThrow(() -> HttpError.badRequest("appealType must be one of consult, help, complaint, report, suggestion"));
    String title = text(b, "title", 100, true);
    String words = text(b, "citizenText", 5000, true);
    String phone = null;
    if (b.getValue("phone") != null) {
      phone = Phones.find(String.valueOf(b.getValue("phone"))).orElseThrow(() -> HttpError.badRequest("phone is not a phone number"));
    }
    if (!(b.getValue("consent", false) instanceof Boolean consent)) throw HttpError.badRequest("consent must be true or false");
    if (phone != null && !consent) throw HttpError.badRequest("A phone number needs the citizen's consent to be contacted");
    String urgency = b.getString("urgency", "normal");
    if (!URGENCY.contains(urgency)) throw HttpError.badRequest("urgency must be normal or urgent");
    if (b.getValue("summary") != null && !(b.getValue("summary") instanceof JsonObject)) throw HttpError.badRequest("summary must be an object");
    Summary summary = Summary.fromJson(b.getJsonObject("summary"));
    String location = text(b, "location", 200, false);
    String category = text(b, "category", 50, false);
    String department = text(b, "department", 100, false);
    String name = text(b, "contactName", 50, false);
    String finalPhone = phone;
    store().pool().withConnection(c -> c.preparedQuery("SELECT channel, citizen_ref FROM conversation WHERE id = $1").execute(Tuple.of(id)))
        .compose(rs -> {
          if (rs.size() == 0) return Future.failedFuture(HttpError.notFound("No such conversation"));
          var r = rs.iterator().next();
          return workOrders.router().route(words).compose(route -> workOrders.service().file(new NewOrder(id.toString(),
              r.getString("channel"), r.getString("citizen_ref"), type, title, words, summary, location,
              route.map(DepartmentRouter.Route::category).orElse(null), route.map(DepartmentRouter.Route::department).orElse(null),
              category, department, urgency, name, finalPhone, consent, "operator:" + op.ref())));
        })
        .onSuccess(o -> ctx.response().setStatusCode(201).putHeader("Content-Type", "application/json").end(o.toJson().encode()))
        .onFailure(ctx::fail);
  }

  void details(RoutingContext ctx, Operator op) {
    UUID id = HotlineRoutes.uuid(ctx, "orderId");
    workOrders.service().details(id)
        .compose(d -> store().pool().withConnection(c -> store().phone(c, id)).map(p -> d.put("phone", p.orElse(null))))
        .onSuccess(ctx::json).onFailure(ctx::fail);
  }

  void threeWayCall(RoutingContext ctx, Operator op) {
    UUID id = HotlineRoutes.uuid(ctx, "orderId");
    JsonObject b = ctx.body().length() <= 0 ? new JsonObject() : JsonBodies.object(ctx); // -1: no body at all
    String line = text(b, "operatorLine", 30, false);
    workOrders.service().requestThreeWayCall(id, "operator:" + op.ref(), line)
        .onSuccess(o -> ctx.response().setStatusCode(202).putHeader("Content-Type", "application/json").end(o.toJson().encode()))
        .onFailure(ctx::fail);
  }

  private static String text(JsonObject b, String field, int max, boolean required) {
    Object v = b.getValue(field);
    if (v == null || (v instanceof String s && s.isBlank() && !required)) {
      if (required) throw HttpError.badRequest("Field '" + field + "' is required");
      return null;
    }
    if (!(v instanceof String s) || s.isBlank() || s.codePointCount(0, s.length()) > max) {
      throw HttpError.badRequest("Field '" + field + "' must be a non-empty string of at most " + max + " characters");
    }
    return s.strip();
  }
}
