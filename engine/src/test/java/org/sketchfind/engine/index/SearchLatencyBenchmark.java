package org.sketchfind.engine.index;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.sketchfind.engine.EngineFixtures;
import org.sketchfind.engine.PhotoCollection;
import org.sketchfind.engine.SearchResult;
import org.sketchfind.engine.Sketch;
import org.sketchfind.engine.Sketchfind;
import org.sketchfind.engine.TestData;
import org.sketchfind.engine.data.Drawing;
import org.sketchfind.engine.data.QuickDrawReader;
import org.sketchfind.engine.data.Rasterizer;
import org.sketchfind.engine.model.Backbone;
import org.sketchfind.engine.model.Backbones;
import org.sketchfind.engine.model.HashingModel;
import org.sketchfind.engine.model.HashingModels;
import org.sketchfind.engine.model.ImagePreprocessor;
import org.sketchfind.engine.model.ReferenceSqueezeNet;
import org.sketchfind.engine.model.SqueezeNet11;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * What a user waits for between lifting the pen and seeing results, per backbone, side by side in one run:
 * <ul>
 *   <li><b>sketch encode</b>: rasterise a Quick, Draw! doodle (src-test-data) + backbone + sketch encoder g;</li>
 *   <li><b>sketch to results</b>: the facade's {@link PhotoCollection#search} over a 10,000-photo catalogue (codes and
 *       outputs are random for the model's id, the query path is the real one: rasterise, encode, the default ranking's
 *       top-100 (real-valued for a ZSIH model), catalogue lookups of paths and thumbnails), and the same asked for the
 *       asymmetric ranking, alternating in one loop;</li>
 *   <li>for SqueezeNet 1.1 also the encode on the SameDiff graph it used to run on ({@link ReferenceSqueezeNet}).</li>
 * </ul>
 * Models: the shipped SqueezeNet model {@code models/zsih-sketchy-64-semantic.zip} and the MobileNetV2 model named by
 * {@code -Dbench.mobilenetModel=FILE} (default: the shipped default when it is a MobileNetV2 model); runs per
 * figure {@code -Dbench.runs=40}. Prints median and 90th percentile with the load average. Not a test (nothing to
 * assert about speed): a benchmark program outside the test count, run as docs/architecture.md, "Benchmarks", says,
 * with {@code CLASS} = {@code org.sketchfind.engine.index.SearchLatencyBenchmark}.
 */
public final class SearchLatencyBenchmark {
    private static final int PHOTOS = 10_000;

