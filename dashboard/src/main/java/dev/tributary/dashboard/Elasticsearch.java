package dev.tributary.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The dashboard's reads from Elasticsearch: searches over its REST API with JSON bodies. An index
 * that does not exist yet reads as no hits, so a page can open before its views are written.
 */
public final class Elasticsearch {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final String url;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public Elasticsearch(String url) {
    this.url = url.replaceAll("/+$", "");
  }

  public String url() {
    return url;
  }

  /** A new search body, to fill in. */
  public static ObjectNode body() {
    return JSON.createObjectNode();
  }

  /**
   * The response of a search of {@code index} (a name, or several joined by commas) with {@code
   * body}; for a missing index, a response with no hits.
   */
  public JsonNode search(String index, ObjectNode body) throws IOException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url + "/" + index + "/_search"))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while searching " + index, e);
    }
    if (response.statusCode() == 404) {
      return JSON.readTree("{\"hits\":{\"total\":{\"value\":0},\"hits\":[]}}");
    }
    if (response.statusCode() != 200) {
      throw new IOException(
          "Elasticsearch at "
              + url
              + " answered "
              + response.statusCode()
              + " to a search of "
              + index
              + ": "
              + response.body());
    }
    return JSON.readTree(response.body());
  }
}
