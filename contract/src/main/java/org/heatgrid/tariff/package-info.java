/**
 * District-heating tariffs as data: a monthly basic charge on contracted capacity plus a usage
 * charge per Mcal, flat or time-of-use. Controllers plan against it; the simulator bills with it.
 */
package org.heatgrid.tariff;

