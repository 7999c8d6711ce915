package banban.gateway;

import banban.gateway.config.ConfigException;
import banban.gateway.config.ConfigLoader;
import banban.gateway.cli.KbCommand;
import banban.connectors.hotline.SimulatorCommand;
import banban.gateway.workorder.routing.ClassifyEval;
import banban.gateway.config.GatewayConfig;
import banban.kb.eval.CalibrateCommand;
import banban.kb.eval.EvalCommand;
import io.vertx.core.Vertx;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/** Command line entry point: parses arguments, then wires and starts, or runs a one-off command. */
public final class Main {
  public static final String VERSION = "0.1.0";

  private Main() {}

  public static void main(String[] args) {
    System.setProperty("vertx.logger-delegate-factory-class-name", "io.vertx.core.logging.SLF4JLogDelegateFactory");
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    List<String> rest = new ArrayList<>();
    Optional<Path> configFile = Optional.empty();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--help", "-h", "help" -> {
          out.print(usage());
          return 0;
        }
        case "--config" -> {
          if (i + 1 >= args.length) {
            err.println("--config needs a file name");
            return 2;
          }
          configFile = Optional.of(Path.of(args[++i]));
        }
        default -> rest.add(args[i]);
      }
    }
    String command = rest.isEmpty() ? "serve" : rest.get(0);
    String[] commandArgs = rest.isEmpty() ? new String[0] : rest.subList(1, rest.size()).toArray(String[]::new);
    return switch (command) {
      case "serve" -> serve(configFile, err);
      case "eval" -> EvalCommand.run(commandArgs, out);
      case "calibrate" -> CalibrateCommand.run(commandArgs, out);
      case "kb" -> withConfig(configFile, err, config -> KbCommand.run(commandArgs, config, out, err));
      case "hotline-sim" -> SimulatorCommand.run(commandArgs, out, err);
      case "classify-eval" -> withConfig(configFile, err, config -> ClassifyEval.run(commandArgs, config.hotline().routingData(), out, err));
      default -> {
        err.println("Unknown command '" + command + "'\n");
        err.print(usage());
        yield 2;
      }
    };
  }

  private static int serve(Optional<Path> configFile, PrintStream err) {
    Logger log = LoggerFactory.getLogger(Main.class);
    Vertx vertx = Vertx.vertx();
    try {
      long t = System.nanoTime();
      GatewayConfig config = ConfigLoader.load(vertx, configFile).await();
      log.info("Stage config: done in {} ms", (System.nanoTime() - t) / 1_000_000);
      Gateway gateway = Gateway.start(vertx, config).await();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        log.info("Shutting down");
        try {
          gateway.stop().await(30, TimeUnit.SECONDS);
          vertx.close().await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
          log.warn("Shutdown did not finish cleanly", e);
        }
      }, "banban-shutdown"));
      return awaitForever();
    } catch (ConfigException e) {
      err.println("Configuration error: " + e.getMessage());
      vertx.close();
      return 2;
    } catch (Exception e) {
      log.error("Start-up failed: {}", e.getMessage(), e);
      vertx.close();
      return 1;
    }
  }

  private static int withConfig(Optional<Path> configFile, PrintStream err, java.util.function.ToIntFunction<GatewayConfig> command) {
    Vertx vertx = Vertx.vertx();
    GatewayConfig config;
    try {
      config = ConfigLoader.load(vertx, configFile).await();
    } catch (Exception e) {
      err.println("Configuration error: " + e.getMessage());
      return 2;
    } finally {
      vertx.close();
    }
    return command.applyAsInt(config);
  }

  private static int awaitForever() {
    try {
      Thread.currentThread().join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  static String usage() {
    StringBuilder s = new StringBuilder();
    s.append("banban ").append(VERSION).append(" - government-service help-center gateway\n\n")
        .append("Usage: java -jar banban.jar [--config FILE] [COMMAND] [ARGS]\n\n")
        .append("Commands:\n")
        .append("  serve                    start the gateway (default)\n")
        .append("  eval --cases FILE [--kb FAQ.jsonl] [--sweep]\n")
        .append("                           run the answering code on evaluation cases; print figures and baselines\n")
        .append("  calibrate [--kb FAQ.jsonl] [--folds N] [--c C]\n")
        .append("                           fit the answer confidence on the KB's own questions (held out in folds)\n")
        .append("  kb import FILE           replace the FAQ table with a JSONL file (all or nothing)\n")
        .append("  kb export FILE           write the FAQ table as JSONL\n")
        .append("  hotline-sim [--port 9345] [--secret S] [--callback URL|none] [--callback-secret S] [--step-ms N]\n")
        .append("                           run a simulated 12345 platform (orders, callbacks, GET /_sim/orders)\n")
        .append("  classify-eval --cases FILE.csv [--train FILE.csv]\n")
        .append("                           department routing figures and baselines (training data: BANBAN_ROUTING_DATA)\n")
        .append("  help, --help             show this text\n\n")
        .append("Options:\n")
        .append("  --config FILE            YAML file with any of the keys below (environment variables win)\n\n")
        .append("Configuration keys (environment variables):\n");
    GatewayConfig.KEYS.forEach((k, v) -> s.append(String.format("  %-26s %s (default: %s)%n", k, v[1], v[0].isEmpty() ? "none" : v[0])));
    return s.toString();
  }
}
