package org.sketchfind.engine;

import org.sketchfind.engine.data.Dataset;
import org.sketchfind.engine.data.LabeledImage;
import org.sketchfind.engine.data.SeenClasses;
import org.sketchfind.engine.data.ZeroShotSplit;
import org.sketchfind.engine.features.DatasetFeatures;
import org.sketchfind.engine.features.FeatureCache;
import org.sketchfind.engine.job.CancellationToken;
import org.sketchfind.engine.model.Backbones;
import org.sketchfind.engine.model.FeatureExtractor;
import org.sketchfind.engine.model.ImagePreprocessor;
import org.sketchfind.engine.model.ItqHasher;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The facade's feature work: data sets with their zero-shot split, cached backbone features (as jobs that report
 * {@link Progress} and stop on their token), and the ITQ stand-in model fitted on them.
 */
final class FeatureWork {
    private FeatureWork() {
    }

    /** A scanned data set and its zero-shot split. */
    record SplitDataset(Dataset dataset, ZeroShotSplit split) {
    }

    /** {@code data} with its split column; an IllegalArgumentException if it has no classes.tsv with that column. */
    static SplitDataset open(Path data, String split) throws IOException {
        Dataset dataset = Dataset.scan(data);
        return dataset.split(split).map(zs -> new SplitDataset(dataset, zs)).orElseThrow(() ->
                new IllegalArgumentException(data + " has no classes.tsv with a column " + split));
    }

    /** {@code given}, else {@link Sketchfind#defaultFeatureCache()}. */
    static Path cacheDir(Path given) {
        return given != null ? given : Sketchfind.defaultFeatureCache();
    }

    /** {@code given}, else the default GloVe file beside the data set {@code data}. */
    static Path gloveFile(Path given, Path data) {
        return given != null ? given : data.toAbsolutePath().getParent().resolve("glove/glove.6B.100d.top40k.txt");
    }

    /** {@code backbone} if it is a known one (else an IllegalArgumentException naming them), null: the default. */
    static String backboneName(String backbone) {
        return backbone == null ? Backbones.DEFAULT : Backbones.checkName(backbone);
    }

    /** The extractor of {@code backbone} (null: the default), the process's shared session. */
    static FeatureExtractor extractor(String backbone) throws IOException {
        return FeatureExtractor.of(backboneName(backbone));
    }

    /** Feature caching's progress as the facade's event. */
    static Progress progress(FeatureCache.Progress p) {
        String what = p.mode() == ImagePreprocessor.Mode.PHOTO ? "photos" : "sketches";
        return new Progress("backbone features of " + what, p.done(), p.total(), p.imagesPerSecond());
    }

    /** Opens (or first computes) a data set's features, logging and reporting to {@code listener}. */
    static DatasetFeatures features(Dataset dataset, Path cache, FeatureExtractor fx, JobListener<Progress> listener,
                                    CancellationToken token) throws IOException {
        return DatasetFeatures.load(dataset, cacheDir(cache), fx,
                listener::onLog, p -> listener.onProgress(progress(p)), token);
    }

    static FeaturesResult cache(FeaturesRequest r, JobListener<Progress> listener, CancellationToken token)
            throws IOException {
        long t0 = System.nanoTime();
        Dataset dataset = Dataset.scan(r.data());
        FeatureExtractor fx = extractor(r.backbone());
        Path cache = cacheDir(r.cache());
        try (DatasetFeatures f = features(dataset, cache, fx, listener, token)) {
            return new FeaturesResult(f.photos().size(), f.sketches().size(), cache, (System.nanoTime() - t0) / 1e9,
                    fx.backbone().name());
        }
    }

    static ItqResult itq(ItqRequest r, JobListener<Progress> listener, CancellationToken token) throws IOException {
        SplitDataset ds = open(r.data(), r.split());
        SeenClasses seen = ds.split().seen();
        FeatureExtractor fx = extractor(r.backbone());
        try (DatasetFeatures f = features(ds.dataset(), r.cache(), fx, listener, token)) {
            List<LabeledImage> photos = seen.select(f.photos()).items();
            List<LabeledImage> sketches = seen.select(f.sketches()).items();
            List<float[]> all = new ArrayList<>(List.of(f.pooledPhotos(photos)));
            all.addAll(List.of(f.pooledSketches(sketches)));
            token.throwIfCancelled("ITQ");
            long t0 = System.nanoTime();
            ItqHasher itq = ItqHasher.fit(all.toArray(new float[0][]), r.bits(), r.seed());
            itq.save(r.out());
            return new ItqResult(r.out(), r.bits(), seen.size(), photos.size(), sketches.size(),
                    (System.nanoTime() - t0) / 1e9, fx.backbone().name());
        }
    }
}
