package banban.gateway.console;

/** The console's SQL, in one place, with $n placeholders. */
final class ConsoleSql {
  private ConsoleSql() {}

  static final String OPERATOR_COLUMNS = "id, username, display_name, role, capacity, available, disabled, must_change_password";

  // Accounts
  static final String OPERATOR_BY_NAME = "SELECT " + OPERATOR_COLUMNS + ", password_hash FROM operator WHERE username = $1";
  static final String OPERATOR_BY_ID = "SELECT " + OPERATOR_COLUMNS + ", password_hash FROM operator WHERE id = $1";
  static final String OPERATORS = "SELECT " + OPERATOR_COLUMNS + " FROM operator ORDER BY role, username";
  static final String INSERT_OPERATOR = "INSERT INTO operator (username, display_name, password_hash, role, capacity, must_change_password)"
      + " VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (username) DO NOTHING RETURNING " + OPERATOR_COLUMNS;
  static final String SET_DISABLED = "UPDATE operator SET disabled = $2, available = false WHERE id = $1 RETURNING " + OPERATOR_COLUMNS;
  static final String SET_PASSWORD = "UPDATE operator SET password_hash = $2, must_change_password = false WHERE id = $1";
  static final String SET_AVAILABLE = "UPDATE operator SET available = $2 WHERE id = $1 AND NOT disabled RETURNING " + OPERATOR_COLUMNS;
  static final String ANY_ADMIN = "SELECT count(*) FROM operator WHERE role = 'admin'";
  static final String TOUCH = "UPDATE operator SET last_seen_at = now() WHERE id = ANY($1)";

  // Sessions
  static final String INSERT_SESSION = "INSERT INTO console_session (id_sha256, operator_id, csrf_token, expires_at)"
      + " VALUES ($1, $2, $3, now() + make_interval(secs => $4))";
  /** Slides the expiry and returns the account in one round trip; nothing for expired or disabled. */
  static final String RESOLVE_SESSION = "UPDATE console_session s SET expires_at = now() + make_interval(secs => $2)"
      + " FROM operator o WHERE s.id_sha256 = $1 AND s.expires_at > now() AND o.id = s.operator_id AND NOT o.disabled"
      + " RETURNING s.csrf_token, o.id, o.username, o.display_name, o.role, o.capacity, o.available, o.disabled, o.must_change_password";
  static final String DELETE_SESSION = "DELETE FROM console_session WHERE id_sha256 = $1";
  static final String DELETE_SESSIONS_OF = "DELETE FROM console_session WHERE operator_id = $1";
  static final String PURGE_SESSIONS = "DELETE FROM console_session WHERE expires_at < now()";

  // Canned replies
  static final String CANNED = "SELECT id, title, text FROM canned_reply ORDER BY title, id";
  static final String INSERT_CANNED = "INSERT INTO canned_reply (title, text, created_by) VALUES ($1, $2, $3) RETURNING id, title, text";
  static final String DELETE_CANNED = "DELETE FROM canned_reply WHERE id = $1";
}
