package io.meerkat.server;

import io.meerkat.server.config.ConfigException;
import io.meerkat.server.config.ConfigLoader;
import io.meerkat.server.config.MeerkatConfig;
import io.meerkat.server.http.HttpHandlerSpecs;
import io.meerkat.server.module.ModuleCatalog;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code meerkat live [--config FILE]}: runs one node in the foreground until interrupted. Exit
 * status 0 after a clean stop, 1 when the node cannot start, 2 for a bad command line or
 * configuration.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    Path home = Path.of(System.getProperty("meerkat.home", "."));
    Path configFile = home.resolve("etc/meerkat.toml");
    if (args.length == 0 || !args[0].equals("live")) {
      usage();
      System.exit(2);
    }
    if (args.length == 3 && args[1].equals("--config")) {
      configFile = Path.of(args[2]);
    } else if (args.length != 1) {
      usage();
      System.exit(2);
    }
    ModuleCatalog catalog = ModuleCatalog.standard();
    MeerkatConfig config;
    try {
      config =
          new ConfigLoader(catalog.specs(), HttpHandlerSpecs.all(), System::getenv, home)
              .load(configFile);
    } catch (ConfigException e) {
      System.err.println("Meerkat cannot start: the configuration has errors:");
      e.errors().forEach(error -> System.err.println("  " + error));
      System.exit(2);
      return;
    }
    run(config, catalog);
  }

  private static void run(MeerkatConfig config, ModuleCatalog catalog) {
    MeerkatNode node;
    try {
      node = MeerkatNode.start(config, catalog);
    } catch (RuntimeException e) {
      System.err.println("Meerkat cannot start: " + e.getMessage());
      System.exit(1);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  node.close();
                  System.out.println("Meerkat stopped.");
                  stopped.countDown();
                },
                "meerkat-shutdown"));
    System.out.println(
        "Meerkat started: node "
            + config.general().nodeName()
            + ", hosts "
            + config.general().hosts()
            + ", client ports "
            + node.c2sPorts()
            + ", HTTP ports "
            + node.httpPorts()
            + ". Press Ctrl-C to stop.");
    // "server stop" from the admin API: exit, which runs the shutdown hook above.
    node.stopRequested().thenRun(() -> Thread.ofPlatform().start(() -> System.exit(0)));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void usage() {
    System.err.println("Usage: meerkat live [--config FILE]");
  }
}
