package org.heatgrid.cli;

import org.heatgrid.control.mpc.MpcSettings;
import org.heatgrid.sim.mpc.MpcParameters;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code --plan-model}: the building model the MPC plans with, shared by simulate, compare, tune. */
final class PlanModelOption {

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(names = "--plan-model", paramLabel = "one-state|two-state",
      description = "MPC: the building model it plans with: two-state (air and structure, "
          + "default; margins 2.0 x each model's held-out RMSE, as tuned for it) or one-state "
          + "(first order with an air offset; margins 1.75 x, as tuned for it); "
          + "--margin-per-rmse and --comfort-margin override the margin.")
  String planModel;

  /** {@code p} with the chosen model; a bad value is a usage error naming the option. */
  MpcParameters apply(MpcParameters p) {
    if (planModel == null) {
      return p;
    }
    requireKnown(spec.commandLine(), planModel);
    MpcParameters chosen = p.withPlanModel(planModel);
    // Each model's margin rule was tuned for it (docs/decisions/0026); explicit margin options,
    // applied after this, still override it.
    double perRmse = planModel.equals("two-state") ? MpcSettings.TWO_STATE_MARGIN_PER_RMSE
        : MpcSettings.DEFAULTS.marginPerRmse();
    return chosen.withSettings(chosen.settings().withMargins(chosen.settings().comfortMarginK(),
        perRmse));
  }

  /** A usage error naming {@code --plan-model} unless {@code name} is a known plan model. */
  static void requireKnown(picocli.CommandLine commandLine, String name) {
    if (!MpcParameters.PLAN_MODELS.contains(name)) {
      throw new ParameterException(commandLine, "--plan-model must be one of "
          + String.join(", ", MpcParameters.PLAN_MODELS) + ", not \"" + name + "\"");
    }
  }
}
