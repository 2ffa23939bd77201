package org.heatgrid.control.service;

import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.heatgrid.control.loop.LoopSettings;
import org.heatgrid.control.loop.OperatorState;
import org.heatgrid.control.service.adapter.BufferedInfluxWriter;
import org.heatgrid.control.service.adapter.ControlRuntime;
import org.heatgrid.control.service.adapter.FileSink;
import org.heatgrid.control.service.adapter.MqttSettings;
import org.heatgrid.control.service.adapter.PointSink;
import org.heatgrid.control.service.adapter.RuntimeSettings;
import org.heatgrid.site.Site;
import org.heatgrid.site.SiteFile;
import org.heatgrid.time.SimulatedClock;
import org.heatgrid.wire.PayloadCodec;

/**
 * Builds the control runtime from {@link ControlConfig} and the {@link RuntimeHooks} at start-up,
 * starts it unless {@code heatgrid.loop.autostart} is false (then the embedding application
 * calls {@code runtime().start()}), and stops it at shut-down.
 * The clock is the wall clock, or an {@link SimulatedClock} when {@code heatgrid.time.speed} is
 * not 1. Setpoint seqs start at the wall-clock milliseconds of the start, so a restarted service
 * continues above everything it published before.
 */
@Startup
@ApplicationScoped
public class ControlService {

  private final ControlConfig config;
  private final Clock clock;
  private final OperatorState operator;
  private final ControlRuntime runtime;

  public ControlService(ControlConfig config, RuntimeHooks hooks) {
    this.config = config;
    Site site = hooks.site().orElseGet(() -> SiteFile.read(config.site().file(),
        config.site().buildings().orElse(List.of())));
    double speed = config.time().speed();
    Instant start = config.time().start().orElse(Instant.now());
    this.clock = hooks.clock().orElseGet(() -> speed == 1 && config.time().start().isEmpty()
        ? Clock.systemUTC() : SimulatedClock.running(start, speed));
    AuditFile audit = new AuditFile(config.dataDir());
    OperatorStateFile saved = new OperatorStateFile(config.dataDir());
    OperatorState[] self = new OperatorState[1];
    this.operator = new OperatorState(site, e -> {
      audit.accept(e);
      saved.save(self[0]);
    });
    self[0] = operator;
    if (config.restoreOperatorState()) {
      saved.restore(operator);
    }
    ControlConfig.Loop l = config.loop();
    Duration validity = l.validity().orElse(l.period().multipliedBy(2));
    LoopSettings loop = new LoopSettings(l.period(), validity, l.period().multipliedBy(2),
        System.currentTimeMillis());
    MqttSettings mqtt = new MqttSettings(config.mqtt().uri(), config.mqtt().user(),
        config.mqtt().password(), config.mqtt().clientId().orElse("heatgrid-controller-" + site.name()),
        config.mqtt().reconnectMaxSeconds());
    PointSink sink = config.influx().enabled()
        ? new BufferedInfluxWriter(config.influx().url(), config.influx().database(),
            config.influx().bufferCapacity(), config.influx().batchSize(),
            config.influx().flushInterval())
        : new FileSink(config.dataDir(), 10_000);
    this.runtime = new ControlRuntime(new RuntimeSettings(site, mqtt, clock, speed, l.tick(), loop,
        l.forecastHorizon()), hooks.controller(site).orElse(null), hooks.weather().orElse(null),
        operator, sink, new PayloadCodec());
    if (config.loop().autostart()) {
      runtime.start();
    }
  }

  public ControlRuntime runtime() {
    return runtime;
  }

  public OperatorState operator() {
    return operator;
  }

  /** The loop's clock (simulated time when accelerated). */
  public Clock clock() {
    return clock;
  }

  public ControlConfig config() {
    return config;
  }

  @PreDestroy
  void stop() {
    runtime.close();
  }
}
