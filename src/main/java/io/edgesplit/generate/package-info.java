/**
 * The scenario generator (docs/datasets.md): seeded random instances of the scenario families. Depends on the
 * model and zoo packages.
 */
package io.edgesplit.generate;
