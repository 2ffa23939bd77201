/**
 * The {@code heatgrid} command line (picocli): {@code simulate}, {@code commission} and
 * {@code bench}. Thin: it parses options, calls the simulator's Java API and writes outputs.
 */
package org.heatgrid.cli;
