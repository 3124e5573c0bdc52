/**
 * Strict JSON reading and writing of instances, solutions and solver configurations (docs/formats.md), with the
 * file and JSON path in every error. It depends on the model, solution, solver SPI and zoo packages and on
 * Jackson; no solver library.
 */
package io.edgesplit.io;
