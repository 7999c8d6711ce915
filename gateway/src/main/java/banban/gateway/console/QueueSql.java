package banban.gateway.console;

/** SQL of the handoff queue, assignment and the sweeper, with $n placeholders. */
final class QueueSql {
  private QueueSql() {}

  private static final String LAST_CITIZEN_TEXT =
      "(SELECT m.text FROM message m WHERE m.conversation_id = c.id AND m.sender = 'citizen' ORDER BY m.id DESC LIMIT 1) AS last_text";

  /** Oldest first; the id breaks ties so every instance sees the same order. */
  static final String QUEUE = "SELECT c.id, c.channel, c.citizen_ref, c.queued_at, " + LAST_CITIZEN_TEXT
      + ", extract(epoch FROM now() - c.queued_at)::bigint AS waited, c.unstaffed_offer_at IS NOT NULL AS offered"
      + " FROM conversation c WHERE c.state = 'queued' ORDER BY c.queued_at, c.id LIMIT 500";

  static final String MINE = "SELECT c.id, c.channel, c.assigned_at, " + LAST_CITIZEN_TEXT
      + ", (SELECT m.sender FROM message m WHERE m.conversation_id = c.id ORDER BY m.id DESC LIMIT 1) AS last_sender"
      + " FROM conversation c WHERE c.state = 'with_operator' AND c.operator_id = $1 ORDER BY c.assigned_at, c.id";

  /** The operator's row, locked: concurrent accepts by one operator are counted one after another. */
  static final String OPERATOR_LOAD = "SELECT o.available, o.disabled, o.capacity,"
      + " coalesce(o.last_seen_at > now() - make_interval(secs => $2), false) AS online,"
      + " (SELECT count(*) FROM conversation c WHERE c.state = 'with_operator' AND c.operator_id = $3) AS active"
      + " FROM operator o WHERE o.id = $1 FOR UPDATE";

  /** Only one of any number of concurrent accepts finds the row still queued. */
  static final String ACCEPT = "UPDATE conversation SET state = 'with_operator', operator_id = $2, assigned_at = now(),"
      + " reminded_at = NULL, fallback_streak = 0, pending_choices = NULL, updated_at = now()"
      + " WHERE id = $1 AND state = 'queued' RETURNING channel, citizen_ref";

  /** Seats for queued citizens: the capacity of operators who are available and online, and how much is used. */
  static final String SEATS = "SELECT coalesce(sum(o.capacity), 0) AS seats, coalesce(sum((SELECT count(*) FROM conversation c"
      + " WHERE c.state = 'with_operator' AND c.operator_id = o.id::text)), 0) AS used"
      + " FROM operator o WHERE o.available AND NOT o.disabled AND o.last_seen_at > now() - make_interval(secs => $1)";

  /** Mean handling time of the last 50 closed conversations, in seconds; 300 until there are any. */
  static final String HANDLING = "SELECT coalesce(avg(extract(epoch FROM closed_at - assigned_at)), 300) FROM"
      + " (SELECT closed_at, assigned_at FROM conversation WHERE closed_at > assigned_at ORDER BY closed_at DESC LIMIT 50) x";

  static final String MARK_UNSTAFFED_OFFER = "UPDATE conversation SET unstaffed_offer_at = now()"
      + " WHERE id = $1 AND state = 'queued' AND unstaffed_offer_at IS NULL RETURNING id";

  static final String CONVERSATION_FOR_UPDATE = "SELECT state, operator_id, channel, citizen_ref FROM conversation WHERE id = $1 FOR UPDATE";
  static final String CONVERSATION = "SELECT state, operator_id, channel, citizen_ref, closed_reason FROM conversation WHERE id = $1";

  static final String CLOSE = "UPDATE conversation SET state = 'closed', closed_reason = $2, closed_at = now(), updated_at = now(),"
      + " fallback_streak = 0, pending_choices = NULL WHERE id = $1";

  static final String LAST_CITIZEN = "SELECT text FROM message WHERE conversation_id = $1 AND sender = 'citizen' ORDER BY id DESC LIMIT 1";

  /** Conversations whose last message is the citizen's, older than $1 seconds, not yet reminded about. */
  static final String DUE_REMINDERS = "UPDATE conversation c SET reminded_at = now() FROM ("
      + " SELECT c2.id FROM conversation c2,"
      + " LATERAL (SELECT m.sender, m.created_at FROM message m WHERE m.conversation_id = c2.id ORDER BY m.id DESC LIMIT 1) last"
      + " WHERE c2.state = 'with_operator' AND last.sender = 'citizen' AND last.created_at < now() - make_interval(secs => $1)"
      + " AND (c2.reminded_at IS NULL OR c2.reminded_at < last.created_at)) due"
      + " WHERE c.id = due.id RETURNING c.id, c.operator_id";

  static final String IDLE = "SELECT c.id FROM conversation c,"
      + " LATERAL (SELECT max(m.created_at) AS last FROM message m WHERE m.conversation_id = c.id) l"
      + " WHERE c.state = 'with_operator' AND greatest(l.last, c.assigned_at) < now() - make_interval(secs => $1) LIMIT 100";
}
