/**
 * Reports and plots from runs.csv (docs/benchmarks.md): tables, performance profiles, anytime curves, Gantt
 * charts. Around the centre (it reads the bench package's records); no solver library.
 */
package io.edgesplit.report;
