package org.heatgrid.control.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The control service's settings, {@code heatgrid.*}; defaults here and in
 * {@code application.properties}, each overridable by a system property or an environment variable
 * ({@code HEATGRID_MQTT_URI}, ...). Read once at start-up.
 */
@ConfigMapping(prefix = "heatgrid")
public interface ControlConfig {

  Site site();

  Fleet fleet();

  Mqtt mqtt();

  Loop loop();

  Time time();

  Influx influx();

  Weather weather();

  Models models();

  /** Folder for the audit log, the operator state, and the points in the no-InfluxDB mode. */
  @WithDefault("data")
  Path dataDir();

  /**
   * Whether operators' modes, overrides, comfort bands and schedules are restored from
   * {@code data-dir/operator-state.json} at start (always saved). Off for simulated runs that
   * start their season afresh.
   */
  @WithName("operator.restore")
  @WithDefault("true")
  boolean restoreOperatorState();

  interface Site {
    /** Site description: {@code classpath:sites/campus16.json} or a file path. */
    @WithDefault("classpath:sites/campus16.json")
    String file();

    /** Building ids to control (empty: every building of the file). */
    Optional<List<String>> buildings();
  }

  /**
   * Sharding: with a fleet file, the instance runs one site of it, its shard, and logs in to the
   * broker as {@code <site>.controller}; {@code heatgrid.site.file} and {@code heatgrid.mqtt.user}
   * are then not used.
   */
  interface Fleet {
    /** The fleet file ({@code org.heatgrid.fleet.FleetFile}); empty: one site, {@code site.file}. */
    Optional<String> file();

    /** The shard: a site's position in the fleet file from 0, or {@code hostname-ordinal}. */
    @WithDefault("hostname-ordinal")
    String shard();
  }

  interface Mqtt {
    @WithDefault("tcp://127.0.0.1:1883")
    String uri();

    @WithDefault("controller")
    String user();

    /** The controller's MQTT password (HEATGRID_MQTT_PASSWORD). */
    Optional<String> password();

    /**
     * A {@code user:password} file holding this instance's line (on a fleet: every controller's
     * line, as {@code ./heatgrid fleet-auth} writes OUT/controllers); used when no password is set.
     */
    Optional<Path> credentialsFile();

    /** Client id; default {@code heatgrid-controller-<site>}. */
    Optional<String> clientId();

    @WithDefault("5")
    @Min(1)
    int reconnectMaxSeconds();
  }

  interface Loop {
    /** Control period (simulated time when the clock is accelerated). */
    @WithDefault("PT15M")
    Duration period();

    /** Setpoint validity after issue; default two periods. */
    Optional<Duration> validity();

    /** Wall-clock time between looks at the clock (also how fast operator changes go out). */
    @WithDefault("PT1S")
    Duration tick();

    /** Horizon of the persistence weather forecast. */
    @WithDefault("PT24H")
    Duration forecastHorizon();

    /**
     * False: the loop is built but not started; an application embedding the service starts it
     * (heatgrid run starts it once its gateways are connected).
     */
    @WithDefault("true")
    boolean autostart();
  }

  interface Time {
    /** Simulated seconds per wall second; 1 in real operation. */
    @WithDefault("1")
    @Positive
    double speed();

    /** Where simulated time starts; default the wall clock's now. */
    Optional<Instant> start();
  }

  interface Influx {
    /** False: the no-InfluxDB mode (points appended to files under data-dir, the last kept in memory). */
    @WithDefault("true")
    boolean enabled();

    @WithDefault("http://127.0.0.1:8086")
    String url();

    @WithDefault("heatgrid")
    String database();

    /** Most points kept while InfluxDB is away; beyond it the oldest are dropped and counted. */
    @WithDefault("100000")
    @Min(1)
    int bufferCapacity();

    @WithDefault("5000")
    @Min(1)
    int batchSize();

    @WithDefault("PT1S")
    Duration flushInterval();
  }

  /**
   * Where the loop's weather forecast comes from. Checked at start-up by {@code
   * ControlService.weatherSettings}: a bad value stops the start with a message naming the
   * property. An embedding application's {@code RuntimeHooks.weather()} takes precedence.
   */
  interface Weather {
    /**
     * {@code persistence} (default): the gateways' mean outdoor reading held flat, no sun;
     * {@code open-meteo}: the Open-Meteo forecast API, polled, with persistence as fallback.
     */
    @WithDefault("persistence")
    String provider();

    /** Site latitude, degrees north (-90..90); open-meteo needs it unless {@code url} is set. */
    Optional<Double> latitude();

    /** Site longitude, degrees east (-180..180). */
    Optional<Double> longitude();

    /** Full request URL instead of the one built from latitude and longitude (http or https). */
    Optional<String> url();

    /** Time between fetches after a good one. */
    @WithDefault("PT1H")
    Duration refresh();

    /** Oldest forecast used; older, the persistence forecast takes over (metric heatgrid_weather_stale). */
    @WithDefault("PT6H")
    Duration maxAge();

    /** Longest a fetch may hold up the control loop. */
    @WithDefault("PT10S")
    Duration timeout();
  }

  /**
   * Where the MPC comes from: the site's model bundles, learnt from its own record
   * ({@code heatgrid learn}, or re-learning here).
   */
  interface Models {
    /**
     * {@code auto} (default): the MPC from the active bundle when there is a valid one, the
     * heating curve otherwise; {@code curve}: the heating curve always (bundles are still learnt).
     */
    @WithDefault("auto")
    String mode();

    /** The bundle store; default {@code <data-dir>/models}. */
    Optional<Path> store();

    /** Whether the service re-learns from its own record on a schedule. */
    @WithDefault("true")
    boolean relearn();

    /** Loop-clock time between learnings (and before the first one). */
    @WithDefault("P7D")
    Duration relearnEvery();

    /** Usable days a record needs before it is learnt from. */
    @WithDefault("14")
    @Min(3)
    int minDays();

    /** Whether learning trains the hot-water network (else the profile alone forecasts hot water). */
    @WithDefault("true")
    boolean network();
  }
}
