package org.heatgrid.control.weather;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * HTTP GET of a small text answer, bounded in time and size. The deadline covers the whole
 * exchange, body included ({@link HttpRequest#timeout} alone stops at the headers), because the
 * caller is the control loop's thread.
 */
final class HttpText {

  /** Largest answer read; 16 days of hourly values are about 15 kB. */
  static final int MAX_BYTES = 2 * 1024 * 1024;

  private final HttpClient client;
  private final Duration timeout;

  HttpText(Duration timeout) {
    this.timeout = timeout;
    this.client = HttpClient.newBuilder().connectTimeout(timeout)
        .followRedirects(HttpClient.Redirect.NORMAL).build();
  }

  /**
   * The body of a 200 answer to a GET of {@code uri}.
   *
   * @throws IOException saying why there is none (no answer in time, HTTP status, too large)
   */
  String get(URI uri) throws IOException {
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout)
        .header("Accept", "application/json").header("User-Agent", "heatgrid").GET().build();
    CompletableFuture<HttpResponse<byte[]>> f =
        client.sendAsync(request, info -> new Limited(MAX_BYTES));
    HttpResponse<byte[]> r;
    try {
      r = f.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      throw new IOException("no complete answer within " + timeout);
    } catch (InterruptedException e) {
      f.cancel(true);
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for the answer");
    } catch (ExecutionException e) {
      Throwable c = e.getCause() == null ? e : e.getCause();
      throw new IOException(describe(c), c);
    }
    String body = new String(r.body(), StandardCharsets.UTF_8);
    if (r.statusCode() != 200) {
      throw new IOException("HTTP " + r.statusCode() + ": "
          + (body.length() <= 300 ? body : body.substring(0, 300) + "..."));
    }
    return body;
  }

  /** The exception's type and the first message down its causes (HttpClient's often have none). */
  private static String describe(Throwable t) {
    for (Throwable x = t; x != null; x = x.getCause()) {
      if (x.getMessage() != null) {
        return t.getClass().getSimpleName() + ": " + x.getMessage();
      }
    }
    return t.getClass().getSimpleName()
        + (t instanceof java.net.ConnectException ? ": could not connect" : "");
  }

  /** Collects the body and gives up once it grows beyond {@code max} bytes. */
  private static final class Limited implements HttpResponse.BodySubscriber<byte[]> {

    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final int max;
    private Flow.Subscription subscription;

    Limited(int max) {
      this.max = max;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      for (ByteBuffer b : items) {
        if (result.isDone()) {
          return;
        }
        if ((long) out.size() + b.remaining() > max) {
          subscription.cancel();
          result.completeExceptionally(new IOException("answer larger than " + max + " bytes"));
          return;
        }
        byte[] a = new byte[b.remaining()];
        b.get(a);
        out.write(a, 0, a.length);
      }
    }

    @Override
    public void onError(Throwable t) {
      result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
      result.complete(out.toByteArray());
    }
  }
}
