/**
 * A fleet: the sites one operator runs, each control-service instance taking one of them (its
 * shard). Depends on the site description and the wire's topic rules; nothing depends on it but
 * the tools and the service's start-up.
 */
package org.heatgrid.fleet;
