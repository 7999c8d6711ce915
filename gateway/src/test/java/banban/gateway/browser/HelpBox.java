package banban.gateway.browser;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The help box as a citizen sees it, found only through its data-testid hooks. */
final class HelpBox {
  static final Duration TIMEOUT = Duration.ofSeconds(20);

  private final WebDriver driver;
  final WebDriverWait wait;

  HelpBox(WebDriver driver) {
    this.driver = driver;
    this.wait = new WebDriverWait(driver, TIMEOUT);
  }

  static By testId(String id) {
    return By.cssSelector("[data-testid='" + id + "']");
  }

  static By messagesFrom(String sender) {
    return By.cssSelector("[data-testid='chat-message'][data-sender='" + sender + "']");
  }

  WebElement find(String id) {
    return driver.findElement(testId(id));
  }

  /** Opens the box and waits for the conversation's welcome (or its earlier transcript). */
  void open() {
    wait.until(ExpectedConditions.elementToBeClickable(testId("chat-open"))).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(testId("chat-input")));
    wait.until(d -> !messages("bot").isEmpty());
  }

  List<WebElement> messages(String sender) {
    return driver.findElements(messagesFrom(sender));
  }

  List<WebElement> allMessages() {
    return driver.findElements(testId("chat-message"));
  }

  List<String> transcript() {
    return allMessages().stream().map(m -> m.getAttribute("data-sender") + ": " + m.getText()).collect(Collectors.toList());
  }

  /** Types a question, presses Enter, and returns the first bot message that answers it. */
  WebElement ask(String text) {
    int bots = messages("bot").size();
    WebElement input = find("chat-input");
    input.sendKeys(text);
    input.sendKeys(Keys.ENTER);
    return nextBot(bots);
  }

  /** Waits for the bot message number {@code before + 1} and returns it. */
  WebElement nextBot(int before) {
    wait.until(d -> messages("bot").size() > before);
    return messages("bot").get(before);
  }

  WebElement last(String sender) {
    wait.until(d -> !messages(sender).isEmpty());
    List<WebElement> all = messages(sender);
    return all.get(all.size() - 1);
  }

  Object script(String js, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(js, args);
  }

  String activeTestId() {
    return (String) script("return document.activeElement && document.activeElement.getAttribute('data-testid');");
  }
}
