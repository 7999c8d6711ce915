package banban.connectors.hotline;

import io.vertx.core.Vertx;
import java.io.PrintStream;

/**
 * {@code hotline-sim --port 9345 [--secret S] [--callback URL] [--callback-secret S] [--step-ms N]}:
 * runs the 12345 simulator until the process is stopped.
 */
public final class SimulatorCommand {
  private SimulatorCommand() {}

  public static int run(String[] args, PrintStream out, PrintStream err) {
    int port = 9345;
    String secret = "dev-hotline-secret";
    String callback = "http://localhost:8080/hotline/12345/callback";
    String callbackSecret = "dev-callback-secret";
    long stepMs = 10_000;
    try {
      for (int i = 0; i < args.length; i++) {
        String v = i + 1 < args.length ? args[i + 1] : null;
        if (v == null) throw new IllegalArgumentException(args[i] + " needs a value");
        switch (args[i]) {
          case "--port" -> port = Integer.parseInt(v);
          case "--secret" -> secret = v;
          case "--callback" -> callback = v.isBlank() || "none".equals(v) ? null : v;
          case "--callback-secret" -> callbackSecret = v;
          case "--step-ms" -> stepMs = Long.parseLong(v);
          default -> throw new IllegalArgumentException("unknown option " + args[i]);
        }
        i++;
      }
    } catch (IllegalArgumentException e) {
      err.println("hotline-sim: " + e.getMessage());
      err.println("usage: hotline-sim [--port 9345] [--secret S] [--callback URL|none] [--callback-secret S] [--step-ms N]");
      return 2;
    }
    Vertx vertx = Vertx.vertx();
    HotlineSimulator sim = new HotlineSimulator(vertx, new HotlineSimulator.Options(port, secret, callback, callbackSecret, stepMs));
    try {
      int actual = sim.start().await();
      out.println("12345 simulator on http://localhost:" + actual + " (orders: GET /_sim/orders); callbacks to "
          + (callback == null ? "nobody" : callback) + " every " + stepMs + " ms");
      Thread.currentThread().join();
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    } catch (Exception e) {
      err.println("hotline-sim failed: " + e.getMessage());
      vertx.close();
      return 1;
    }
  }
}
