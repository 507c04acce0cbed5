package dev.tributary.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * {@code DashboardMain [--port 8050] [--elasticsearch-url http://127.0.0.1:9200] [--index-version
 * v1] [--refresh-seconds 5]}: serves every page a {@link PageProvider} on the class path gives,
 * until stopped.
 */
public final class DashboardMain {
  private static final String USAGE =
      "Usage: DashboardMain [--port N (8050; 0 for any free port)]"
          + " [--elasticsearch-url URL (http://127.0.0.1:9200)] [--index-version V (v1)]"
          + " [--refresh-seconds N (5)]\n"
          + "Serves the dashboard pages over the Elasticsearch views at http://127.0.0.1:<port>/.";

  private DashboardMain() {}

  /** The pages of every provider on the class path. */
  public static List<DashboardPage> pages(String indexVersion) {
    List<DashboardPage> pages = new ArrayList<>();
    for (PageProvider provider : ServiceLoader.load(PageProvider.class)) {
      pages.add(provider.page(indexVersion));
    }
    return pages;
  }

  public static void main(String[] args) {
    int port = 8050;
    String url = "http://127.0.0.1:9200";
    String version = "v1";
    int refresh = 5;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--help") || arg.equals("-h")) {
        System.out.println(USAGE);
        return;
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("option " + arg + " needs a value; see --help");
      }
      String value = args[++i];
      try {
        switch (arg) {
          case "--port" -> port = Integer.parseInt(value);
          case "--elasticsearch-url" -> url = value;
          case "--index-version" -> version = value;
          case "--refresh-seconds" -> refresh = Integer.parseInt(value);
          default -> throw new IllegalArgumentException("unknown option " + arg + "; see --help");
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "option " + arg + " has a bad value '" + value + "'; see --help", e);
      }
    }
    Dashboard dashboard = Dashboard.start(port, new Elasticsearch(url), pages(version), refresh);
    // The line that tells a test or script starting this JVM that the dashboard is up.
    System.out.println("TRIBUTARY-READY url=http://127.0.0.1:" + dashboard.port() + "/");
  }
}
