/**
 * Weather forecasts from a real provider for the control loop: {@link
 * org.heatgrid.control.weather.OpenMeteoFormat} reads the Open-Meteo forecast API's JSON into an
 * {@link org.heatgrid.control.weather.HourlyWeather} series, and {@link
 * org.heatgrid.control.weather.PolledWeather} (a {@link org.heatgrid.control.loop.WeatherSource})
 * fetches it over HTTP, caches it, serves it on the loop's step and falls back to a persistence
 * forecast when it is too old, reporting what it did through {@link
 * org.heatgrid.control.weather.WeatherStatus}.
 *
 * <p>Framework-free (JDK {@code java.net.http} and Jackson only), like the loop itself. Time comes
 * from the instants passed in and an injected {@link java.time.Clock}, never from the wall clock
 * directly.
 */
package org.heatgrid.control.weather;
