/**
 * The suite runner (docs/benchmarks.md): runs configurations on instances, validates every answer, writes
 * runs.csv, solutions and traces. Around the centre; reaches backends through the registry.
 */
package io.edgesplit.bench;
