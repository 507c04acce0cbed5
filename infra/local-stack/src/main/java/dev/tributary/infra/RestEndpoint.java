package dev.tributary.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A server's HTTP API: one request at a time, failing unless the answer is 2xx. */
final class RestEndpoint {
  private final String baseUrl;
  private final HttpClient http = HttpClient.newHttpClient();

  RestEndpoint(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  String baseUrl() {
    return baseUrl;
  }

  /** Sends {@code method path} with no body and returns the answer's body. */
  String request(String method, String path) {
    return send(
        method,
        path,
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .method(method, HttpRequest.BodyPublishers.noBody()));
  }

  /** Sends {@code method path} with a JSON body and returns the answer's body. */
  String request(String method, String path, String json) {
    return send(
        method,
        path,
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(json)));
  }

  private String send(String method, String path, HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2) {
        throw new IllegalStateException(
            method + " " + path + " answered " + response.statusCode() + ": " + response.body());
      }
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
