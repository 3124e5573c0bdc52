/**
 * Cheap lower bounds for every instance (docs/bounds.md), used to certify gaps. Part of the centre: no solver
 * library, no backend.
 */
package io.edgesplit.bound;
