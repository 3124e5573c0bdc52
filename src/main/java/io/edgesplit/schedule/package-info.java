/**
 * Schedule building shared by backends: timelines, the schedule builder, the paper's dynamic prescheduler,
 * multi-endpoint DAG retrieval and collaborative remapping (docs/medag.md). Part of the centre: no solver
 * library, no backend.
 */
package io.edgesplit.schedule;
