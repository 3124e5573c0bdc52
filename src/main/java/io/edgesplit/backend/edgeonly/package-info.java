/**
 * Backend {@code edge-only}: each whole model on one edge or cloud node, greedy earliest finish
 * (docs/baselines.md). It may use only the centre (model, io, solution, validate, schedule, solver, bound) and
 * its own solver library; it is reached through the registry (META-INF/services), never imported.
 */
package io.edgesplit.backend.edgeonly;
