package banban.gateway.workorder;

import io.vertx.core.json.JsonObject;
import java.util.UUID;

/**
 * A work order as banban keeps it. The phone number is never part of this value: only its masked form
 * travels; the encrypted number stays in the database until the outbox needs it.
 */
public record WorkOrder(
    UUID id, String reference, String platformNo, String conversationId, String channel, String citizenRef,
    AppealType appealType, String title, String citizenText, Summary summary, String location,
    String categorySuggested, String departmentSuggested, String category, String department, String urgency,
    String contactName, String phoneMasked, boolean consent, WorkOrderStatus status, String satisfaction,
    String returnReason, String mergedInto, JsonObject threeWayCall, String createdAt, String updatedAt) {

  public JsonObject toJson() {
    return new JsonObject().put("id", id.toString()).put("reference", reference).put("platformNo", platformNo)
        .put("conversationId", conversationId).put("channel", channel).put("appealType", appealType.wireName())
        .put("title", title).put("citizenText", citizenText).put("summary", summary.toJson()).put("location", location)
        .put("categorySuggested", categorySuggested).put("departmentSuggested", departmentSuggested)
        .put("category", category).put("department", department).put("urgency", urgency)
        .put("contactName", contactName).put("phoneMasked", phoneMasked).put("consent", consent)
        .put("status", status.wireName()).put("statusText", status.chinese()).put("satisfaction", satisfaction)
        .put("returnReason", returnReason).put("mergedInto", mergedInto).put("threeWayCall", threeWayCall)
        .put("createdAt", createdAt).put("updatedAt", updatedAt);
  }
}
