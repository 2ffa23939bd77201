package org.heatgrid.control.weather;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A local stand-in for the Open-Meteo API: the JDK's HttpServer on 127.0.0.1, a free port, serving
 * whatever status and body the test sets, optionally held until released. No internet.
 */
final class FakeOpenMeteo implements AutoCloseable {

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  final List<URI> requests = new CopyOnWriteArrayList<>();
  volatile int status = 200;
  volatile String body;
  /** When set, answers wait for it (at most 30 s). */
  volatile CountDownLatch hold;

  FakeOpenMeteo(String body) {
    this.body = body;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/v1/forecast", ex -> {
      requests.add(ex.getRequestURI());
      CountDownLatch h = hold;
      if (h != null) {
        try {
          h.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      byte[] b = this.body.getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
      ex.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(b);
      } catch (IOException e) {
        // the client gave up (timeout test)
      }
      ex.close();
    });
    server.setExecutor(executor);
    server.start();
  }

  /** The endpoint, as {@link PollSettings#OPEN_METEO} is in operation. */
  String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/forecast";
  }

  @Override
  public void close() {
    CountDownLatch h = hold;
    if (h != null) {
      h.countDown();
    }
    server.stop(0);
    executor.shutdownNow();
  }
}
