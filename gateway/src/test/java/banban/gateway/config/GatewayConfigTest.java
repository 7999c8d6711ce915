package banban.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@ExtendWith(VertxExtension.class)
class GatewayConfigTest {

  private static GatewayConfig with(String key, String value) {
    return GatewayConfig.fromJson(GatewayConfig.defaults().put(key, value));
  }

  @Test
  @DisplayName("The defaults give port 8080, ./data and the embedded database")
  void defaults() {
    GatewayConfig c = GatewayConfig.fromJson(GatewayConfig.defaults());
    assertThat(c.httpPort()).isEqualTo(8080);
    assertThat(c.dataDir()).isEqualTo(Path.of("./data"));
    assertThat(c.dbUrl()).isEmpty();
  }

  @ParameterizedTest(name = "port ''{0}'' is refused")
  @CsvSource({"abc", "-1", "70000", "80.5", "''"})
  @DisplayName("A malformed port stops start-up with a message naming the key and the expected form")
  void badPort(String port) {
    assertThatThrownBy(() -> with(GatewayConfig.HTTP_PORT, port))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("BANBAN_HTTP_PORT")
        .hasMessageContaining("whole number from 0 to 65535");
  }

  @ParameterizedTest(name = "database URL ''{0}'' is refused")
  @CsvSource({"mysql://u:p@host:3306/db", "postgresql://host:5432", "not a url at all", "postgresql:///db"})
  @DisplayName("A malformed database URL names BANBAN_DB_URL and shows the expected form")
  void badDbUrl(String url) {
    assertThatThrownBy(() -> with(GatewayConfig.DB_URL, url))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("BANBAN_DB_URL")
        .hasMessageContaining("postgresql://user:password@host:5432/database");
  }

  @Test
  @DisplayName("A database URL is split into host, port, database and credentials, and never logs the password")
  void dbUrl() {
    GatewayConfig c = with(GatewayConfig.DB_URL, "postgresql://help%40desk:s3cr%3At@db.example:6543/banban");
    DbUrl url = c.dbUrl().orElseThrow();
    assertThat(url).extracting(DbUrl::host, DbUrl::port, DbUrl::database, DbUrl::user, DbUrl::password)
        .containsExactly("db.example", 6543, "banban", "help@desk", "s3cr:t");
    assertThat(url.toString()).doesNotContain("s3cr");
  }

  @Test
  @DisplayName("An unknown key is named in the error")
  void unknownKey() {
    assertThatThrownBy(() -> GatewayConfig.fromJson(GatewayConfig.defaults().put("BANBAN_HTTP_PROT", "80")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("BANBAN_HTTP_PROT");
  }

  @Test
  @DisplayName("A YAML file overrides the defaults")
  void yamlFile(Vertx vertx, VertxTestContext ctx, @TempDir Path dir) throws Exception {
    Path file = dir.resolve("banban.yaml");
    Files.writeString(file, "BANBAN_HTTP_PORT: 9191\nBANBAN_DATA_DIR: /var/lib/banban\n");
    ConfigLoader.load(vertx, Optional.of(file)).onComplete(ctx.succeeding(c -> ctx.verify(() -> {
      assertThat(c.httpPort()).isEqualTo(9191);
      assertThat(c.dataDir()).isEqualTo(Path.of("/var/lib/banban"));
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("A YAML file with a bad value fails with the key named")
  void yamlBadValue(Vertx vertx, VertxTestContext ctx, @TempDir Path dir) throws Exception {
    Path file = dir.resolve("banban.yaml");
    Files.writeString(file, "BANBAN_DB_POOL_SIZE: lots\n");
    ConfigLoader.load(vertx, Optional.of(file)).onComplete(ctx.failing(e -> ctx.verify(() -> {
      assertThat(e).isInstanceOf(ConfigException.class).hasMessageContaining("BANBAN_DB_POOL_SIZE");
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("A missing configuration file is reported, not ignored")
  void missingFile(Vertx vertx, VertxTestContext ctx, @TempDir Path dir) {
    ConfigLoader.load(vertx, Optional.of(dir.resolve("nope.yaml"))).onComplete(ctx.failing(e -> ctx.verify(() -> {
      assertThat(e).isInstanceOf(ConfigException.class).hasMessageContaining("nope.yaml");
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("Every key has a default and a description for --help and the README")
  void keysDocumented() {
    GatewayConfig.KEYS.forEach((k, v) -> {
      assertThat(k).startsWith("BANBAN_");
      assertThat(v[1]).isNotBlank();
    });
    assertThat(new JsonObject().mergeIn(GatewayConfig.defaults()).fieldNames()).containsAll(GatewayConfig.KEYS.keySet());
  }

  @Test
  @DisplayName("The answer thresholds come from configuration, defaulting to the values chosen on the development set")
  void decisionThresholds() {
    assertThat(GatewayConfig.fromJson(GatewayConfig.defaults()).decision()).isEqualTo(banban.kb.DecisionConfig.DEFAULTS);
    GatewayConfig c = with(GatewayConfig.KB_ANSWER_THRESHOLD, "0.6");
    assertThat(c.decision().answerThreshold()).isEqualTo(0.6);
    assertThat(c.decision().minGap()).isEqualTo(banban.kb.DecisionConfig.DEFAULTS.minGap());
    assertThatThrownBy(() -> with(GatewayConfig.KB_MIN_GAP, "1.5"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("BANBAN_KB_MIN_GAP").hasMessageContaining("from 0 to 1");
  }

  @Test
  @DisplayName("A calibration printed by the calibrate command is taken as configured; a malformed one names the key")
  void calibration() {
    String printed = "-9.5,3,6,-0.5,0.5,0,-2.5,10,10,4,-2,-6.5,0.4,1.3,1,0.1";
    banban.kb.Calibration c = with(GatewayConfig.KB_CALIBRATION, printed).decision().calibration();
    assertThat(c.intercept()).isEqualTo(-9.5);
    assertThat(c.weights()).hasSize(banban.kb.Calibration.FEATURES.size()).startsWith(3, 6, -0.5);
    assertThatThrownBy(() -> with(GatewayConfig.KB_CALIBRATION, "1,2,3"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("BANBAN_KB_CALIBRATION").hasMessageContaining("16");
    assertThatThrownBy(() -> with(GatewayConfig.KB_CALIBRATION, printed.replace("10,", "ten,")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("'ten'");
  }
}
