/**
 * JMH harnesses (docs/performance.md), compiled only with the {@code jmh} profile; they use the public classes
 * of the other packages and nothing depends on them.
 */
package io.edgesplit.jmh;
