package org.heatgrid.sim.kpi;

/**
 * The KPIs of one building or of the cluster over a run; field names follow kpis.json.
 *
 * @param costKrw usage plus basic charge
 * @param usageCostKrw usage charge
 * @param basicCostKrw basic charge on the capacity the period's peak requires (for a building:
 *     its share of the cluster's charge, by its heat rate in the cluster's peak window)
 * @param energyMwh heat delivered at the substations
 * @param energyKwhM2 the same per m2 of heated floor area
 * @param peakKw largest 15-minute mean heat rate
 * @param tdisKhPerZone thermal discomfort over all hours, K*h, mean over zones
 * @param tdisOccupiedKhPerZone thermal discomfort over occupied hours, K*h, mean over zones
 * @param timeRatio controller computation time over control time
 * @param peakBandShare share of the heat delivered in the tariff's peak band (0 without one)
 */
public record KpiSet(
    double costKrw,
    double usageCostKrw,
    double basicCostKrw,
    double energyMwh,
    double energyKwhM2,
    double peakKw,
    double tdisKhPerZone,
    double tdisOccupiedKhPerZone,
    double timeRatio,
    double peakBandShare) {

  /** Each KPI as a ratio to the same KPI of {@code reference} (see {@link Kpis#ratio}). */
  public KpiSet ratioTo(KpiSet reference) {
    return new KpiSet(
        Kpis.ratio(costKrw, reference.costKrw),
        Kpis.ratio(usageCostKrw, reference.usageCostKrw),
        Kpis.ratio(basicCostKrw, reference.basicCostKrw),
        Kpis.ratio(energyMwh, reference.energyMwh),
        Kpis.ratio(energyKwhM2, reference.energyKwhM2),
        Kpis.ratio(peakKw, reference.peakKw),
        Kpis.ratio(tdisKhPerZone, reference.tdisKhPerZone),
        Kpis.ratio(tdisOccupiedKhPerZone, reference.tdisOccupiedKhPerZone),
        Kpis.ratio(timeRatio, reference.timeRatio),
        Kpis.ratio(peakBandShare, reference.peakBandShare));
  }
}
