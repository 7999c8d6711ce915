package banban.gateway.config;

import banban.gateway.wechat.WechatSettings;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import banban.kb.Calibration;
import banban.kb.DecisionConfig;
import banban.gateway.console.ConsoleSettings;
import banban.gateway.console.StaffedHours;
import banban.gateway.workorder.HotlineSettings;

/**
 * Every setting of the gateway, read once into one typed record. Keys are the environment variable
 * names; a YAML file given with {@code --config} uses the same keys. Nothing else reads raw
 * configuration.
 */
public record GatewayConfig(
    String httpHost,
    int httpPort,
    Path dataDir,
    Optional<DbUrl> dbUrl,
    int dbPoolSize,
    Optional<Path> seedsDir,
    int workerPoolSize,
    int maxBodyBytes,
    int conversationsPerMinute,
    int messagesPerMinute,
    ConsoleSettings console,
    HotlineSettings hotline,
    WechatSettings wechat,
    DecisionConfig decision) {

  public static final String HTTP_HOST = "BANBAN_HTTP_HOST";
  public static final String HTTP_PORT = "BANBAN_HTTP_PORT";
  public static final String DATA_DIR = "BANBAN_DATA_DIR";
  public static final String DB_URL = "BANBAN_DB_URL";
  public static final String DB_POOL_SIZE = "BANBAN_DB_POOL_SIZE";
  public static final String SEEDS_DIR = "BANBAN_SEEDS_DIR";
  public static final String WORKER_POOL_SIZE = "BANBAN_WORKER_POOL_SIZE";
  public static final String MAX_BODY_BYTES = "BANBAN_MAX_BODY_BYTES";
  public static final String RATE_CONVERSATIONS = "BANBAN_RATE_CONVERSATIONS_PER_MINUTE";
  public static final String RATE_MESSAGES = "BANBAN_RATE_MESSAGES_PER_MINUTE";
  public static final String KB_ANSWER_THRESHOLD = "BANBAN_KB_ANSWER_THRESHOLD";
  public static final String KB_MIN_GAP = "BANBAN_KB_MIN_GAP";
  public static final String KB_CLARIFY_THRESHOLD = "BANBAN_KB_CLARIFY_THRESHOLD";
  public static final String KB_CALIBRATION = "BANBAN_KB_CALIBRATION";
  public static final String ADMIN_PASSWORD = "BANBAN_ADMIN_PASSWORD";
  public static final String CONSOLE_BCRYPT_COST = "BANBAN_CONSOLE_BCRYPT_COST";
  public static final String CONSOLE_SESSION_IDLE = "BANBAN_CONSOLE_SESSION_IDLE_SECONDS";
  public static final String CONSOLE_LOGIN_RATE = "BANBAN_CONSOLE_LOGIN_ATTEMPTS_PER_MINUTE";
  public static final String CONSOLE_CAPACITY = "BANBAN_CONSOLE_CAPACITY";
  public static final String CONSOLE_OFFLINE = "BANBAN_CONSOLE_OFFLINE_SECONDS";
  public static final String CONSOLE_STAFFED_HOURS = "BANBAN_CONSOLE_STAFFED_HOURS";
  public static final String CONSOLE_TIMEZONE = "BANBAN_CONSOLE_TIMEZONE";
  public static final String CONSOLE_MAX_WAIT = "BANBAN_CONSOLE_MAX_WAIT_SECONDS";
  public static final String CONSOLE_REMINDER = "BANBAN_CONSOLE_REMINDER_SECONDS";
  public static final String CONSOLE_IDLE_CLOSE = "BANBAN_CONSOLE_IDLE_CLOSE_SECONDS";
  public static final String HOTLINE_URL = "BANBAN_HOTLINE_URL";
  public static final String HOTLINE_SECRET = "BANBAN_HOTLINE_SECRET";
  public static final String HOTLINE_CALLBACK_SECRET = "BANBAN_HOTLINE_CALLBACK_SECRET";
  public static final String HOTLINE_TIMEOUT_MS = "BANBAN_HOTLINE_TIMEOUT_MS";
  public static final String HOTLINE_RETRY_BASE_MS = "BANBAN_HOTLINE_RETRY_BASE_MS";
  public static final String HOTLINE_MAX_ATTEMPTS = "BANBAN_HOTLINE_MAX_ATTEMPTS";
  public static final String PII_KEY = "BANBAN_PII_KEY";
  public static final String ROUTING_DATA = "BANBAN_ROUTING_DATA";
  public static final String DEPARTMENTS = "BANBAN_DEPARTMENTS";
  /** The district departments of the seven routing categories, until a district configures its own. */
  public static final String DEFAULT_DEPARTMENTS = "城乡建设=区住房和城乡建设局;环境保护=区生态环境分局;交通运输=区交通运输局;"
      + "教育文体=区教育体育局;劳动和社会保障=区人力资源和社会保障局;商贸旅游=区商务和文化旅游局;卫生计生=区卫生健康局";
  public static final String WECHAT_ACCOUNTS = "BANBAN_WECHAT_ACCOUNTS";
  public static final String WECHAT_API_BASE = "BANBAN_WECHAT_API_BASE";
  public static final String WECHAT_REPLY_DEADLINE_MS = "BANBAN_WECHAT_REPLY_DEADLINE_MS";
  public static final String WECHAT_TIMESTAMP_WINDOW = "BANBAN_WECHAT_TIMESTAMP_WINDOW_SECONDS";

  /** Key → (default, description), in the order the README table lists them. */
  public static final Map<String, String[]> KEYS = keys();

  private static Map<String, String[]> keys() {
    Map<String, String[]> k = new LinkedHashMap<>();
    k.put(HTTP_HOST, new String[] {"0.0.0.0", "address the HTTP server binds to"});
    k.put(HTTP_PORT, new String[] {"8080", "HTTP port (0 = any free port)"});
    k.put(DATA_DIR, new String[] {"./data", "data directory; the embedded PostgreSQL keeps its files in <dir>/postgres"});
    k.put(DB_URL, new String[] {"", "postgresql://user:pass@host:port/db of an external PostgreSQL; empty = embedded"});
    k.put(DB_POOL_SIZE, new String[] {"8", "maximum PostgreSQL connections of the pool"});
    k.put(SEEDS_DIR, new String[] {"", "directory with faq.jsonl, synonyms.txt, dictionary.txt, intents.txt; empty = the seeds inside the jar"});
    k.put(WORKER_POOL_SIZE, new String[] {String.valueOf(2 * Runtime.getRuntime().availableProcessors()), "threads for knowledge-base searches and text analysis"});
    k.put(MAX_BODY_BYTES, new String[] {"65536", "largest accepted HTTP request body in bytes"});
    k.put(RATE_CONVERSATIONS, new String[] {"20", "new conversations one client address may open per minute"});
    k.put(RATE_MESSAGES, new String[] {"60", "messages, feedback and handoff requests one client address may send per minute"});
    k.put(KB_ANSWER_THRESHOLD, new String[] {String.valueOf(DecisionConfig.DEFAULTS.answerThreshold()), "confidence (0 to 1, the estimated probability the best entry is right) from which the bot answers outright (chosen on the development set; see docs/benchmarks.md)"});
    k.put(KB_MIN_GAP, new String[] {String.valueOf(DecisionConfig.DEFAULTS.minGap()), "extra lead in ranking score over the second entry needed to answer outright (0: the confidence already weighs the lead)"});
    k.put(KB_CLARIFY_THRESHOLD, new String[] {String.valueOf(DecisionConfig.DEFAULTS.clarifyThreshold()), "ranking score (0 to 1) from which an entry is offered as a choice; below it for all entries, the bot offers a person"});
    k.put(KB_CALIBRATION, new String[] {"", "the answer confidence's intercept and " + Calibration.FEATURES.size() + " weights, comma-separated, as printed by the calibrate command; absent = fitted on the seed KB"});
    k.put(ADMIN_PASSWORD, new String[] {"", "password of the first console administrator 'admin', created on first start; empty = a random one-time password printed once in the log"});
    k.put(CONSOLE_BCRYPT_COST, new String[] {"12", "bcrypt work factor of console passwords (10 to 16)"});
    k.put(CONSOLE_SESSION_IDLE, new String[] {"3600", "a console session expires after this many seconds without a request"});
    k.put(CONSOLE_LOGIN_RATE, new String[] {"10", "failed console logins one user name may make per minute (one address may make ten times as many attempts)"});
    k.put(CONSOLE_CAPACITY, new String[] {"3", "concurrent conversations of a new operator"});
    k.put(CONSOLE_OFFLINE, new String[] {"60", "an operator with no console connected for this many seconds is offline and gets no conversations"});
    k.put(CONSOLE_STAFFED_HOURS, new String[] {"00:00-24:00", "when operators are on duty, e.g. 08:30-12:00,13:30-17:30; outside, queued citizens are offered to leave a message"});
    k.put(CONSOLE_TIMEZONE, new String[] {"Asia/Shanghai", "time zone of the staffed hours"});
    k.put(CONSOLE_MAX_WAIT, new String[] {"600", "an estimated queue wait above this many seconds offers the citizen to leave a message"});
    k.put(CONSOLE_REMINDER, new String[] {"120", "seconds a citizen's message may stay unanswered before the operator is reminded"});
    k.put(CONSOLE_IDLE_CLOSE, new String[] {"900", "seconds without any message after which a conversation with an operator is closed"});
    k.put(HOTLINE_URL, new String[] {"", "base URL of the 12345 platform adapter, e.g. http://localhost:9345; empty = work orders wait in the outbox"});
    k.put(HOTLINE_SECRET, new String[] {"", "HMAC-SHA256 secret banban signs its requests to the 12345 platform with (16+ characters, required with BANBAN_HOTLINE_URL)"});
    k.put(HOTLINE_CALLBACK_SECRET, new String[] {"", "HMAC-SHA256 secret the 12345 platform signs its callbacks with; empty = callbacks refused"});
    k.put(HOTLINE_TIMEOUT_MS, new String[] {"10000", "timeout of one request to the 12345 platform in milliseconds"});
    k.put(HOTLINE_RETRY_BASE_MS, new String[] {"2000", "delay before the first retry of a failed delivery; doubles per attempt with jitter, at most one hour"});
    k.put(HOTLINE_MAX_ATTEMPTS, new String[] {"20", "delivery attempts before a work order becomes a dead letter"});
    k.put(PII_KEY, new String[] {"", "secret the citizens' phone numbers are encrypted with (AES-GCM); empty = a fixed development key, with a warning"});
    k.put(ROUTING_DATA, new String[] {"", "CSV of labelled messages (分词文本,一级分类) that trains department routing at start-up; empty = routing off"});
    k.put(DEPARTMENTS, new String[] {DEFAULT_DEPARTMENTS, "category=department pairs separated by ';': the district department of each routing category"});
    k.put(WECHAT_ACCOUNTS, new String[] {"", "JSON array of WeChat Official Accounts: [{\"name\",\"token\",\"appId\",\"appSecret\",\"encodingAesKey\",\"customerServiceApi\",\"menu\"}]; empty = WeChat off"});
    k.put(WECHAT_API_BASE, new String[] {"https://api.weixin.qq.com", "base URL of WeChat's server API (access token, customer-service messages)"});
    k.put(WECHAT_REPLY_DEADLINE_MS, new String[] {"4000", "milliseconds an answer may take for WeChat's passive reply; later answers go through the customer-service API"});
    k.put(WECHAT_TIMESTAMP_WINDOW, new String[] {"300", "seconds a signed WeChat request's timestamp may differ from our clock"});
    return java.util.Collections.unmodifiableMap(k);
  }

  /** The built-in defaults as the first layer of the configuration. */
  public static JsonObject defaults() {
    JsonObject json = new JsonObject();
    KEYS.forEach((key, v) -> json.put(key, v[0]));
    return json;
  }

  /** Validates the merged layers (defaults, file, environment) into the record. */
  public static GatewayConfig fromJson(JsonObject merged) {
    Set<String> unknown = new java.util.TreeSet<>(merged.fieldNames());
    unknown.removeAll(KEYS.keySet());
    if (!unknown.isEmpty()) {
      throw new ConfigException("Unknown configuration key " + unknown.iterator().next()
          + "; known keys: " + String.join(", ", KEYS.keySet()));
    }
    String dbUrl = string(merged, DB_URL);
    String seeds = string(merged, SEEDS_DIR);
    return new GatewayConfig(
        string(merged, HTTP_HOST).isEmpty() ? "0.0.0.0" : string(merged, HTTP_HOST),
        integer(merged, HTTP_PORT, 0, 65535),
        Path.of(nonEmpty(merged, DATA_DIR)),
        dbUrl.isEmpty() ? Optional.empty() : Optional.of(DbUrl.parse(DB_URL, dbUrl)),
        integer(merged, DB_POOL_SIZE, 1, 200),
        seeds.isEmpty() ? Optional.empty() : Optional.of(Path.of(seeds)),
        integer(merged, WORKER_POOL_SIZE, 1, 256),
        integer(merged, MAX_BODY_BYTES, 1024, 16 * 1024 * 1024),
        integer(merged, RATE_CONVERSATIONS, 1, 100_000),
        integer(merged, RATE_MESSAGES, 1, 100_000),
        console(merged),
        hotline(merged),
        wechat(merged),
        DecisionConfig.DEFAULTS.withThresholds(fraction(merged, KB_ANSWER_THRESHOLD), fraction(merged, KB_MIN_GAP),
            fraction(merged, KB_CLARIFY_THRESHOLD)).withCalibration(calibration(merged)));
  }

  private static Calibration calibration(JsonObject json) {
    String v = string(json, KB_CALIBRATION);
    if (v.isBlank()) return Calibration.DEFAULT;
    String[] parts = v.split(",");
    int expected = Calibration.FEATURES.size() + 1;
    if (parts.length != expected) {
      throw new ConfigException(KB_CALIBRATION + " must be " + expected + " comma-separated numbers (intercept, then "
          + String.join(", ", Calibration.FEATURES) + "), got " + parts.length);
    }
    double[] n = new double[expected];
    for (int i = 0; i < expected; i++) {
      try {
        n[i] = Double.parseDouble(parts[i].strip());
        if (!Double.isFinite(n[i])) throw new NumberFormatException();
      } catch (NumberFormatException e) {
        throw new ConfigException(KB_CALIBRATION + " must be numbers only, got '" + parts[i].strip() + "'");
      }
    }
    return new Calibration(n[0], java.util.Arrays.copyOfRange(n, 1, expected));
  }

  private static HotlineSettings hotline(JsonObject merged) {
    String url = string(merged, HOTLINE_URL);
    if (!url.isEmpty() && !url.matches("https?://\\S+")) {
      throw new ConfigException(HOTLINE_URL + " must be an http:// or https:// URL, got '" + url + "'");
    }
    String secret = string(merged, HOTLINE_SECRET);
    if (!url.isEmpty() && secret.length() < 16) {
      throw new ConfigException(HOTLINE_SECRET + " must have at least 16 characters when " + HOTLINE_URL + " is set");
    }
    Map<String, String> departments = new LinkedHashMap<>();
    for (String pair : string(merged, DEPARTMENTS).split(";")) {
      int eq = pair.indexOf('=');
      if (pair.isBlank()) continue;
      if (eq <= 0 || pair.substring(eq + 1).isBlank()) {
        throw new ConfigException(DEPARTMENTS + " must be category=department pairs separated by ';', got '" + pair.strip() + "'");
      }
      departments.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
    }
    String routing = string(merged, ROUTING_DATA);
    return new HotlineSettings(url.isEmpty() ? Optional.empty() : Optional.of(url), secret,
        string(merged, HOTLINE_CALLBACK_SECRET), integer(merged, HOTLINE_TIMEOUT_MS, 100, 600_000),
        integer(merged, HOTLINE_RETRY_BASE_MS, 10, 3_600_000), integer(merged, HOTLINE_MAX_ATTEMPTS, 1, 1000),
        string(merged, PII_KEY), routing.isEmpty() ? Optional.empty() : Optional.of(Path.of(routing)),
        java.util.Collections.unmodifiableMap(departments));
  }

  private static WechatSettings wechat(JsonObject merged) {
    String base = string(merged, WECHAT_API_BASE);
    if (!base.matches("https?://\\S+")) throw new ConfigException(WECHAT_API_BASE + " must be an http:// or https:// URL, got '" + base + "'");
    return new WechatSettings(WechatSettings.parseAccounts(WECHAT_ACCOUNTS, merged.getValue(WECHAT_ACCOUNTS)), base,
        integer(merged, WECHAT_REPLY_DEADLINE_MS, 1, 4900), integer(merged, WECHAT_TIMESTAMP_WINDOW, 1, 86_400));
  }

  private static ConsoleSettings console(JsonObject merged) {
    String password = string(merged, ADMIN_PASSWORD);
    if (!password.isEmpty() && password.length() < 12) {
      throw new ConfigException(ADMIN_PASSWORD + " must be at least 12 characters long");
    }
    java.time.ZoneId zone;
    StaffedHours hours;
    try {
      zone = java.time.ZoneId.of(nonEmpty(merged, CONSOLE_TIMEZONE));
      hours = StaffedHours.parse(nonEmpty(merged, CONSOLE_STAFFED_HOURS), zone);
    } catch (java.time.DateTimeException | IllegalArgumentException e) {
      throw new ConfigException(CONSOLE_STAFFED_HOURS + "/" + CONSOLE_TIMEZONE + ": " + e.getMessage());
    }
    return new ConsoleSettings(password.isEmpty() ? Optional.empty() : Optional.of(password),
        integer(merged, CONSOLE_BCRYPT_COST, 10, 16),
        seconds(merged, CONSOLE_SESSION_IDLE), integer(merged, CONSOLE_LOGIN_RATE, 1, 10_000),
        integer(merged, CONSOLE_CAPACITY, 1, 50), seconds(merged, CONSOLE_OFFLINE), hours,
        seconds(merged, CONSOLE_MAX_WAIT), seconds(merged, CONSOLE_REMINDER), seconds(merged, CONSOLE_IDLE_CLOSE));
  }

  private static java.time.Duration seconds(JsonObject json, String key) {
    return java.time.Duration.ofSeconds(integer(json, key, 1, 7 * 24 * 3600));
  }

  /** The same record with another port and data directory: what tests and tools change most. */
  public GatewayConfig withPortAndDataDir(int port, Path dir) {
    return new GatewayConfig(httpHost, port, dir, dbUrl, dbPoolSize, seedsDir, workerPoolSize, maxBodyBytes,
        conversationsPerMinute, messagesPerMinute, console, hotline, wechat, decision);
  }

  private static String string(JsonObject json, String key) {
    Object v = json.getValue(key);
    return v == null ? "" : String.valueOf(v).strip();
  }

  private static String nonEmpty(JsonObject json, String key) {
    String v = string(json, key);
    if (v.isEmpty()) throw new ConfigException(key + " must not be empty");
    return v;
  }

  private static double fraction(JsonObject json, String key) {
    String v = string(json, key);
    try {
      double d = Double.parseDouble(v);
      if (!(d >= 0 && d <= 1)) throw new NumberFormatException();
      return d;
    } catch (NumberFormatException e) {
      throw new ConfigException(key + " must be a number from 0 to 1, got '" + v + "'");
    }
  }

  private static int integer(JsonObject json, String key, int min, int max) {
    String v = string(json, key);
    try {
      int n = Integer.parseInt(v);
      if (n < min || n > max) throw new NumberFormatException();
      return n;
    } catch (NumberFormatException e) {
      throw new ConfigException(key + " must be a whole number from " + min + " to " + max + ", got '" + v + "'");
    }
  }
}
