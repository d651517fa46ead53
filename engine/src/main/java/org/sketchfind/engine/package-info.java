/**
 * The engine's facade: the one door the app and the command line use ({@link org.sketchfind.engine.Sketchfind},
 * {@link org.sketchfind.engine.PhotoCollection}), the one handle for long work ({@link org.sketchfind.engine.Job},
 * with a {@link org.sketchfind.engine.JobListener}), and the value types the outside world sees (requests, results,
 * progress events, hits). Nothing here exposes the packages below it: the public signatures show facade and JDK
 * types only, a rule the build checks (docs/architecture.md). The package-private classes are the facade's wiring:
 * {@code TrainingRun} (a training request becomes a run), {@code Research} (evaluation, paper tables, t-SNE),
 * {@code FeatureWork} (feature caches, ITQ), {@code DatasetDescription}, {@code Jobs} (the executor).
 */
package org.sketchfind.engine;
