package org.heatgrid.sim.weather;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Objects;
import java.util.SplittableRandom;
import org.heatgrid.weather.WeatherForecast;

/**
 * Makes weather forecasts from the true weather plus an error that grows with lead time, the way
 * BOPTEST's weather forecast uncertainty emulator does (Zheng, Zabala, Febres, Blum and Wang 2025,
 * "Quantifying and simulating the weather forecast uncertainty for advanced building control",
 * J. Building Performance Simulation, doi:10.1080/19401493.2025.2453537).
 *
 * <p>The error is an hourly AR(1) process per variable, one value per whole hour of lead, linearly
 * interpolated in between (BOPTEST also makes hourly errors and interpolates them):
 *
 * <ul>
 *   <li>dry-bulb temperature: e(1 h) ~ Normal(F0, K0), e(h + 1) = F e(h) + Normal(mu, K);
 *   <li>global horizontal irradiance, W/m2: e(1 h) ~ Laplace(ag0, bg0),
 *       e(h + 1) ~ Laplace(phi e(h) + ag, bg).
 * </ul>
 *
 * Forecast = truth - error, as in BOPTEST's forecaster.py. Two deliberate departures from BOPTEST:
 * the error at lead 0 is zero (index 0 is the present, an observation), so BOPTEST's initial error
 * applies at lead 1 h; and BOPTEST's up-to-200 redraws and 3-point smoothing of the irradiance
 * forecast are left out (too costly at one forecast per 15-minute step), keeping only its final
 * clipping of the forecast to [0.2, 2] times the truth, which also makes it 0 whenever the truth is
 * 0 (night).
 *
 * <p>Parameters: BOPTEST forecast/forecast_uncertainty_params.json (repository
 * ibpsa/project1-boptest), model in forecast/error_emulator.py and
 * docs/design/source/forecasts.rst.
 * With them the temperature error RMSE at 24 h lead is about 1.0 K (low), 1.6 K (medium) and 2.2 K
 * (high).
 *
 * <p>Deterministic: the random stream depends only on the seed and the issue instant, not on call
 * order or horizon; all levels use the same stream (common random numbers), so comparing levels
 * compares error sizes, not luck.
 */
public final class ForecastGenerator {

  /** BOPTEST temperature AR(1), K: initial mean F0 and std K0, autocorrelation F, noise K, mu. */
  private record TemperatureModel(double f0, double k0, double f, double k, double mu) {}

  /** BOPTEST GHI AR(1), W/m2: initial Laplace ag0, bg0; autocorrelation phi; noise ag, bg */
  private record SolarModel(double ag0, double bg0, double phi, double ag, double bg) {}

  private static final double SECONDS_PER_HOUR = 3600.0;

  private final WeatherTrace truth;
  private final ForecastErrorLevel level;
  private final long seed;
  private final Duration step;
  private final int size;
  private final double stepHours;
  private final TemperatureModel temperature;
  private final SolarModel solar;

  /**
   * @param truth the true weather, in local standard time
   * @param level how large the errors are; {@code NONE} returns the truth
   * @param seed random seed of the run
   * @param step spacing of forecast values, positive
   * @param horizon lead of the last value, a whole multiple of {@code step} (zero allowed)
   */
  public ForecastGenerator(
      WeatherTrace truth, ForecastErrorLevel level, long seed, Duration step, Duration horizon) {
    this.truth = Objects.requireNonNull(truth, "truth");
    this.level = Objects.requireNonNull(level, "level");
    this.seed = seed;
    this.step = Objects.requireNonNull(step, "step");
    if (step.isZero() || step.isNegative()) {
      throw new IllegalArgumentException("step must be positive: " + step);
    }
    if (horizon.isNegative() || horizon.toNanos() % step.toNanos() != 0) {
      throw new IllegalArgumentException(
          "horizon must be a non-negative whole multiple of the step: " + horizon + ", " + step);
    }
    this.size = Math.toIntExact(horizon.toNanos() / step.toNanos()) + 1;
    this.stepHours = step.toNanos() / 1e9 / SECONDS_PER_HOUR;
    switch (level) {
      case LOW:
        temperature = new TemperatureModel(0, 0.6, 0.92, 0.4, 0);
        solar = new SolarModel(4.44, 57.42, 0.62, 1.86, 45.64);
        break;
      case MEDIUM:
        temperature = new TemperatureModel(0.15, 1.2, 0.93, 0.6, 0);
        solar = new SolarModel(15.02, 122.6, 0.63, 4.44, 91.97);
        break;
      case HIGH:
        temperature = new TemperatureModel(-0.58, 1.5, 0.95, 0.7, -0.015);
        solar = new SolarModel(32.09, 119.94, 0.67, 10.63, 87.44);
        break;
      default:
        temperature = null;
        solar = null;
        break;
    }
  }

