package banban.gateway.workorder;

import banban.connectors.http.HttpError;
import io.vertx.core.json.JsonObject;

/** A status callback of the platform, validated: any malformed field is a 400 and changes nothing. */
public record Callback(String callbackId, String platformNo, String reference, WorkOrderStatus status, String note,
    String satisfaction, String returnReason, String mergedInto) {

  public static Callback parse(JsonObject b) {
    String id = text(b, "callbackId", 100, true);
    String no = text(b, "platformNo", 100, false);
    String ref = text(b, "reference", 100, false);
    if (no == null && ref == null) throw HttpError.badRequest("platformNo or reference is required");
    String s = text(b, "status", 30, true);
    WorkOrderStatus status = WorkOrderStatus.fromWire(s)
        .filter(x -> x != WorkOrderStatus.DRAFT && x != WorkOrderStatus.SUBMITTED)
        .orElseThrow(() -> HttpError.badRequest("Unknown status '" + s + "'"));
    String satisfaction = text(b, "satisfaction", 30, false);
    if (status == WorkOrderStatus.VISITED && satisfaction == null) throw HttpError.badRequest("visited needs satisfaction");
    String reason = text(b, "returnReason", 1000, false);
    if (status == WorkOrderStatus.RETURNED && reason == null) throw HttpError.badRequest("returned needs returnReason");
    String merged = text(b, "mergedInto", 100, false);
    if (status == WorkOrderStatus.MERGED && merged == null) throw HttpError.badRequest("merged needs mergedInto");
    return new Callback(id, no, ref, status, text(b, "note", 2000, false), satisfaction, reason, merged);
  }

  private static String text(JsonObject b, String field, int max, boolean required) {
    Object v = b.getValue(field);
    if (v == null) {
      if (required) throw HttpError.badRequest("Field '" + field + "' is required");
      return null;
    }
    if (!(v instanceof String s) || s.isBlank() || s.length() > max) {
      throw HttpError.badRequest("Field '" + field + "' must be a non-empty string of at most " + max + " characters");
    }
    return s.strip();
  }
}
