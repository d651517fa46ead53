/**
 * Frozen-backbone feature maps of whole data sets, computed once and kept in memory-mapped caches: what training,
 * evaluation, the baselines and t-SNE read instead of running the backbone again. Sits above {@code model} (the
 * backbone and its extractor) and {@code data} (data sets), below {@code train} and {@code eval}, which both use it.
 *
 * <ul>
 *   <li>{@link org.sketchfind.engine.features.FeatureMaps}: rows of [C, H, W] maps, in memory
 *       ({@link org.sketchfind.engine.features.ArrayFeatureMaps}), memory-mapped
 *       ({@link org.sketchfind.engine.features.MappedFeatureMaps}) or a subset of rows
 *       ({@link org.sketchfind.engine.features.FeatureMapsSubset}).</li>
 *   <li>{@link org.sketchfind.engine.features.FeatureCache}: builds or reopens a cache file for a list of images
 *       (cancellable between batches); {@link org.sketchfind.engine.features.DatasetFeatures}: every photo and
 *       sketch of a data set with its cached maps, per backbone.</li>
 * </ul>
 */
package org.sketchfind.engine.features;
