package org.heatgrid.app;

import static org.heatgrid.wire.Topics.ANY;

import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.auth.SimpleAuthenticator;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthInput;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthOutput;
import com.hivemq.extension.sdk.api.auth.parameter.TopicPermission;
import com.hivemq.extension.sdk.api.packets.auth.DefaultAuthorizationBehaviour;
import com.hivemq.extension.sdk.api.packets.auth.ModifiableDefaultPermissions;
import com.hivemq.extension.sdk.api.packets.connect.ConnackReasonCode;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;
import com.hivemq.extension.sdk.api.services.builder.Builders;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import org.heatgrid.wire.Topics.Leaf;
import org.heatgrid.wire.Topics;

/**
 * The contract's authentication and ACL for the embedded broker, as an embedded HiveMQ extension:
 * the same rules as {@code deploy/mosquitto/acl} for Mosquitto. A client must give a known user and
 * its password; the controller may publish every setpoint and subscribe to all telemetry and
 * status; a gateway (user = its building id) may subscribe only to its own setpoint and publish
 * only its own telemetry and status (its last will included). Everything else is denied.
 */
final class BrokerAcl implements ExtensionMain {

  static final String CONTROLLER = "controller";

  private final Map<String, String> passwords;

  /** @param passwords per user: {@value #CONTROLLER} and the building ids */
  BrokerAcl(Map<String, String> passwords) {
    this.passwords = Map.copyOf(passwords);
  }

  @Override
  public void extensionStart(ExtensionStartInput in, ExtensionStartOutput out) {
    Services.securityRegistry().setAuthenticatorProvider(p -> new Authenticator());
  }

  @Override
  public void extensionStop(ExtensionStopInput in, ExtensionStopOutput out) {}

  private final class Authenticator implements SimpleAuthenticator {
    @Override
    public void onConnect(SimpleAuthInput in, SimpleAuthOutput out) {
      String user = in.getConnectPacket().getUserName().orElse("");
      String expected = passwords.get(user);
      byte[] given = in.getConnectPacket().getPassword().map(BrokerAcl::bytes).orElse(new byte[0]);
      if (expected == null
          || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given)) {
        out.failAuthentication(ConnackReasonCode.BAD_USER_NAME_OR_PASSWORD,
            "unknown user or wrong password");
        return;
      }
      ModifiableDefaultPermissions p = out.getDefaultPermissions();
      p.setDefaultBehaviour(DefaultAuthorizationBehaviour.DENY);
      if (user.equals(CONTROLLER)) {
        p.add(allow(Topics.filter(ANY, ANY, Leaf.SETPOINT), TopicPermission.MqttActivity.PUBLISH));
        p.add(allow(Topics.filter(ANY, ANY, Leaf.TELEMETRY), TopicPermission.MqttActivity.SUBSCRIBE));
        p.add(allow(Topics.filter(ANY, ANY, Leaf.STATUS), TopicPermission.MqttActivity.SUBSCRIBE));
      } else {
        p.add(allow(Topics.filter(ANY, user, Leaf.SETPOINT), TopicPermission.MqttActivity.SUBSCRIBE));
        p.add(allow(Topics.filter(ANY, user, Leaf.TELEMETRY), TopicPermission.MqttActivity.PUBLISH));
        p.add(allow(Topics.filter(ANY, user, Leaf.STATUS), TopicPermission.MqttActivity.PUBLISH));
      }
      out.authenticateSuccessfully();
    }
  }

  private static TopicPermission allow(String filter, TopicPermission.MqttActivity activity) {
    return Builders.topicPermission().topicFilter(filter).activity(activity)
        .type(TopicPermission.PermissionType.ALLOW).build();
  }

  private static byte[] bytes(ByteBuffer b) {
    byte[] out = new byte[b.remaining()];
    b.duplicate().get(out);
    return out;
  }
}
