package banban.gateway.workorder;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Work orders and their event history in PostgreSQL. The phone number is written only encrypted. */
public final class WorkOrderStore {
  private static final String COLUMNS = "id, reference, platform_no, conversation_id, channel, citizen_ref, appeal_type,"
      + " title, citizen_text, summary, location, category_suggested, department_suggested, category, department, urgency,"
      + " contact_name, phone_masked, consent, status, satisfaction, return_reason, merged_into, three_way_call,"
      + " created_at, updated_at";

  private final Pool pool;
  private final Phones phones;

  public WorkOrderStore(Pool pool, Phones phones) {
    this.pool = pool;
    this.phones = phones;
  }

  public Pool pool() {
    return pool;
  }

  public Future<WorkOrder> insert(SqlClient c, NewOrder o, WorkOrderStatus status) {
    String phone = o.phone();
    Tuple t = Tuple.tuple().addUUID(UUID.randomUUID())
        .addUUID(o.conversationId() == null ? null : UUID.fromString(o.conversationId()))
        .addString(o.channel()).addString(o.citizenRef()).addString(o.appealType().wireName()).addString(o.title())
        .addString(o.citizenText()).addValue(o.summary().toJson()).addString(o.location())
        .addString(o.categorySuggested()).addString(o.departmentSuggested()).addString(o.category())
        .addString(o.department()).addString(o.urgency() == null ? "normal" : o.urgency()).addString(o.contactName())
        .addString(phone == null ? null : phones.encrypt(phone)).addString(Phones.mask(phone))
        .addBoolean(o.consent()).addString(status.wireName()).addString(o.createdBy());
    return c.preparedQuery("INSERT INTO work_order (id, reference, conversation_id, channel, citizen_ref, appeal_type, title,"
            + " citizen_text, summary, location, category_suggested, department_suggested, category, department, urgency,"
            + " contact_name, phone_enc, phone_masked, consent, status, created_by) VALUES ($1,"
            + " 'BB-' || to_char(now(), 'YYYY') || '-' || lpad(nextval('work_order_ref_seq')::text, 6, '0'),"
            + " $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20) RETURNING " + COLUMNS)
        .execute(t).map(rs -> toOrder(rs.iterator().next()));
  }

  public Future<Optional<WorkOrder>> byId(SqlClient c, UUID id, boolean forUpdate) {
    return one(c, "id = $1", id, forUpdate);
  }

  public Future<Optional<WorkOrder>> byPlatformNo(SqlClient c, String platformNo, boolean forUpdate) {
    return one(c, "platform_no = $1", platformNo, forUpdate);
  }

  public Future<Optional<WorkOrder>> byReference(SqlClient c, String reference, boolean forUpdate) {
    return one(c, "reference = $1", reference, forUpdate);
  }

  private Future<Optional<WorkOrder>> one(SqlClient c, String where, Object key, boolean forUpdate) {
    return c.preparedQuery("SELECT " + COLUMNS + " FROM work_order WHERE " + where + (forUpdate ? " FOR UPDATE" : ""))
        .execute(Tuple.of(key)).map(rs -> rs.size() == 0 ? Optional.empty() : Optional.of(toOrder(rs.iterator().next())));
  }

  /**
   * The orders of this conversation and, on WeChat, of the same follower, newest first. A web citizen
   * reference is only an address shared by everyone behind the same gateway, so on the web only the
   * conversation itself counts.
   */
  public Future<List<WorkOrder>> forCitizen(SqlClient c, String conversationId, String channel, String citizenRef) {
    return c.preparedQuery("SELECT " + COLUMNS + " FROM work_order WHERE status <> 'draft' AND (conversation_id = $1"
            + " OR ($2 = 'wechat' AND channel = $2 AND citizen_ref = $3)) ORDER BY created_at DESC LIMIT 10")
        .execute(Tuple.of(UUID.fromString(conversationId), channel, citizenRef)).map(WorkOrderStore::toOrders);
  }

  /** Moves the order and records the event; extra columns (platform_no, satisfaction, ...) may change too. */
  public Future<Void> transition(SqlClient c, UUID id, WorkOrderStatus from, WorkOrderStatus to, String actor, String note,
      String callbackId, JsonObject extra) {
    JsonObject x = extra == null ? new JsonObject() : extra;
    return c.preparedQuery("UPDATE work_order SET status = $2, updated_at = now(),"
            + " platform_no = COALESCE($3, platform_no), satisfaction = COALESCE($4, satisfaction),"
            + " return_reason = COALESCE($5, return_reason), merged_into = COALESCE($6, merged_into) WHERE id = $1")
        .execute(Tuple.of(id, to.wireName(), x.getString("platformNo"), x.getString("satisfaction"),
            x.getString("returnReason"), x.getString("mergedInto")))
        .compose(v -> event(c, id, actor, from, to, note, callbackId)).mapEmpty();
  }