    private SearchLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path tmp = Files.createTempDirectory("sketchfind-search-latency");
        int runs = Integer.getInteger("bench.runs", 40);
        Drawing doodle = QuickDrawReader.read(TestData.path("quickdraw", "simplified", "cat.ndjson")).items().get(0)
                .drawing();
        List<Path> models = new ArrayList<>(List.of(TestData.repoRoot().resolve("models/zsih-sketchy-64-semantic.zip")));
        String mobile = System.getProperty("bench.mobilenetModel");
        Path mobileModel = mobile != null ? Path.of(mobile) : HashingModels.defaultModelFile();
        if (HashingModels.load(mobileModel).backbone().name().equals(Backbones.NAMES.get(1))) {
            models.add(mobileModel);
        }
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "search latency benchmark: cores=%d, %d-photo"
                + " catalogue, %d runs each, load average at start %.2f", Runtime.getRuntime().availableProcessors(),
                PHOTOS, runs, load()));
        ReferenceSqueezeNet sameDiff = ReferenceSqueezeNet.load(Backbones.directory(SqueezeNet11.NAME),
                ReferenceSqueezeNet.Engine.SAMEDIFF);
        for (Path file : models) {
            Sketchfind engine = new Sketchfind(file);
            HashingModel m = HashingModels.load(file); // for the SameDiff reference encode only
            Backbone b = m.backbone();
            Path dataDir = tmp.resolve(b.name());
            fill(dataDir, m.id(), m.bits());
            Sketch sketch = sketchOf(doodle);
            try (engine; PhotoCollection collection = engine.openCollection(dataDir)) {
                double[] encode = new double[runs];
                double[] total = new double[runs];
                double[] reference = new double[runs];
                double[] asym = new double[runs];
                String ranking = "";
                for (int i = -5; i < runs; i++) {                 // 5 warm-up rounds
                    long t0 = System.nanoTime();
                    engine.encode(Rasterizer.defaults().renderRgb(doodle), true);
                    long t1 = System.nanoTime();
                    SearchResult r = collection.search(sketch, 100);
                    long t2 = System.nanoTime();
                    if (r.hits().size() != 100 || r.searched() != PHOTOS) {
                        throw new IllegalStateException("expected 100 hits of " + PHOTOS + ": " + r.hits().size());
                    }
                    ranking = r.ranking().label();
                    long ta = System.nanoTime();
                    collection.search(sketch, 100, 0, org.sketchfind.engine.SearchRanking.ASYMMETRIC);
                    double asymMillis = (System.nanoTime() - ta) / 1e6;
                    long t3 = t2;
                    long t4 = t2;
                    if (b.name().equals(SqueezeNet11.NAME)) {
                        t3 = System.nanoTime();
                        BufferedImage img = Rasterizer.defaults().renderRgb(doodle);
                        INDArray maps = sameDiff.featureMap(ImagePreprocessor.batch(List.of(img),
                                ImagePreprocessor.Mode.SKETCH));
                        m.encodeSketchMaps(maps);
                        t4 = System.nanoTime();
                    }
                    if (i >= 0) {
                        encode[i] = (t1 - t0) / 1e6;
                        total[i] = (t2 - t1) / 1e6;
                        reference[i] = (t4 - t3) / 1e6;
                        asym[i] = asymMillis;
                    }
                }
                sb.append(String.format(Locale.ROOT, "%n  %-16s sketch encode (ONNX Runtime): p50 %6.1f ms, p90 %6.1f"
                                + " ms%n  %-16s sketch to results via the facade (%s ranking): p50 %6.1f ms, p90 %6.1f ms"
                                + "%n  %-16s the same, asymmetric ranking: p50 %6.1f ms, p90 %6.1f ms",
                        b.displayName(), pct(encode, 50), pct(encode, 90), b.displayName(), ranking, pct(total, 50),
                        pct(total, 90), b.displayName(), pct(asym, 50), pct(asym, 90)));
                if (b.name().equals(SqueezeNet11.NAME)) {
                    sb.append(String.format(Locale.ROOT, "%n  %-16s sketch encode (SameDiff, before): p50 %6.1f ms,"
                            + " p90 %6.1f ms", b.displayName(), pct(reference, 50), pct(reference, 90)));
                }
            }
        }
        sb.append(String.format(Locale.ROOT, "%n  load average at end %.2f", load()));
        System.out.println(sb);
        System.err.println(sb);
        EngineFixtures.deleteTree(tmp);
    }

    private static Sketch sketchOf(Drawing d) {
        List<Sketch.Stroke> strokes = new ArrayList<>();
        for (org.sketchfind.engine.data.Stroke s : d.strokes()) {
            strokes.add(new Sketch.Stroke(s.xs(), s.ys()));
        }
        return new Sketch(strokes);
    }

    /**
     * A catalogue of {@value #PHOTOS} photos with random codes for {@code modelId}, and random outputs of the codes'
     * signs (paths need not exist).
     */
    private static void fill(Path dataDir, String modelId, int bits) throws Exception {
        Path folder = Files.createDirectories(dataDir.resolve("photos"));
        try (Catalogue c = Catalogue.open(dataDir)) {
            long folderId = c.addFolder(folder).id();
            Random r = new Random(1);
            List<Catalogue.Write> batch = new ArrayList<>();
            for (int i = 0; i < PHOTOS; i++) {
                long[] code = RandomCodes.random(r, bits);
                byte[] outputs = new byte[bits];
                for (int k = 0; k < bits; k++) {
                    int v = 1 + r.nextInt(127);
                    outputs[k] = (byte) (org.sketchfind.engine.code.Codes.bit(code, k) ? v : -v);
                }
                batch.add(new Catalogue.Upsert(folder.resolve("p" + i + ".jpg"), folderId, 1000 + i, 0,
                        String.format(Locale.ROOT, "%064x", i), 256, 256, 1, Instant.EPOCH, null, modelId, bits,
                        code, outputs));
            }
            c.writeBatch(batch);
        }
    }

    private static double pct(double[] v, int p) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, (int) Math.floor(p / 100.0 * s.length))];
    }

    private static double load() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
