/**
 * Dynamic mode (docs/dynamic.md): a discrete-event simulation in which requests arrive over time and the
 * nodes' speeds and links' bandwidths fluctuate; a policy ({@link io.edgesplit.dynamic.PolicyConfig}: a backend through one adapter) (re)plans the work not
 * yet started at decision points, and the executed trace is validated as a solution of the realised instance
 * (docs/model.md §8). Entry point: {@link io.edgesplit.dynamic.Simulator}.
 */
package io.edgesplit.dynamic;
