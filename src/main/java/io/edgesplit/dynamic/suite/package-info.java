/**
 * Simulation suites (docs/benchmarks.md, "Simulation suites"): a suite file with {@code "kind": "simulation"}
 * names scenarios, policies and seeds; {@link io.edgesplit.dynamic.suite.SimRunner} runs every combination,
 * appending one row per run to {@code sim-runs.csv}, with per-request files and, for small realised instances,
 * the optimum in hindsight and the policy's competitive ratio.
 */
package io.edgesplit.dynamic.suite;
