package org.heatgrid.control.service;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;

/** The service on its own: everything from the configuration (see {@link RuntimeHooks}). */
@ApplicationScoped
@DefaultBean
public class DefaultRuntimeHooks implements RuntimeHooks {}
