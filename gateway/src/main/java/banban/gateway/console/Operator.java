package banban.gateway.console;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

/** A console account as the rest of the console sees it; the password hash never leaves {@link Accounts}. */
public record Operator(
    long id, String username, String displayName, String role, int capacity, boolean available,
    boolean disabled, boolean mustChangePassword) {

  public static final String ADMIN = "admin";
  public static final String OPERATOR = "operator";

  public boolean admin() {
    return ADMIN.equals(role);
  }

  /** The id as stored in {@code conversation.operator_id}. */
  public String ref() {
    return String.valueOf(id);
  }

  static Operator of(Row r) {
    return new Operator(r.getLong("id"), r.getString("username"), r.getString("display_name"), r.getString("role"),
        r.getInteger("capacity"), r.getBoolean("available"), r.getBoolean("disabled"), r.getBoolean("must_change_password"));
  }

  public JsonObject toJson() {
    return new JsonObject().put("id", id).put("username", username).put("displayName", displayName).put("role", role)
        .put("capacity", capacity).put("available", available).put("disabled", disabled)
        .put("mustChangePassword", mustChangePassword);
  }
}
