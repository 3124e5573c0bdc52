/**
 * The one independent validator: checks a solution against every constraint of docs/model.md and recomputes its
 * objective. Depends on the model and solution packages only; it shares no code with schedule building.
 */
package io.edgesplit.validate;
