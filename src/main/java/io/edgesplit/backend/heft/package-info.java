/**
 * Backend {@code heft}: HEFT over all tasks' layers with insertion (docs/baselines.md). It may use only the
 * centre (model, io, solution, validate, schedule, solver, bound) and its own solver library, if any; it is reached
 * through the registry (META-INF/services), never imported.
 */
package io.edgesplit.backend.heft;
