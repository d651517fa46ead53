package org.sketchfind.engine.eval;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.sketchfind.engine.data.ClassFolderReader;
import org.sketchfind.engine.data.ClassTable;
import org.sketchfind.engine.data.Labeled;
import org.sketchfind.engine.data.LabeledDrawing;
import org.sketchfind.engine.data.LabeledImage;
import org.sketchfind.engine.data.QuickDrawReader;
import org.sketchfind.engine.data.Rasterizer;
import org.sketchfind.engine.data.ZeroShotSplit;
import org.sketchfind.engine.model.FeatureExtractor;
import org.sketchfind.engine.model.ImagePreprocessor;
import org.sketchfind.engine.features.ArrayFeatureMaps;
import org.sketchfind.engine.features.FeatureCache;
import org.sketchfind.engine.features.FeatureMaps;
import org.sketchfind.engine.job.CancellationToken;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;

/**
 * What an evaluation ranks: sketch queries (Sketchy/TU-Berlin image folders, or Quick, Draw! ndjson folders) and a
 * class-per-folder photo gallery, filtered to one side of a zero-shot split, with class labels matched across
 * sources (case, {@code _}, {@code -}, spaces normalised) and the frozen backbone's feature maps of every item
 * (image files cached on disk, drawings rasterized and computed in memory).
 */
