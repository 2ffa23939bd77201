/**
 * Measured savings (M&V): what a site's former operation would have used in the weather that came,
 * from a model fitted on the period it ran that way, against what was metered (IPMVP option C
 * style, weather-normalised avoided energy), with ASHRAE Guideline 14's savings uncertainty.
 */
package org.heatgrid.learn.mv;
