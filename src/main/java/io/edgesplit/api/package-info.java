/**
 * The public Java API (docs/api.md): builders for instances and models, the {@link io.edgesplit.api.EdgeSplit}
 * facade (solve with any backend, validate, read and write files) and its result records. It depends on the
 * centre and the zoo only; backends are reached through the registry, so it carries no solver library.
 */
package io.edgesplit.api;