public record EvaluationData(List<String> classNames, int[] queryLabels, FeatureMaps queryMaps, int[] galleryLabels,
                             FeatureMaps galleryMaps, String split) {
    /** Which classes to keep. */
    public enum Only { UNSEEN, SEEN, ALL }

    public int queries() {
        return queryLabels.length;
    }

    public int gallery() {
        return galleryLabels.length;
    }

    /**
     * @param classes     classes.tsv (null: every class present in both, no split)
     * @param splitColumn split column of {@code classes} (needed unless {@code only} is ALL)
     */
    public static EvaluationData load(Path queries, Path gallery, Path classes, String splitColumn, Only only,
                                      Path cacheDir, FeatureExtractor fx, Consumer<String> log) throws IOException {
        return load(queries, gallery, classes, splitColumn, only, cacheDir, fx, log, CancellationToken.none());
    }

    /** {@link #load(Path, Path, Path, String, Only, Path, FeatureExtractor, Consumer)} that stops on {@code cancel}
     * between batches of backbone features. */
    public static EvaluationData load(Path queries, Path gallery, Path classes, String splitColumn, Only only,
                                      Path cacheDir, FeatureExtractor fx, Consumer<String> log,
                                      CancellationToken cancel) throws IOException {
        ZeroShotSplit split = null;
        if (classes != null) {
            split = ZeroShotSplit.of(ClassTable.read(classes), splitColumn);
        } else if (only != Only.ALL) {
            throw new IllegalArgumentException("--only " + only.name().toLowerCase() + " needs --classes TSV and --split");
        }
        List<? extends Labeled> q = isDrawings(queries) ? QuickDrawReader.read(queries).items()
                : sorted(ClassFolderReader.read(queries).items());
        List<LabeledImage> g = sorted(ClassFolderReader.read(gallery).items());
        q = filter(q, split, only);
        g = filter(g, split, only);
        ClassLabels labels = new ClassLabels();
        int[] gl = labels.labelsOf(g.stream().map(Labeled::className).toList());
        List<Labeled> qKept = new ArrayList<>();
        for (Labeled item : q) {
            if (labels.find(item.className()) >= 0) {
                qKept.add(item); // a query class with no gallery photo cannot be evaluated
            }
        }
        int[] ql = labels.labelsOf(qKept.stream().map(Labeled::className).toList());
        log.accept(String.format("evaluation data: %d queries, %d gallery photos, %d classes%s", ql.length, gl.length,
                labels.names().size(), split == null ? "" : " (" + only.name().toLowerCase() + " classes of " + splitColumn + ")"));
        FeatureMaps gm = cached(g, ImagePreprocessor.Mode.PHOTO, cacheDir, fx, log, "gallery", cancel);
        FeatureMaps qm = qKept.stream().allMatch(i -> i instanceof LabeledImage)
                ? cached(qKept.stream().map(i -> (LabeledImage) i).toList(), ImagePreprocessor.Mode.SKETCH, cacheDir,
                        fx, log, "queries", cancel)
                : drawings(qKept, fx, cancel);
        return new EvaluationData(labels.names(), ql, qm, gl, gm, split == null ? null : splitColumn + ":" + only.name().toLowerCase());
    }

    private static boolean isDrawings(Path dir) throws IOException {
        if (Files.isRegularFile(dir)) {
            return QueryFiles.isNdjson(dir);
        }
        try (var s = Files.list(dir)) {
            return s.anyMatch(QueryFiles::isNdjson);
        }
    }

    private static <T extends Labeled> List<T> filter(List<T> items, ZeroShotSplit split, Only only) {
        if (split == null || only == Only.ALL) {
            return items;
        }
        return only == Only.UNSEEN ? split.unseen().forEvaluation().select(items).items()
                : split.seen().select(items).items();
    }

    private static List<LabeledImage> sorted(List<LabeledImage> items) {
        return items.stream().sorted(Comparator.comparing(i -> i.path().toString())).toList();
    }

    private static FeatureMaps cached(List<LabeledImage> items, ImagePreprocessor.Mode mode, Path cacheDir,
                                      FeatureExtractor fx, Consumer<String> log, String what,
                                      CancellationToken cancel) throws IOException {
        List<Path> paths = items.stream().map(LabeledImage::path).toList();
        Path file = cacheDir.resolve("eval-" + mode.name().toLowerCase() + "-" + digest(paths) + ".maps");
        return FeatureCache.openOrBuild(file, paths, mode, fx,
                p -> {
                    if (p.done() == p.total() || p.done() % (fx.batchSize() * 10) == 0) {
                        log.accept(String.format("backbone features of %s: %d/%d", what, p.done(), p.total()));
                    }
                }, cancel);
    }

    private static FeatureMaps drawings(List<Labeled> items, FeatureExtractor fx, CancellationToken cancel) {
        Rasterizer r = Rasterizer.defaults();
        List<float[]> maps = new ArrayList<>();
        long[] shape = null;
        for (int from = 0; from < items.size(); from += fx.batchSize()) {
            cancel.throwIfCancelled("backbone features of the drawings");
            List<BufferedImage> batch = new ArrayList<>();
            for (Labeled l : items.subList(from, Math.min(items.size(), from + fx.batchSize()))) {
                batch.add(r.renderRgb(((LabeledDrawing) l).drawing()));
            }
            INDArray m = fx.featureMaps(batch, ImagePreprocessor.Mode.SKETCH);
            shape = m.shape();
            for (int i = 0; i < batch.size(); i++) {
                maps.add(m.slice(i).dup().reshape(-1).toFloatVector());
            }
        }
        if (shape == null) {
            return new ArrayFeatureMaps(new float[0][], 512, 13, 13);
        }
        return new ArrayFeatureMaps(maps.toArray(new float[0][]), (int) shape[1], (int) shape[2], (int) shape[3]);
    }

    private static String digest(List<Path> paths) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Path p : paths) {
                md.update(p.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
            }
            return HexFormat.of().formatHex(md.digest(), 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Rows {@code from..to-1} of {@code maps} as an [n, C, H, W] array. */
    public static INDArray batch(FeatureMaps maps, int from, int to) {
        int len = maps.mapLength();
        float[] buf = new float[(to - from) * len];
        for (int i = from; i < to; i++) {
            maps.copyTo(i, buf, (i - from) * len);
        }
        return Nd4j.create(buf, new long[]{to - from, maps.channels(), maps.height(), maps.width()}, 'c');
    }
}
