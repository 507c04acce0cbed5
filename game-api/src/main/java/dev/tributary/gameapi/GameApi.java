package dev.tributary.gameapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.cache.CacheBuilder;
import com.google.common.cache.CacheLoader;
import com.google.common.cache.LoadingCache;
import com.google.common.util.concurrent.RateLimiter;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The game API of the seed's "Build a Nation": every accepted request becomes one JSON event on the
 * Kafka topic (event type, the {@code Host}, {@code User-Agent} and {@code Accept} headers, a
 * server timestamp, a unique request id), keyed by host, and the answer is sent only after Kafka
 * has acknowledged the event, so that a 200 means the event is stored.
 *
 * <ul>
 *   <li>{@code GET} on a {@link GameAction} path records that action;
 *   <li>{@code POST /events} records a JSON object with an {@code event_type}; its other fields go
 *       with the event as {@code attributes};
 *   <li>{@code GET /metrics}: what {@link ApiMetrics} counted, as JSON.
 * </ul>
 *
 * Kafka down or too slow: 503. Unknown path 404, wrong method 405, a body over the limit 413,
 * malformed JSON or a missing or bad event type or host 400, a client over its rate 429: none of
 * these reach the topic. Answers are fixed texts: the API never echoes what it was sent.
 *
 * <p>A client is its {@code Host} header (the seed's player identity), or its address when it sends
 * none. With a rate limit, each client may send that many requests per second (Guava's {@link
 * RateLimiter}, which allows up to a second's worth at once after a pause); the limiters of clients
 * not seen for 5 minutes are forgotten, and at most 100,000 are kept.
 */
public final class GameApi implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(GameApi.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern EVENT_TYPE = Pattern.compile("[a-z][a-z0-9_]{0,63}");
  private static final Pattern HOST = Pattern.compile("\\S{1,255}");

  private final Javalin app;
  private final EventPublisher publisher;
  private final ApiMetrics metrics = new ApiMetrics();

  private GameApi(EventPublisher publisher, long maxBodyBytes, double perClientRate) {
    this.publisher = publisher;
    LoadingCache<String, RateLimiter> limiters =
        CacheBuilder.newBuilder()
            .maximumSize(100_000)
            .expireAfterAccess(java.time.Duration.ofMinutes(5))
            .build(CacheLoader.from(() -> RateLimiter.create(perClientRate)));
    this.app =
        Javalin.create(
            config -> {
              config.showJavalinBanner = false;
              config.http.prefer405over404 = true;
              config.http.maxRequestSize = maxBodyBytes;
            });
    if (perClientRate > 0) {
      app.before(
          ctx -> {
            String client = ctx.header("Host");
            if (!limiters.getUnchecked(client == null ? ctx.ip() : client).tryAcquire()) {
              ctx.status(HttpStatus.TOO_MANY_REQUESTS).result("Too many requests; slow down");
              // Skipping the remaining handlers skips the after-handler that counts answers too.
              metrics.answered(HttpStatus.TOO_MANY_REQUESTS.getCode());
              ctx.skipRemainingHandlers();
            }
          });
    }
    for (GameAction action : GameAction.values()) {
      app.get(action.path(), ctx -> record(ctx, action.eventType(), null, action.response()));
    }
    app.post("/events", this::recordPosted);
    app.get("/metrics", ctx -> ctx.json(metricsJson()));
    app.error(HttpStatus.NOT_FOUND, ctx -> ctx.result("Not found"));
    app.error(HttpStatus.METHOD_NOT_ALLOWED, ctx -> ctx.result("Method not allowed"));
    app.error(HttpStatus.CONTENT_TOO_LARGE, ctx -> ctx.result("Request body too large"));
    app.after(ctx -> metrics.answered(ctx.statusCode()));
  }

  /**
   * Starts the API on {@code bindAddress:port} (port 0: any free port), sending events through
   * {@code publisher}, refusing bodies over {@code maxBodyBytes}.
   */
  public static GameApi start(
      EventPublisher publisher, String bindAddress, int port, long maxBodyBytes) {
    return start(publisher, bindAddress, port, maxBodyBytes, 0);
  }

  /**
   * As {@link #start(EventPublisher, String, int, long)}, answering 429 to a client that sends more
   * than {@code perClientRate} requests per second (0: no limit).
   */
  public static GameApi start(
      EventPublisher publisher,
      String bindAddress,
      int port,
      long maxBodyBytes,
      double perClientRate) {
    if (perClientRate < 0) {
      throw new IllegalArgumentException(
          "the rate limit per client must be 0 (none) or more, got " + perClientRate);
    }
    GameApi api = new GameApi(publisher, maxBodyBytes, perClientRate);
    api.app.start(bindAddress, port);
    LOG.info(
        "Game API on http://{}:{}/ sending to topic {}",
        bindAddress,
        api.port(),
        publisher.topic());
    return api;
  }

  public int port() {
    return app.port();
  }

  public ApiMetrics metrics() {
    return metrics;
  }

  private void recordPosted(Context ctx) {
    JsonNode body;
    try {
      body = JSON.readTree(ctx.body());
    } catch (JsonProcessingException e) {
      ctx.status(HttpStatus.BAD_REQUEST).result("The body is not valid JSON");
      return;
    }
    if (body == null || !body.isObject()) {
      ctx.status(HttpStatus.BAD_REQUEST).result("The body must be one JSON object");
      return;
    }
    JsonNode type = body.get("event_type");
    if (type == null || !type.isTextual() || !EVENT_TYPE.matcher(type.asText()).matches()) {
      ctx.status(HttpStatus.BAD_REQUEST)
          .result("event_type must be lower-case letters, digits and '_', at most 64");
      return;
    }
    ObjectNode attributes = ((ObjectNode) body).deepCopy();
    attributes.remove("event_type");
    record(ctx, type.asText(), attributes, "Event recorded!");
  }

  private void record(Context ctx, String eventType, ObjectNode attributes, String response) {
    String host = ctx.header("Host");
    if (host == null || !HOST.matcher(host).matches()) {
      ctx.status(HttpStatus.BAD_REQUEST).result("A Host header without spaces is required");
      return;
    }
    ObjectNode event = JSON.createObjectNode();
    event.put("request_id", UUID.randomUUID().toString());
    event.put("event_type", eventType);
    event.put("Host", host);
    putHeader(event, ctx, "User-Agent");
    putHeader(event, ctx, "Accept");
    event.put("timestamp", Instant.now().toString());
    if (attributes != null && !attributes.isEmpty()) {
      event.set("attributes", attributes);
    }
    ctx.future(
        () ->
            publisher
                .publish(host, event.toString())
                .handle(
                    (stored, error) -> {
                      if (error != null) {
                        LOG.warn("Kafka did not store a {} event: {}", eventType, error.toString());
                        ctx.status(HttpStatus.SERVICE_UNAVAILABLE)
                            .result("Kafka is unavailable; the event was not stored");
                      } else {
                        metrics.stored(eventType);
                        ctx.result(response + "\n");
                      }
                      return null;
                    }));
  }

  private static void putHeader(ObjectNode event, Context ctx, String header) {
    String value = ctx.header(header);
    if (value != null && !value.isBlank()) {
      event.put(header, value);
    }
  }

  private Map<String, Object> metricsJson() {
    return Map.of(
        "storedByEventType", metrics.storedByEventType(),
        "answeredByStatus", metrics.answeredByStatus());
  }

  @Override
  public void close() {
    app.stop();
    publisher.close();
  }
}
