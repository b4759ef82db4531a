package io.meerkat.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The commands about the node itself: status, started, stop, and raw GraphQL. */
final class NodeCommands {

  private static final String STATUS = "{ server { status { statusCode message version } } }";
  private static final Duration POLL = Duration.ofMillis(500);

  private final AdminClient client;
  private final PrintStream out;
  private final PrintStream err;
  private final ObjectMapper json;

  NodeCommands(AdminClient client, PrintStream out, PrintStream err, ObjectMapper json) {
    this.client = client;
    this.out = out;
    this.err = err;
    this.json = json;
  }

  /** Prints the status; exit 0 when the node runs. */
  int status() throws AdminClient.UnreachableException {
    JsonNode response = client.execute(STATUS, Map.of());
    print(response);
    return running(response) ? Meerkatctl.OK : Meerkatctl.ERRORS;
  }

  /** Waits until the node answers RUNNING, at most {@code --timeout} seconds (default 60). */
  int started(List<String> args) {
    long seconds = 60;
    if (args.size() == 2 && args.get(0).equals("--timeout")) {
      try {
        seconds = Long.parseLong(args.get(1));
      } catch (NumberFormatException e) {
        err.println("meerkatctl: --timeout expects a number of seconds");
        return Meerkatctl.USAGE;
      }
    } else if (!args.isEmpty()) {
      err.println("Usage: meerkatctl started [--timeout SECONDS]");
      return Meerkatctl.USAGE;
    }
    Instant deadline = Instant.now().plusSeconds(seconds);
    String last = "no answer";
    while (Instant.now().isBefore(deadline)) {
      try {
        JsonNode response = client.execute(STATUS, Map.of());
        if (running(response)) {
          out.println("Meerkat is running");
          return Meerkatctl.OK;
        }
        last = response.toString();
      } catch (AdminClient.UnreachableException e) {
        last = e.getMessage();
      }
      try {
        Thread.sleep(POLL);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    err.println("meerkatctl: the node did not start within " + seconds + " s (" + last + ")");
    return Meerkatctl.ERRORS;
  }

  int stop() throws AdminClient.UnreachableException {
    JsonNode response = client.execute("mutation { server { stop } }", Map.of());
    print(response);
    return response.has("errors") ? Meerkatctl.ERRORS : Meerkatctl.OK;
  }

  /** {@code meerkatctl graphql 'DOCUMENT' ['VARIABLES-JSON']}. */
  int graphql(List<String> args) throws AdminClient.UnreachableException {
    if (args.isEmpty() || args.size() > 2) {
      err.println("Usage: meerkatctl graphql 'DOCUMENT' ['{\"variable\": value}']");
      return Meerkatctl.USAGE;
    }
    Map<String, Object> variables = Map.of();
    if (args.size() == 2) {
      try {
        variables =
            json.readValue(
                args.get(1),
                json.getTypeFactory().constructMapType(Map.class, String.class, Object.class));
      } catch (JsonProcessingException e) {
        err.println("meerkatctl: the variables are not a JSON object: " + e.getOriginalMessage());
        return Meerkatctl.USAGE;
      }
    }
    JsonNode response = client.execute(args.get(0), variables);
    print(response);
    return response.has("errors") ? Meerkatctl.ERRORS : Meerkatctl.OK;
  }

  private static boolean running(JsonNode response) {
    return "RUNNING".equals(response.at("/data/server/status/statusCode").asText());
  }

  private void print(JsonNode node) {
    try {
      out.println(json.writeValueAsString(node));
    } catch (JsonProcessingException e) {
      out.println(node);
    }
  }
}
