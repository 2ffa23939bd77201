package org.heatgrid.control.baseline;

/**
 * The building-automation functions of {@link BestPracticeController}, at values from vendors'
 * manuals and guides rather than fitted to any site: none of them was chosen on a simulation.
 *
 * @param roomGain room influence: K of room-target shift per K of room deviation (Siemens and
 *     Honeywell heating controllers default to 1-4; 1 keeps the curve's own shape dominant)
 * @param maxRoomShiftK limit of the room influence either way, K
 * @param initialRateKPerHour heat-up rate assumed before the first learned morning, K/h
 * @param leadMinutes minutes added to the computed heat-up time, so the room is at its target when
 *     people come, not just then
 * @param maxPreheatHours the earliest start before opening, h (after long holidays)
 * @param stopMinutes optimum stop: minutes before closing when the curve drops to setback if the
 *     room is at its target
 * @param plausibleRoomMinC readings at or below this are ignored as sensor faults, C
 * @param plausibleRoomMaxC readings at or above this are ignored as sensor faults, C
 */
public record BestPracticeSettings(double roomGain, double maxRoomShiftK,
    double initialRateKPerHour, double leadMinutes, double maxPreheatHours, double stopMinutes,
    double plausibleRoomMinC, double plausibleRoomMaxC) {

  public static final BestPracticeSettings DEFAULTS =
      new BestPracticeSettings(1, 3, 1, 15, 6, 30, 0, 40);

  public BestPracticeSettings {
    if (!(roomGain >= 0) || !(maxRoomShiftK >= 0)) {
      throw new IllegalArgumentException("room gain and its limit must be >= 0");
    }
    if (!(initialRateKPerHour >= BestPracticeController.OptimumStart.MIN_RATE)) {
      throw new IllegalArgumentException("initial heat-up rate must be at least "
          + BestPracticeController.OptimumStart.MIN_RATE + " K/h: " + initialRateKPerHour);
    }
    if (!(leadMinutes >= 0) || !(maxPreheatHours >= 0) || !(stopMinutes >= 0)) {
      throw new IllegalArgumentException("lead, preheat and stop times must be >= 0");
    }
    if (!(plausibleRoomMinC < plausibleRoomMaxC)) {
      throw new IllegalArgumentException("plausible room range is empty: " + plausibleRoomMinC
          + " to " + plausibleRoomMaxC);
    }
  }
}
