/**
 * Solvers for the MPC planning problem of a building cluster.
 *
 * <p>{@link org.heatgrid.control.mpc.solver.PlanningProblem} states the problem: per building a
 * first-order thermal chain with a soft comfort floor, a time-of-use heat price and a cluster peak
 * charge. {@link org.heatgrid.control.mpc.solver.StructuredSolver} is the fast exact solver used
 * in closed loop; {@link org.heatgrid.control.mpc.solver.OjAlgoSolver} is the general-purpose
 * reference it is tested against. {@link org.heatgrid.control.mpc.solver.PlanChecker} verifies a
 * plan against its problem.
 */
package org.heatgrid.control.mpc.solver;
