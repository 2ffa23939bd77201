package org.heatgrid.control.mpc.model;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.util.Pair;

/** Fits an {@link EmitterCurve} to the member steps of a {@link StepSelection}. */
final class EmitterFit {

  static final int MIN_SAMPLES = 10;
  static final double MIN_EXPONENT = 1.0;
  static final double MAX_EXPONENT = 2.0;
  /** Below this share of the peak, heat meters and valve hysteresis dominate the reading. */
  static final double MIN_HEAT_SHARE = 0.05;
  /** Within 2 K of the room the logarithm of the excess amplifies sensor error without bound. */
  static final double MIN_EXCESS_K = 2.0;

  private static final Logger LOG = Logger.getLogger(EmitterFit.class.getName());

  private record Sample(double excessK, double heatKw) {}

  private EmitterFit() {}

  static EmitterCurve fit(StepSelection steps) {
    String id = steps.history().buildingId();
    List<Sample> samples = samples(steps);
    if (samples.size() < MIN_SAMPLES) {
      throw new IdentificationException(id, "emitter: only " + samples.size() + " steps with heat "
          + "above 5 % of the maximum and supply at least 2 K above indoor (needs "
          + MIN_SAMPLES + ")");
    }
    double[] logLog = logLogFit(samples);
    double[] refined = nonlinearFit(id, samples, logLog);
    double exponent = Math.min(MAX_EXPONENT, Math.max(MIN_EXPONENT, refined[1]));
    double k = exponent == refined[1] ? refined[0] : coefficientFor(samples, exponent);
    if (!(k > 0) || !Double.isFinite(k)) {
      throw new IdentificationException(id, "emitter: fitted coefficient is not positive: " + k);
    }
    return new EmitterCurve(k, exponent, samples.size(), rmse(samples, k, exponent));
  }

  private static List<Sample> samples(StepSelection steps) {
    BuildingHistory h = steps.history();
    double maxHeat = 0;
    for (int k = 0; k < h.size(); k++) {
      if (steps.isMember(k) && h.heatKw()[k] > maxHeat) {
        maxHeat = h.heatKw()[k];
      }
    }
    List<Sample> samples = new ArrayList<>();
    for (int k = 0; k < h.size(); k++) {
      double indoor = meanIndoor(steps, k);
      double excess = h.supplyC()[k] - indoor;
      double heat = h.heatKw()[k];
      // NaN comparisons are false, so missing readings drop out here.
      if (steps.isMember(k) && heat > MIN_HEAT_SHARE * maxHeat && excess > MIN_EXCESS_K) {
        samples.add(new Sample(excess, heat));
      }
    }
    return samples;
  }

  /** The room over step k: mean of the readings at its start and end when both may be used. */
  private static double meanIndoor(StepSelection steps, int k) {
    double[] indoor = steps.history().indoorC();
    return steps.canStartAt(k) ? (indoor[k - 1] + indoor[k]) / 2 : indoor[k];
  }

  /** {@code ln Q = ln K + n ln dT} by ordinary least squares: returns {K, n}. */
  private static double[] logLogFit(List<Sample> samples) {
    double meanX = 0;
    double meanY = 0;
    for (Sample s : samples) {
      meanX += Math.log(s.excessK());
      meanY += Math.log(s.heatKw());
    }
    meanX /= samples.size();
    meanY /= samples.size();
    double sxy = 0;
    double sxx = 0;
    for (Sample s : samples) {
      double dx = Math.log(s.excessK()) - meanX;
      sxy += dx * (Math.log(s.heatKw()) - meanY);
      sxx += dx * dx;
    }
    double n = sxx > 0 ? sxy / sxx : 1.3;
    return new double[] {Math.exp(meanY - n * meanX), n};
  }

  /**
   * Least squares in kW, where the MPC's error matters; the log-log fit weighs small heats as much
   * as large ones. Falls back to the log-log fit (logged) if the optimiser fails.
   */
  private static double[] nonlinearFit(String id, List<Sample> samples, double[] start) {
    double[] target = samples.stream().mapToDouble(Sample::heatKw).toArray();
    try {
      return new LevenbergMarquardtOptimizer().optimize(new LeastSquaresBuilder()
          .start(start)
          .target(target)
          .model(p -> curveWithJacobian(samples, p.getEntry(0), p.getEntry(1)))
          .maxIterations(200)
          .maxEvaluations(400)
          .build()).getPoint().toArray();
    } catch (MathIllegalStateException | IllegalArgumentException e) {
      LOG.warning(() -> "building " + id + ": emitter nonlinear refit failed (" + e.getMessage()
          + "); keeping the log-log fit");
      return start;
    }
  }

  private static Pair<RealVector, RealMatrix> curveWithJacobian(
      List<Sample> samples, double k, double n) {
    double[] values = new double[samples.size()];
    double[][] jacobian = new double[samples.size()][];
    for (int i = 0; i < values.length; i++) {
      double excess = samples.get(i).excessK();
      double power = Math.pow(excess, n);
      values[i] = k * power;
      jacobian[i] = new double[] {power, k * power * Math.log(excess)};
    }
    return new Pair<>(new ArrayRealVector(values, false), new Array2DRowRealMatrix(jacobian, false));
  }

  /** The best K for a fixed exponent: {@code sum Q dT^n / sum dT^2n}. */
  private static double coefficientFor(List<Sample> samples, double exponent) {
    double num = 0;
    double den = 0;
    for (Sample s : samples) {
      double power = Math.pow(s.excessK(), exponent);
      num += s.heatKw() * power;
      den += power * power;
    }
    return num / den;
  }

  private static double rmse(List<Sample> samples, double k, double exponent) {
    double squares = 0;
    for (Sample s : samples) {
      double error = k * Math.pow(s.excessK(), exponent) - s.heatKw();
      squares += error * error;
    }
    return Math.sqrt(squares / samples.size());
  }
}
