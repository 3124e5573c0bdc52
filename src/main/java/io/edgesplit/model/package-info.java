/**
 * The problem as docs/model.md defines it: immutable records of an instance, every semantic check ({@link
 * io.edgesplit.model.InstanceChecks}) and the integer-tick form solvers use ({@link
 * io.edgesplit.model.CompiledInstance}). The centre of the centre: it depends on nothing else of the project.
 */
package io.edgesplit.model;
