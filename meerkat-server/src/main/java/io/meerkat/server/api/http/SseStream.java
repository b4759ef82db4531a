package io.meerkat.server.api.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.ExecutionResult;
import io.meerkat.server.http.HttpExchange;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * Writes a subscription's results as Server-Sent Events ({@code event: next} with the result as
 * {@code data}, then {@code event: complete}), one connection per subscription. The subscription is
 * cancelled when the client disconnects.
 */
final class SseStream implements Subscriber<Object> {

  private final HttpExchange exchange;
  private final ObjectMapper json;
  private final Function<ExecutionResult, Map<String, Object>> specification;
  private final AtomicReference<Subscription> subscription = new AtomicReference<>();
  private volatile boolean clientGone;

  SseStream(
      HttpExchange exchange,
      ObjectMapper json,
      Function<ExecutionResult, Map<String, Object>> specification) {
    this.exchange = exchange;
    this.json = json;
    this.specification = specification;
  }

  void start(Publisher<?> events) {
    exchange.startStream("text/event-stream; charset=utf-8", this::clientClosed);
    // The comment line lets clients know the stream is open before the first event.
    exchange.sendChunk(": subscribed\n\n");
    @SuppressWarnings("unchecked")
    Publisher<Object> publisher = (Publisher<Object>) events;
    publisher.subscribe(this);
  }

  /** A stream of one result: a subscription that failed before it started. */
  void single(ExecutionResult result) {
    exchange.startStream("text/event-stream; charset=utf-8", this::clientClosed);
    onNext(result);
    complete();
  }

  private void clientClosed() {
    clientGone = true;
    Subscription s = subscription.get();
    if (s != null) {
      s.cancel();
    }
  }

  @Override
  public void onSubscribe(Subscription s) {
    subscription.set(s);
    if (clientGone) {
      s.cancel();
    } else {
      s.request(Long.MAX_VALUE);
    }
  }

  @Override
  public void onNext(Object item) {
    Object data = item instanceof ExecutionResult r ? specification.apply(r) : item;
    try {
      exchange.sendChunk("event: next\ndata: " + json.writeValueAsString(data) + "\n\n");
    } catch (JsonProcessingException e) {
      exchange.sendChunk(
          "event: next\ndata: {\"errors\":[{\"message\":\"Unwritable event\"}]}\n\n");
    }
  }

  @Override
  public void onError(Throwable t) {
    exchange.sendChunk(
        "event: next\ndata: {\"errors\":[{\"message\":\"The stream ended: "
            + t.getMessage().replace("\"", "'")
            + "\",\"extensions\":{\"code\":\"stream_ended\"}}]}\n\n");
    complete();
  }

  @Override
  public void onComplete() {
    complete();
  }

  private void complete() {
    if (!clientGone) {
      exchange.sendChunk("event: complete\ndata:\n\n");
      exchange.endStream();
    }
  }
}
