package io.meerkat.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.meerkat.server.testing.ApiNode;
import io.meerkat.server.testing.GraphqlClient;
import io.meerkat.server.testing.HeadlessChromium;
import io.meerkat.server.testing.TestNode;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GraphiQL page of the admin endpoint in a real browser: it loads from the node alone (no CDN)
 * and runs a query with the browser's credentials.
 */
class GraphiqlBrowserIT {

  @TempDir Path dir;

  @Test
  void theGraphiqlPageLoadsAndRunsAQuery() throws Exception {
    try (TestNode node = ApiNode.start(dir.resolve("node"));
        HeadlessChromium browser = HeadlessChromium.start(dir.resolve("profile"))) {
      browser.call("Network.enable", Map.of());
      browser.call(
          "Network.setExtraHTTPHeaders",
          Map.of(
              "headers",
              Map.of(
                  "Authorization",
                  GraphqlClient.basic(ApiNode.ADMIN_USER, ApiNode.ADMIN_PASSWORD))));
      browser.call(
          "Page.navigate",
          Map.of("url", "http://127.0.0.1:" + ApiNode.adminPort(node) + "/api/graphql"));
      Awaitility.await()
          .atMost(60, TimeUnit.SECONDS)
          .pollInterval(200, TimeUnit.MILLISECONDS)
          .ignoreExceptions()
          .until(
              () ->
                  browser
                      .evaluate("!!document.querySelector('.graphiql-query-editor .CodeMirror')")
                      .asBoolean());
      assertThat(browser.evaluate("document.title").asText()).isEqualTo("Meerkat GraphQL");
      browser.evaluate(
          "document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror"
              + ".setValue('{ server { status { statusCode } } }')");
      browser.evaluate("document.querySelector('.graphiql-execute-button').click()");
      JsonNode[] response = new JsonNode[1];
      Awaitility.await()
          .atMost(30, TimeUnit.SECONDS)
          .pollInterval(200, TimeUnit.MILLISECONDS)
          .ignoreExceptions()
          .until(
              () -> {
                response[0] =
                    browser.evaluate(
                        "document.querySelector('.graphiql-response .CodeMirror').CodeMirror"
                            + ".getValue()");
                return response[0].asText().contains("RUNNING");
              });
      assertThat(response[0].asText()).contains("\"statusCode\": \"RUNNING\"");
    }
  }
}
