/**
 * Import of FJSPLIB flexible job-shop files as instances (docs/cpsat.md). Depends on the model package.
 */
package io.edgesplit.fjsp;