  /** False when this callback id was already recorded for the order (a replay). */
  public Future<Boolean> event(SqlClient c, UUID id, String actor, WorkOrderStatus from, WorkOrderStatus to, String note,
      String callbackId) {
    return c.preparedQuery("INSERT INTO work_order_event (order_id, actor, from_status, to_status, note, callback_id)"
            + " VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (order_id, callback_id) DO NOTHING")
        .execute(Tuple.of(id, actor, from == null ? null : from.wireName(), to.wireName(), note, callbackId))
        .map(rs -> rs.rowCount() == 1);
  }

  public Future<Boolean> callbackSeen(SqlClient c, UUID id, String callbackId) {
    return c.preparedQuery("SELECT 1 FROM work_order_event WHERE order_id = $1 AND callback_id = $2")
        .execute(Tuple.of(id, callbackId)).map(rs -> rs.size() > 0);
  }

  public Future<JsonArray> events(SqlClient c, UUID id) {
    return c.preparedQuery("SELECT actor, from_status, to_status, note, created_at FROM work_order_event WHERE order_id = $1 ORDER BY id")
        .execute(Tuple.of(id)).map(rs -> {
          JsonArray a = new JsonArray();
          rs.forEach(r -> a.add(new JsonObject().put("actor", r.getString("actor")).put("from", r.getString("from_status"))
              .put("to", r.getString("to_status")).put("note", r.getString("note"))
              .put("at", r.getOffsetDateTime("created_at").toInstant().toString())));
          return a;
        });
  }

  /** Changes the draft's contact details or appends the citizen's further words to it. */
  public Future<Void> updateDraft(SqlClient c, UUID id, String phone, Boolean consent, String moreText) {
    return c.preparedQuery("UPDATE work_order SET phone_enc = COALESCE($2, phone_enc), phone_masked = COALESCE($3, phone_masked),"
            + " consent = COALESCE($4, consent), citizen_text = citizen_text || COALESCE(E'\\n' || $5, ''), updated_at = now()"
            + " WHERE id = $1 AND status = 'draft'")
        .execute(Tuple.of(id, phone == null ? null : phones.encrypt(phone), Phones.mask(phone), consent, moreText))
        .mapEmpty();
  }

  /** Removes a draft the citizen cancelled, with its history; the citizen's words stay in the conversation. */
  public Future<Void> delete(SqlClient c, UUID id) {
    return c.preparedQuery("DELETE FROM work_order_event e USING work_order w WHERE e.order_id = w.id AND w.id = $1 AND w.status = 'draft'")
        .execute(Tuple.of(id))
        .compose(v -> c.preparedQuery("DELETE FROM work_order WHERE id = $1 AND status = 'draft'").execute(Tuple.of(id))).mapEmpty();
  }

  public Future<Void> recordThreeWayCall(SqlClient c, UUID id, JsonObject call) {
    return c.preparedQuery("UPDATE work_order SET three_way_call = $2, updated_at = now() WHERE id = $1")
        .execute(Tuple.of(id, call)).mapEmpty();
  }

  /** The plain phone number, for the platform only; never logged. */
  public Future<Optional<String>> phone(SqlClient c, UUID id) {
    return c.preparedQuery("SELECT phone_enc FROM work_order WHERE id = $1").execute(Tuple.of(id))
        .map(rs -> rs.size() == 0 || rs.iterator().next().getString(0) == null ? Optional.empty()
            : Optional.of(phones.decrypt(rs.iterator().next().getString(0))));
  }

  private static List<WorkOrder> toOrders(RowSet<Row> rs) {
    List<WorkOrder> out = new ArrayList<>();
    rs.forEach(r -> out.add(toOrder(r)));
    return out;
  }

  static WorkOrder toOrder(Row r) {
    UUID conv = r.getUUID("conversation_id");
    return new WorkOrder(r.getUUID("id"), r.getString("reference"), r.getString("platform_no"),
        conv == null ? null : conv.toString(), r.getString("channel"), r.getString("citizen_ref"),
        AppealType.parse(r.getString("appeal_type")).orElseThrow(), r.getString("title"), r.getString("citizen_text"),
        Summary.fromJson((JsonObject) r.getValue("summary")), r.getString("location"), r.getString("category_suggested"),
        r.getString("department_suggested"), r.getString("category"), r.getString("department"), r.getString("urgency"),
        r.getString("contact_name"), r.getString("phone_masked"), r.getBoolean("consent"),
        WorkOrderStatus.fromWire(r.getString("status")).orElseThrow(), r.getString("satisfaction"),
        r.getString("return_reason"), r.getString("merged_into"), (JsonObject) r.getValue("three_way_call"),
        r.getOffsetDateTime("created_at").toInstant().toString(), r.getOffsetDateTime("updated_at").toInstant().toString());
  }
}
