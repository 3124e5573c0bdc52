/**
 * Backend {@code neurosurgeon}: the best single device/edge split per task, then FCFS (docs/baselines.md). It
 * may use only the centre (model, io, solution, validate, schedule, solver, bound) and its own solver library;
 * it is reached through the registry (META-INF/services), never imported.
 */
package io.edgesplit.backend.neurosurgeon;
