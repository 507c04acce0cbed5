package dev.tributary.gameapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.infra.FreePort;
import dev.tributary.infra.KafkaExtension;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The API against a real Kafka broker: what it stores, what it refuses, and that it says 503, not
 * 200, when Kafka is down. The tests run in order of the topic's growth, so each reads only the
 * events it caused.
 */
class GameApiTest {
  @RegisterExtension static final KafkaExtension KAFKA = new KafkaExtension();

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_BODY = 1024;
  private static GameApi api;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void startApi() {
    KAFKA.createTopic("events", 1);
    api =
        GameApi.start(
            new EventPublisher(KAFKA.bootstrapServers(), "events"), "127.0.0.1", 0, MAX_BODY);
  }

  @AfterAll
  static void stopApi() {
    api.close();
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder to(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path))
        .header("Host", "user1.comcast.com")
        .header("User-Agent", "ApacheBench/2.3")
        .header("Accept", "*/*");
  }

  private synchronized List<JsonNode> eventsAfter(long offset) throws IOException {
    List<JsonNode> events = new ArrayList<>();
    for (ConsumerRecord<String, String> record : KAFKA.readAll("events")) {
      if (record.offset() >= offset) {
        JsonNode event = JSON.readTree(record.value());
        assertEquals(event.get("Host").asText(), record.key(), "keyed by host");
        events.add(event);
      }
    }
    return events;
  }

  @Test
  void everyActionIsStoredBeforeItIsAnswered() throws Exception {
    long before = KAFKA.count("events");
    for (GameAction action : GameAction.values()) {
      HttpResponse<String> response = send(to(action.path()).GET());
      assertEquals(200, response.statusCode(), action.path());
      assertEquals(action.response() + "\n", response.body());
    }
    // Answered means stored: the events are there without waiting.
    List<JsonNode> events = eventsAfter(before);
    assertEquals(GameAction.values().length, events.size());
    for (int i = 0; i < events.size(); i++) {
      JsonNode event = events.get(i);
      assertEquals(GameAction.values()[i].eventType(), event.get("event_type").asText());
      assertEquals("user1.comcast.com", event.get("Host").asText());
      assertEquals("ApacheBench/2.3", event.get("User-Agent").asText());
      assertEquals("*/*", event.get("Accept").asText());
      assertTrue(event.get("timestamp").asText().endsWith("Z"), event.toString());
    }
    assertEquals(
        GameAction.values().length,
        events.stream().map(e -> e.get("request_id").asText()).distinct().count(),
        "unique request ids");
  }

  @Test
  void aPostedEventKeepsItsOtherFieldsAsAttributes() throws Exception {
    long before = KAFKA.count("events");
    HttpResponse<String> response =
        send(
            to("/events")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"event_type\":\"level_up\",\"level\":7}")));
    assertEquals(200, response.statusCode(), response.body());
    List<JsonNode> events = eventsAfter(before);
    assertEquals(1, events.size());
    assertEquals("level_up", events.get(0).get("event_type").asText());
    assertEquals(JSON.readTree("{\"level\":7}"), events.get(0).get("attributes"));
  }

  @Test
  void refusedRequestsNeverReachTheTopicAndAreCounted() throws Exception {
    long before = KAFKA.count("events");
    Map<String, Long> statusesBefore = api.metrics().answeredByStatus();
    String tooBig = "{\"event_type\":\"level_up\",\"pad\":\"" + "x".repeat(MAX_BODY) + "\"}";
    List<Object[]> refusals =
        List.of(
            new Object[] {to("/purchase_a_horse").GET(), 404},
            new Object[] {to("/purchase_a_sword").POST(HttpRequest.BodyPublishers.noBody()), 405},
            new Object[] {to("/events").GET(), 405},
            new Object[] {to("/events").POST(HttpRequest.BodyPublishers.ofString(tooBig)), 413},
            new Object[] {
              to("/events").POST(HttpRequest.BodyPublishers.ofString("{\"event_")), 400
            },
            new Object[] {to("/events").POST(HttpRequest.BodyPublishers.ofString("[1,2]")), 400},
            new Object[] {
              to("/events").POST(HttpRequest.BodyPublishers.ofString("{\"event_type\":\"<b>\"}")),
              400
            });
    for (Object[] refusal : refusals) {
      HttpResponse<String> response = send((HttpRequest.Builder) refusal[0]);
      assertEquals(refusal[1], response.statusCode(), response.body());
      assertTrue(!response.body().contains("<b>") && !response.body().contains("horse"));
    }
    assertEquals(before, KAFKA.count("events"), "nothing refused reaches the topic");
    Map<String, Long> statuses = api.metrics().answeredByStatus();
    for (String status : List.of("400", "404", "405", "413")) {
      long expected = refusals.stream().filter(r -> status.equals(r[1].toString())).count();
      assertEquals(
          expected,
          statuses.getOrDefault(status, 0L) - statusesBefore.getOrDefault(status, 0L),
          "answered " + status);
    }
  }

  @Test
  void withKafkaDownTheAnswerIs503NeverA200() throws Exception {
    int nobody = FreePort.next();
    try (GameApi orphan =
        GameApi.start(new EventPublisher("127.0.0.1:" + nobody, "events"), "127.0.0.1", 0, 1024)) {
      HttpResponse<String> response =
          send(
              HttpRequest.newBuilder(
                      URI.create("http://127.0.0.1:" + orphan.port() + "/purchase_a_sword"))
                  .GET());
      assertEquals(503, response.statusCode(), response.body());
      assertEquals(Map.of("503", 1L), orphan.metrics().answeredByStatus());
      assertEquals(Map.of(), orphan.metrics().storedByEventType());
    }
  }

  @Test
  void aClientOverItsRateIsAnswered429AndOtherClientsAreNot() throws Exception {
    KAFKA.createTopic("limited", 1);
    // One request per 2 s per client: five sent at once cannot all fit, however slow the machine.
    try (GameApi limited =
        GameApi.start(
            new EventPublisher(KAFKA.bootstrapServers(), "limited"), "127.0.0.1", 0, 1024, 0.5)) {
      java.util.function.Function<String, HttpRequest.Builder> from =
          host ->
              HttpRequest.newBuilder(
                      URI.create("http://127.0.0.1:" + limited.port() + "/purchase_a_sword"))
                  .header("Host", host);
      int stored = 0;
      int refused = 0;
      for (int i = 0; i < 5; i++) {
        HttpResponse<String> response = send(from.apply("greedy.example.com").GET());
        if (response.statusCode() == 200) {
          stored++;
        } else {
          assertEquals(429, response.statusCode(), response.body());
          assertEquals("Too many requests; slow down", response.body());
          refused++;
        }
      }
      assertTrue(stored >= 1 && refused >= 1, "stored " + stored + ", refused " + refused);
      assertEquals(200, send(from.apply("polite.example.com").GET()).statusCode());
      assertEquals(stored + 1, KAFKA.count("limited"), "only the answered requests are stored");
      assertEquals((long) refused, limited.metrics().answeredByStatus().get("429"));
    }
  }
}
