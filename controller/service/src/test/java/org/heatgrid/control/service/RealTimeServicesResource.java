package org.heatgrid.control.service;

import java.util.HashMap;
import java.util.Map;

/**
 * {@link ServicesResource} with the loop on the wall clock, as in operation (one period per 15
 * real minutes): for load figures of the API that should not include a loop made 600 times busier
 * than it is in operation, on the same two cores as the load client.
 */
public class RealTimeServicesResource extends ServicesResource {

  @Override
  public Map<String, String> start() {
    Map<String, String> config = new HashMap<>(super.start());
    config.put("heatgrid.time.speed", "1");
    config.put("heatgrid.loop.tick", "PT1S");
    return config;
  }
}
