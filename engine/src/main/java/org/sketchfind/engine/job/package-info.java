/**
 * What long engine work stops on: {@link org.sketchfind.engine.job.CancellationToken} (cancel, pause, resume), the
 * one token type of indexing, feature caching, training, evaluation and t-SNE. A foundation package: it depends on
 * nothing else of the engine. The handle the outside world sees is the facade's {@code org.sketchfind.engine.Job},
 * which holds such a token.
 */
package org.sketchfind.engine.job;
