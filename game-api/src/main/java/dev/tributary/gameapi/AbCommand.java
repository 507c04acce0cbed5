package dev.tributary.gameapi;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Apache Bench command line as the seed writes them, {@code ab -n 10 -H "Host:
 * user1.comcast.com" http://localhost:5000/purchase_a_sword}: the number of requests ({@code -n}),
 * the concurrency ({@code -c}, 1 by default), extra headers ({@code -H}) and the URL. Anything
 * before {@code ab} (such as {@code docker-compose exec mids}) is ignored; other ab options are
 * refused.
 */
public record AbCommand(int requests, int concurrency, Map<String, String> headers, URI url) {
  private static final Pattern TOKEN = Pattern.compile("\"([^\"]*)\"|'([^']*)'|(\\S+)");

  /** Reads one line; throws with the line and what is wrong with it. */
  public static AbCommand parse(String line) {
    List<String> tokens = new ArrayList<>();
    Matcher m = TOKEN.matcher(line);
    while (m.find()) {
      tokens.add(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3));
    }
    int ab = tokens.indexOf("ab");
    if (ab < 0) {
      throw new IllegalArgumentException("not an ab command: " + line);
    }
    int requests = 1;
    int concurrency = 1;
    Map<String, String> headers = new LinkedHashMap<>();
    URI url = null;
    for (int i = ab + 1; i < tokens.size(); i++) {
      String token = tokens.get(i);
      switch (token) {
        case "-n" -> requests = number(line, tokens, ++i);
        case "-c" -> concurrency = number(line, tokens, ++i);
        case "-H" -> {
          String header = value(line, tokens, ++i);
          int colon = header.indexOf(':');
          if (colon < 1) {
            throw new IllegalArgumentException("-H needs 'Name: value', got '" + header + "'");
          }
          headers.put(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
        }
        default -> {
          if (token.startsWith("-")) {
            throw new IllegalArgumentException("unsupported ab option " + token + " in: " + line);
          }
          url = URI.create(token);
        }
      }
    }
    if (url == null) {
      throw new IllegalArgumentException("no URL in: " + line);
    }
    if (requests < 1 || concurrency < 1) {
      throw new IllegalArgumentException("-n and -c must be at least 1 in: " + line);
    }
    return new AbCommand(requests, concurrency, headers, url);
  }

  /** The same command against another server: {@code base}'s scheme, host and port. */
  public AbCommand against(URI base) {
    return new AbCommand(
        requests,
        concurrency,
        headers,
        base.resolve(
            url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery())));
  }

  private static String value(String line, List<String> tokens, int i) {
    if (i >= tokens.size()) {
      throw new IllegalArgumentException("an option lacks its value in: " + line);
    }
    return tokens.get(i);
  }

  private static int number(String line, List<String> tokens, int i) {
    String value = value(line, tokens, i);
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + value + "' is not a number in: " + line, e);
    }
  }
}
