package org.heatgrid.wire.paho;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.common.MqttException;

/** What the gateway and the controller's link both do with Paho mqttv5 clients. */
public final class PahoClients {

  private static final Logger LOG = Logger.getLogger(PahoClients.class.getName());

  private PahoClients() {}

  /**
   * Disconnects (without a DISCONNECT packet, so the broker keeps the last will) and closes a
   * client
   * that is being replaced, on a throwaway daemon thread: a broken Paho 1.2.5 client can block in
   * these calls, and the caller must go on to its new client.
   */
  public static void discardInBackground(MqttAsyncClient c, String threadName) {
    if (c == null) {
      return;
    }
    Thread t = new Thread(() -> {
      try {
        c.disconnectForcibly(0, 1000, false);
      } catch (MqttException | RuntimeException e) {
        LOG.log(Level.FINE, "{0}: forced disconnect of an old client: {1}",
            new Object[] {threadName, e.getMessage()});
      }
      try {
        c.close(true);
      } catch (MqttException | RuntimeException e) {
        LOG.log(Level.FINE, "{0}: close of an old client: {1}",
            new Object[] {threadName, e.getMessage()});
      }
    }, threadName);
    t.setDaemon(true);
    t.start();
  }
}
