package org.heatgrid.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP relay in front of the broker whose connections a test can cut, as a network
 * failure would: the broker sees the socket close without an MQTT DISCONNECT and publishes the
 * client's last will. It keeps listening, so clients can reconnect.
 */
final class TcpProxy implements AutoCloseable {

  private final ServerSocket server;
  private final int targetPort;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();

  TcpProxy(int targetPort) throws IOException {
    this.targetPort = targetPort;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread accept = new Thread(this::acceptLoop, "tcp-proxy-accept");
    accept.setDaemon(true);
    accept.start();
  }

  String uri() {
    return "tcp://127.0.0.1:" + server.getLocalPort();
  }

  /** Closes every relayed connection, both sides. */
  void cutAll() {
    for (Socket s : sockets) {
      try {
        s.close();
      } catch (IOException ignored) {
        // already closed: that is what we want
      }
    }
    sockets.clear();
  }

  @Override
  public void close() throws IOException {
    server.close();
    cutAll();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Socket broker = new Socket(InetAddress.getLoopbackAddress(), targetPort);
        sockets.add(client);
        sockets.add(broker);
        pump(client, broker);
        pump(broker, client);
      } catch (IOException e) {
        if (!server.isClosed()) {
          java.util.logging.Logger.getLogger(TcpProxy.class.getName())
              .warning("proxy accept failed: " + e.getMessage());
        }
      }
    }
  }

  private void pump(Socket from, Socket to) {
    Thread t = new Thread(() -> {
      byte[] buf = new byte[8192];
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        int n;
        while ((n = in.read(buf)) >= 0) {
          out.write(buf, 0, n);
          out.flush();
        }
      } catch (IOException e) {
        // connection cut or closed: end this direction
      } finally {
        try {
          from.close();
          to.close();
        } catch (IOException ignored) {
          // closing anyway
        }
      }
    }, "tcp-proxy-pump");
    t.setDaemon(true);
    t.start();
  }
}
