/**
 * Backend {@code decoupled}: per-task best plan ignoring contention, then prescheduled (docs/baselines-
 * decoupled.md). It may use only the centre (model, io, solution, validate, schedule, solver, bound) and its own
 * solver library; it is reached through the registry (META-INF/services), never imported.
 */
package io.edgesplit.backend.decoupled;
