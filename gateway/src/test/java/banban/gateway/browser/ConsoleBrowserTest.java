package banban.gateway.browser;

import static banban.gateway.browser.HelpBox.testId;
import static org.assertj.core.api.Assertions.assertThat;

import banban.gateway.Gateway;
import banban.gateway.config.GatewayConfig;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.sqlclient.Tuple;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A citizen in the help box and an operator in the console, two browsers at once against one real
 * gateway: handoff, accept, agent assist, replies both ways, close and rating; and a citizen's
 * {@code <script>} shown as text in the console.
 */
class ConsoleBrowserTest {
  static final String PASSWORD = "operator-password-1";
  static final String XSS = "<script>alert(1)</script>";

  @TempDir static Path dataDir;
  static Vertx vertx;
  static Gateway gateway;
  static Browser citizenBrowser;
  static Browser operatorBrowser;
  static String site;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    gateway = Gateway.start(vertx, GatewayConfig.fromJson(GatewayConfig.defaults()
        .put(GatewayConfig.HTTP_PORT, "0").put(GatewayConfig.HTTP_HOST, "127.0.0.1").put(GatewayConfig.DATA_DIR, dataDir.toString())
        .put(GatewayConfig.ADMIN_PASSWORD, "first-admin-password").put(GatewayConfig.CONSOLE_BCRYPT_COST, "10")))
        .await(120, TimeUnit.SECONDS);
    site = "http://127.0.0.1:" + gateway.port() + "/";
    createOperator();
    citizenBrowser = Browser.start();
    operatorBrowser = Browser.start();
  }

  /** The administrator creates the operator through the API the admin panel uses. */
  static void createOperator() {
    WebClient client = WebClient.create(vertx);
    var login = client.post(gateway.port(), "127.0.0.1", "/api/v1/console/login")
        .sendJsonObject(new JsonObject().put("username", "admin").put("password", "first-admin-password")).await();
    String cookie = login.cookies().get(0).split(";")[0];
    var created = client.post(gateway.port(), "127.0.0.1", "/api/v1/console/operators").putHeader("Cookie", cookie)
        .putHeader("X-CSRF-Token", login.bodyAsJsonObject().getString("csrfToken"))
        .sendJsonObject(new JsonObject().put("username", "wang.fang").put("displayName", "王芳").put("password", PASSWORD)).await();
    assertThat(created.statusCode()).isEqualTo(201);
  }

  @AfterAll
  static void stop() throws Exception {
    if (citizenBrowser != null) citizenBrowser.close();
    if (operatorBrowser != null) operatorBrowser.close();
    if (gateway != null) gateway.stop().await(60, TimeUnit.SECONDS);
    if (vertx != null) vertx.close().await(30, TimeUnit.SECONDS);
  }

  /** Text of the first match, or "" while there is none or it is being re-drawn. */
  static String textOf(WebDriver d, By by) {
    try {
      List<WebElement> found = d.findElements(by);
      return found.isEmpty() ? "" : found.get(0).getText();
    } catch (StaleElementReferenceException e) {
      return "";
    }
  }

  /** Clicks the first match; false (try again) while there is none or it is being re-drawn. */
  static boolean click(WebDriver d, By by) {
    try {
      List<WebElement> found = d.findElements(by);
      if (found.isEmpty() || !found.get(0).isEnabled()) return false;
      found.get(0).click();
      return true;
    } catch (StaleElementReferenceException e) {
      return false;
    }
  }

  @Test
  @DisplayName("Citizen asks for a person; the operator accepts, inserts an assist suggestion, replies; they talk; the operator closes and the citizen rates")
  void handoffScenario() {
    WebDriver cd = citizenBrowser.driver;
    WebDriver od = operatorBrowser.driver;
    cd.get(site);
    HelpBox box = new HelpBox(cd);
    box.open();
    WebElement input = box.find("chat-input");
    input.sendKeys(XSS);
    input.sendKeys(Keys.ENTER);
    box.wait.until(d -> box.messages("citizen").size() == 1);
    box.find("chat-human").click();
    box.wait.until(ExpectedConditions.visibilityOfElementLocated(testId("chat-queue-position")));

    WebDriverWait ow = new WebDriverWait(od, HelpBox.TIMEOUT);
    od.get(site + "console");
    ow.until(ExpectedConditions.visibilityOfElementLocated(testId("console-login-user"))).sendKeys("wang.fang");
    od.findElement(testId("console-login-password")).sendKeys(PASSWORD);
    od.findElement(testId("console-login-submit")).click();
    ow.until(ExpectedConditions.elementToBeClickable(testId("console-available"))).click();
    // The lists are re-drawn on every push, so elements are looked up afresh inside each wait.
    ow.until(d -> textOf(d, testId("console-queue-item")).contains(XSS));
    ow.until(d -> click(d, testId("console-accept")));

    // The citizen's <script> is text in the console, never markup.
    By consoleCitizen = By.cssSelector("[data-testid='console-conversation'] [data-sender='citizen']");
    ow.until(d -> textOf(d, consoleCitizen).contains(XSS));
    assertThat(od.findElements(By.cssSelector("[data-testid='console-conversation'] script"))).isEmpty();
    box.wait.until(d -> !box.messages("system").isEmpty() && box.last("system").getText().contains("王芳"));

    // The citizen asks a real question; the bot stays silent and the console suggests the FAQ entry.
    int bots = box.messages("bot").size();
    input.sendKeys("个体工商户营业执照怎么办理？");
    input.sendKeys(Keys.ENTER);
    ow.until(d -> d.findElements(consoleCitizen).size() == 2);
    ow.until(d -> click(d, By.cssSelector("[data-testid='console-suggestion'][data-faq-id='biz-001'] button")));
    WebElement reply = od.findElement(testId("console-input"));
    assertThat(reply.getAttribute("value")).contains("个体工商户");
    reply.sendKeys(Keys.END, Keys.chord(Keys.SHIFT, Keys.ENTER), "还有其他问题吗？");
    assertThat(reply.getAttribute("value")).endsWith("\n还有其他问题吗？");
    reply.sendKeys(Keys.ENTER);

    WebElement fromPerson = box.wait.until(d -> box.messages("operator").isEmpty() ? null : box.last("operator"));
    assertThat(fromPerson.getText()).contains("个体工商户").contains("还有其他问题吗？");
    assertThat(cd.findElement(By.cssSelector(".bb-row--operator .bb-who")).getText()).isEqualTo("人工客服");
    assertThat(box.messages("bot")).hasSize(bots);

    input.sendKeys("没有了，谢谢您");
    ow.until(ExpectedConditions.visibilityOfElementLocated(By.id("typing")));
    input.sendKeys(Keys.ENTER);
    ow.until(d -> d.findElements(consoleCitizen).stream().anyMatch(e -> {
      try {
        return e.getText().contains("没有了，谢谢您");
      } catch (StaleElementReferenceException stale) {
        return false;
      }
    }));

    // 转12345: the form opens pre-filled from the conversation and files a work order.
    od.findElement(testId("console-transfer-12345")).click();
    WebElement title = ow.until(ExpectedConditions.visibilityOfElementLocated(testId("wo-title")));
    assertThat(od.findElement(testId("wo-text")).getAttribute("value")).contains("个体工商户营业执照怎么办理");
    title.clear();
    title.sendKeys("咨询个体工商户登记后要求回访");
    od.findElement(testId("wo-phone")).sendKeys("13812345678");
    od.findElement(By.id("wo-consent")).click();
    od.findElement(testId("wo-submit")).click();
    ow.until(d -> d.findElement(By.id("notice")).getText().contains("已提交12345工单 BB-"));
    var order = gateway.pool().query("SELECT title, phone_masked FROM work_order").execute().await().iterator().next();
    assertThat(order.getString("title")).isEqualTo("咨询个体工商户登记后要求回访");
    assertThat(order.getString("phone_masked")).isEqualTo("138****5678");

    od.findElement(testId("console-close")).click();
    WebElement satisfied = box.wait.until(ExpectedConditions.elementToBeClickable(testId("chat-rating-satisfied")));
    box.find("chat-rating-comment").sendKeys("很耐心");
    satisfied.click();
    box.wait.until(d -> box.last("system").getText().contains("感谢您的评价"));
    var row = gateway.pool().query("SELECT rating, comment FROM conversation_rating").execute().await().iterator().next();
    assertThat(row.getString("rating")).isEqualTo("satisfied");
    assertThat(row.getString("comment")).isEqualTo("很耐心");
    operatorBrowser.screenshot("console-closed");
    citizenBrowser.screenshot("helpbox-rated");
  }
}
