/**
 * The backend SPI ({@link io.edgesplit.solver.Solver}), the ServiceLoader registry, solve options and {@link
 * io.edgesplit.solver.CheckedSolve}, which puts every answer through the validator. Part of the centre: no
 * solver library, no backend.
 */
package io.edgesplit.solver;
