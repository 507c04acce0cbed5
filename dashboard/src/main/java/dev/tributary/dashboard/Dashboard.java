package dev.tributary.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard's HTTP server: an index of its pages at {@code /}, each page at {@code
 * /pages/<name>} (one HTML page for all, which draws the panels it is told of with Apache ECharts
 * and refreshes them every {@code refreshSeconds}), and the JSON it reads: {@code
 * /api/pages/<name>} (title and panels) and {@code /api/pages/<name>/panels/<id>} (a panel's data,
 * queried from Elasticsearch at each request).
 */
public final class Dashboard implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Dashboard.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Javalin app;
  private final Map<String, DashboardPage> pages = new LinkedHashMap<>();
  private final Elasticsearch elasticsearch;
  private final int refreshSeconds;
  private final String pageHtml = resource("dashboard/page.html");

  private Dashboard(Elasticsearch elasticsearch, List<DashboardPage> pages, int refreshSeconds) {
    this.elasticsearch = elasticsearch;
    this.refreshSeconds = refreshSeconds;
    for (DashboardPage page : pages) {
      if (this.pages.put(page.name(), page) != null) {
        throw new IllegalArgumentException("two dashboard pages are named " + page.name());
      }
    }
    this.app =
        Javalin.create(config -> config.staticFiles.enableWebjars())
            .get("/", this::index)
            .get("/pages/{page}", ctx -> ctx.html(pageHtml.replace("{{page}}", page(ctx).name())))
            .get("/api/pages/{page}", ctx -> ctx.json(describe(page(ctx))))
            .get("/api/pages/{page}/panels/{panel}", this::panelData);
  }

  /** Starts a dashboard on {@code port} (0: any free port) with {@code pages}. */
  public static Dashboard start(
      int port, Elasticsearch elasticsearch, List<DashboardPage> pages, int refreshSeconds) {
    if (refreshSeconds < 1) {
      throw new IllegalArgumentException(
          "the refresh interval must be at least 1 second, got " + refreshSeconds);
    }
    Dashboard dashboard = new Dashboard(elasticsearch, pages, refreshSeconds);
    dashboard.app.start("127.0.0.1", port);
    LOG.info(
        "Dashboard on http://127.0.0.1:{}/ over {}: pages {}",
        dashboard.port(),
        elasticsearch.url(),
        dashboard.pages.keySet());
    return dashboard;
  }

  public int port() {
    return app.port();
  }

  private DashboardPage page(Context ctx) {
    DashboardPage page = pages.get(ctx.pathParam("page"));
    if (page == null) {
      throw new NotFoundResponse("no dashboard page " + ctx.pathParam("page") + "; see /");
    }
    return page;
  }

  private void index(Context ctx) {
    StringBuilder html =
        new StringBuilder(
            "<!doctype html><html><head><meta charset=\"utf-8\"><title>Tributary dashboards</title>"
                + "</head><body style=\"font-family:sans-serif\"><h1>Tributary dashboards</h1><ul>");
    for (DashboardPage page : pages.values()) {
      html.append("<li><a href=\"/pages/")
          .append(page.name())
          .append("\">")
          .append(escape(page.title()))
          .append("</a>: ")
          .append(escape(page.description()))
          .append("</li>");
    }
    ctx.html(html.append("</ul></body></html>").toString());
  }

  private ObjectNode describe(DashboardPage page) {
    ObjectNode json = JSON.createObjectNode();
    json.put("name", page.name());
    json.put("title", page.title());
    json.put("description", page.description());
    json.put("refreshSeconds", refreshSeconds);
    json.put("elasticsearch", elasticsearch.url());
    ArrayNode panels = json.putArray("panels");
    for (Panel panel : page.panels()) {
      panels
          .addObject()
          .put("id", panel.id())
          .put("title", panel.title())
          .put("kind", panel.kind().name());
    }
    return json;
  }

  private void panelData(Context ctx) {
    DashboardPage page = page(ctx);
    Panel panel = page.panel(ctx.pathParam("panel"));
    if (panel == null) {
      throw new NotFoundResponse("page " + page.name() + " has no panel " + ctx.pathParam("panel"));
    }
    try {
      ctx.json(panel.query().run(elasticsearch));
    } catch (IOException e) {
      LOG.warn("Panel {}/{} could not be read: {}", page.name(), panel.id(), e.getMessage());
      ctx.status(502).result("cannot read " + panel.id() + ": " + e.getMessage());
    }
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static String resource(String name) {
    try (InputStream in = Dashboard.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("the class path lacks " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    app.stop();
  }
}
