/**
 * Backend {@code bruteforce}: enumeration of placements and semi-active schedules, the oracle for tiny
 * instances. It may use only the centre (model, io, solution, validate, schedule, solver, bound) and its own
 * solver library; it is reached through the registry (META-INF/services), never imported.
 */
package io.edgesplit.backend.bruteforce;
