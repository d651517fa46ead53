package org.sketchfind.engine.train;

import org.sketchfind.engine.data.Dataset;
import org.sketchfind.engine.data.GloveVectors;
import org.sketchfind.engine.data.ImageLoader;
import org.sketchfind.engine.data.LabeledDrawing;
import org.sketchfind.engine.data.LabeledImage;
import org.sketchfind.engine.data.Rasterizer;
import org.sketchfind.engine.data.ZeroShotSplit;
import org.sketchfind.engine.features.DatasetFeatures;
import org.sketchfind.engine.features.FeatureMaps;
import org.sketchfind.engine.eval.Evaluation;
import org.sketchfind.engine.eval.Report;
import org.sketchfind.engine.job.CancellationToken;
import org.sketchfind.engine.model.HashingModel;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Seen-class cross-style retrieval: drawings in another style than the training sketches (Quick, Draw! doodles,
 * TU-Berlin sketches) of SEEN classes as queries, against the photos of those classes that the model's training held
 * out (the trainer's item hold-out, reproduced from the same data, split, hold-out count and seed). Figures are
 * seen-class figures by construction; drawings of unseen or unknown classes are left out and counted. It lives beside
 * the trainer because it reproduces the trainer's hold-out ({@link SeenTrainingSet}).
 */
public final class CrossStyle {
    /** One style's queries against the held-out photos. */
    public record Result(String source, Report report, int leftOut) {
    }

    private CrossStyle() {
    }

    /**
     * @param features  the training data set's cached maps on the model's backbone
     * @param heldOut   photos per seen class the training held out (its {@code --held-out})
     * @param seed      the training seed (it chose which photos were held out)
     * @param sources   folders of drawings (Quick, Draw! ndjson, or class folders of sketch images)
     */
    public static List<Result> evaluate(HashingModel model, DatasetFeatures features, ZeroShotSplit split,
                                        GloveVectors glove, int heldOut, long seed, List<Path> sources,
                                        Evaluation.Options options, Consumer<String> log, CancellationToken cancel)
            throws IOException {
        return evaluate(model, features, split, glove, heldOut, seed, sources, options, false, false, log, cancel);
    }

    /**
     * {@link #evaluate(HashingModel, DatasetFeatures, ZeroShotSplit, GloveVectors, int, long, List,
     * Evaluation.Options, Consumer, CancellationToken)}; with {@code asymmetric}, each source is also ranked by
     * asymmetric scores where the model has real-valued sketch outputs, and with {@code realValued} by the cosine of
     * the sketch's and the photos' real-valued outputs where it has both (a result of its own each).
     */
    public static List<Result> evaluate(HashingModel model, DatasetFeatures features, ZeroShotSplit split,
                                        GloveVectors glove, int heldOut, long seed, List<Path> sources,
                                        Evaluation.Options options, boolean asymmetric, boolean realValued,
                                        Consumer<String> log, CancellationToken cancel) throws IOException {
        boolean real = realValued && model.hasSketchMargins() && model.hasPhotoMargins();
        TrainingData td = SeenTrainingSet.build(features, split, glove, heldOut, 0, seed);
        int[] rows = td.valPhotos();
        FeatureMaps maps = td.photoMaps();
        List<String> names = td.classNames();
        int[] galleryLabels = new int[rows.length];
        List<long[]> gallery = new ArrayList<>();
        List<float[]> galleryOutputs = new ArrayList<>();
        for (int from = 0; from < rows.length; from += 64) {
            int n = Math.min(64, rows.length - from);
            float[] buf = new float[n * maps.mapLength()];
            for (int i = 0; i < n; i++) {
                maps.copyTo(rows[from + i], buf, i * maps.mapLength());
                galleryLabels[from + i] = td.photoClasses()[rows[from + i]];
            }
            org.nd4j.linalg.api.ndarray.INDArray batch = org.nd4j.linalg.factory.Nd4j.create(buf,
                    new long[]{n, maps.channels(), maps.height(), maps.width()}, 'c');
            gallery.addAll(List.of(model.encodePhotoMaps(batch)));
            if (real) {
                galleryOutputs.addAll(List.of(model.photoMarginsFromMaps(batch)));
            }
        }
        Map<String, Integer> index = new HashMap<>();
        for (int c = 0; c < names.size(); c++) {
            index.put(names.get(c), c);
        }
        log.accept(String.format(java.util.Locale.ROOT, "gallery: %d held-out photos of %d seen classes",
                rows.length, names.size()));
        List<Result> out = new ArrayList<>();
        for (Path source : sources) {
            cancel.throwIfCancelled("cross-style evaluation before " + source);
            Dataset d = Dataset.scan(source);
            List<BufferedImage> images = new ArrayList<>();
            List<Integer> labels = new ArrayList<>();
            int leftOut = 0;
            Rasterizer raster = Rasterizer.defaults();
            for (LabeledDrawing dr : d.drawings()) {
                Integer c = index.get(canonicalSeen(split, dr.className()));
                if (c == null) {
                    leftOut++;
                    continue;
                }
                images.add(raster.renderRgb(dr.drawing()));
                labels.add(c);
            }
            for (LabeledImage im : d.sketches()) {
                Integer c = index.get(canonicalSeen(split, im.className()));
                if (c == null) {
                    leftOut++;
                    continue;
                }
                images.add(ImageLoader.load(im.path()));
                labels.add(c);
            }
            if (images.isEmpty()) {
                log.accept(source + ": no drawings of the model's seen classes");
                continue;
            }
            List<long[]> queries = inBatches(images, model::encodeSketches);
            int[] queryLabels = labels.stream().mapToInt(Integer::intValue).toArray();
            Evaluation.Options opts = options.withSplit("seen-class " + source.getFileName() + " queries")
                    .withPrecisionK(Math.min(options.precisionK(), rows.length));
            Report r = Evaluation.hamming(model.name(), model.bits(), queries.toArray(new long[0][]), queryLabels,
                    gallery.toArray(new long[0][]), galleryLabels, names, opts);
            log.accept(String.format(java.util.Locale.ROOT, "%s: %d queries of %d classes, %d left out (unseen or"
                    + " unknown class): mAP@all %.4f", source, images.size(),
                    labels.stream().distinct().count(), leftOut, r.mapAll()));
            out.add(new Result(source.toString(), r, leftOut));
            boolean asym = asymmetric && model.hasSketchMargins();
            float[][] margins = asym || real ? inBatches(images, model::sketchMargins).toArray(new float[0][]) : null;
            if (asym) {
                out.add(logged(source, "asymmetric ranking", Evaluation.asymmetric(model.name()
                        + " + asymmetric ranking", model.bits(), margins, queryLabels, gallery.toArray(new long[0][]),
                        galleryLabels, names, opts), leftOut, log));
            }
            if (real) {
                out.add(logged(source, "real-valued ranking", Evaluation.realValued(model.name()
                        + " + real-valued ranking", model.bits(), margins, queryLabels,
                        galleryOutputs.toArray(new float[0][]), galleryLabels, names, opts), leftOut, log));
            }
        }
        return out;
    }

    /** A source's result under another ranking, its figure logged. */
    private static Result logged(Path source, String ranking, Report report, int leftOut, Consumer<String> log) {
        log.accept(String.format(java.util.Locale.ROOT, "%s, %s: mAP@all %.4f", source, ranking, report.mapAll()));
        return new Result(source + " (" + ranking + ")", report, leftOut);
    }

    /** {@code perBatch} over the images in batches of 32, its rows in order. */
    private static <T> List<T> inBatches(List<BufferedImage> images, Function<List<BufferedImage>, T[]> perBatch) {
        List<T> out = new ArrayList<>();
        for (int from = 0; from < images.size(); from += 32) {
            out.addAll(List.of(perBatch.apply(images.subList(from, Math.min(images.size(), from + 32)))));
        }
        return out;
    }

    /** The split's name of a seen class, or null for an unseen or unknown one. */
    private static String canonicalSeen(ZeroShotSplit split, String name) {
        return split.seen().contains(name) ? split.canonical(name) : null;
    }
}
