package org.heatgrid.cli;

import org.heatgrid.sim.mpc.MpcParameters;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code --hot-water}: how the MPC forecasts its uncontrolled load, shared by simulate and compare. */
final class HotWaterOption {

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(names = "--hot-water", paramLabel = "profile|network",
      description = "MPC: forecast of the hot water it does not steer: profile (history mean by day "
          + "type and hour, default) or network (the Deeplearning4j forecaster, trained on the history).")
  String hotWater;

  /** {@code p} with the chosen forecast; a bad value is a usage error naming the option. */
  MpcParameters apply(MpcParameters p) {
    if (hotWater == null) {
      return p;
    }
    if (!MpcParameters.HOT_WATER_FORECASTS.contains(hotWater)) {
      throw new ParameterException(spec.commandLine(), "--hot-water must be one of "
          + String.join(", ", MpcParameters.HOT_WATER_FORECASTS) + ", not \"" + hotWater + "\"");
    }
    return p.withHotWaterForecast(hotWater);
  }
}