  /** Number of values in every forecast: horizon / step + 1. */
  public int size() {
    return size;
  }

  /**
   * The forecast issued at {@code issueLocal} (station local standard time), values at
   * {@code issueLocal + k * step}, k = 0 .. size()-1.
   *
   * @param issuedAt the same moment as an instant; stamped on the forecast and mixed into the seed
   */
  public WeatherForecast forecast(LocalDateTime issueLocal, Instant issuedAt) {
    double[] outdoorC = new double[size];
    double[] ghiWm2 = new double[size];
    LocalDateTime t = issueLocal;
    if (level == ForecastErrorLevel.NONE) {
      for (int k = 0; k < size; k++, t = t.plus(step)) {
        outdoorC[k] = truth.outdoorC(t);
        ghiWm2[k] = truth.ghiWm2(t);
      }
      return new WeatherForecast(issuedAt, step, outdoorC, ghiWm2);
    }
    // One stream per variable, so each variable's errors do not depend on the horizon.
    SplittableRandom root = new SplittableRandom(mix64(seed ^ mix64(issuedAt.getEpochSecond())));
    SplittableRandom tempRng = root.split();
    SplittableRandom solarRng = root.split();
    TemperatureModel tm = temperature;
    SolarModel sm = solar;
    // Errors at the whole-hour knots around the current lead: [knot, knot + 1] hours.
    int knot = 0;
    double tempBefore = 0;
    double tempAfter = tm.f0() + tm.k0() * tempRng.nextGaussian();
    double solarBefore = 0;
    double solarAfter = laplace(solarRng, sm.ag0(), sm.bg0());
    for (int k = 0; k < size; k++, t = t.plus(step)) {
      double leadHours = k * stepHours;
      while (leadHours > knot + 1) {
        knot++;
        tempBefore = tempAfter;
        tempAfter = tm.f() * tempBefore + tm.mu() + tm.k() * tempRng.nextGaussian();
        solarBefore = solarAfter;
        solarAfter = laplace(solarRng, sm.phi() * solarBefore + sm.ag(), sm.bg());
      }
      double w = leadHours - knot;
      double tempError = tempBefore + w * (tempAfter - tempBefore);
      double solarError = solarBefore + w * (solarAfter - solarBefore);
      outdoorC[k] = truth.outdoorC(t) - tempError;
      double g = truth.ghiWm2(t);
      // BOPTEST's final clip: within [0.2, 2] x truth, hence 0 at night and never negative.
      ghiWm2[k] = g <= 0 ? 0 : Math.min(2 * g, Math.max(0.2 * g, g - solarError));
    }
    return new WeatherForecast(issuedAt, step, outdoorC, ghiWm2);
  }

  /** Laplace(location, scale): the difference of two unit exponentials is standard Laplace. */
  private static double laplace(SplittableRandom rng, double location, double scale) {
    return location + scale * (rng.nextExponential() - rng.nextExponential());
  }

  /** SplitMix64 finaliser: spreads nearby seeds and issue times over unrelated streams. */
  private static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  @Override
  public String toString() {
    return "ForecastGenerator[" + level + ", seed " + seed + ", step " + step + ", " + size
        + " values]";
  }
}
