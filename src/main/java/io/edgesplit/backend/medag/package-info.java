/**
 * Backend {@code medag}: the paper's dynamic prescheduling and multi-endpoint DAG retrieval with collaborative
 * remapping (docs/medag.md). It may use only the centre (model, io, solution, validate, schedule, solver, bound)
 * and its own solver library, if any; it is reached through the registry (META-INF/services), never imported.
 */
package io.edgesplit.backend.medag;
