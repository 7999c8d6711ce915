package banban.gateway.cli;

import banban.gateway.config.GatewayConfig;
import banban.gateway.db.Database;
import banban.kb.FaqEntry;
import banban.kb.FaqImportException;
import banban.kb.FaqJsonl;
import banban.kb.store.FaqRepository;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code kb import FILE} and {@code kb export FILE}: the administrator's way to move the FAQ table to
 * and from JSON Lines. An import replaces the table in one transaction, and a file with any bad line
 * is refused whole, with every bad line's number and problem. Running gateways pick the change up
 * through PostgreSQL notifications. With the embedded database, stop the gateway first: the embedded
 * server's data directory can be opened by one process at a time.
 */
public final class KbCommand {
  private KbCommand() {}

  public static int run(String[] args, GatewayConfig config, PrintStream out, PrintStream err) {
    if (args.length != 2 || !(args[0].equals("import") || args[0].equals("export"))) {
      err.println("usage: kb import FILE | kb export FILE");
      return 2;
    }
    Path file = Path.of(args[1]);
    List<FaqEntry> entries = null;
    if (args[0].equals("import")) {
      try {
        entries = FaqJsonl.read(file);
      } catch (FaqImportException e) {
        err.println("Nothing imported: " + file + " has " + e.errors().size() + " bad line(s):");
        e.errors().forEach(x -> err.println("  " + x));
        return 1;
      } catch (RuntimeException e) {
        err.println("Nothing imported: " + e.getMessage());
        return 1;
      }
    }
    Vertx vertx = Vertx.vertx();
    try (Database db = Database.open(config)) {
      db.migrate();
      Pool pool = db.pool(vertx, 2);
      try {
        FaqRepository repo = FaqRepository.create(pool);
        if (entries != null) {
          var summary = repo.importAll(entries).await(120, TimeUnit.SECONDS);
          out.printf("Imported %d entries from %s: %d written, %d removed%n", summary.total(), file, summary.written(), summary.removed());
        } else {
          List<FaqEntry> all = repo.exportAll().await(120, TimeUnit.SECONDS);
          Files.writeString(file, FaqJsonl.write(all), StandardCharsets.UTF_8);
          out.printf("Exported %d entries to %s%n", all.size(), file);
        }
      } finally {
        pool.close().await(10, TimeUnit.SECONDS);
      }
      return 0;
    } catch (Exception e) {
      err.println((entries != null ? "Import" : "Export") + " failed: " + e.getMessage());
      return 1;
    } finally {
      vertx.close();
    }
  }
}
