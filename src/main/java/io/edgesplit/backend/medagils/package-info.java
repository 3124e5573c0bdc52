/**
 * Backend {@code medag-ils}: iterated local search around medag's answer (docs/medag.md). It builds on the
 * {@code medag} backend's classes and the centre (model, schedule, solution, solver); it is reached through the
 * registry (META-INF/services), never imported.
 */
package io.edgesplit.backend.medagils;
