/**
 * The picocli command line, a thin shell over {@link io.edgesplit.api.EdgeSplit} and the bench and report
 * packages. Nothing depends on it.
 */
package io.edgesplit.cli;
