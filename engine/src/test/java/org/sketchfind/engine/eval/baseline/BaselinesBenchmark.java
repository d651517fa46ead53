package org.sketchfind.engine.eval.baseline;

import org.sketchfind.engine.eval.Report;
import org.sketchfind.engine.model.ItqHasher;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Fit times at the size of the Sketchy seen split (100 classes × 25 sketches + 25 photos, 512-d features, 100-d class
 * vectors), on synthetic class-clustered features (the backbone is not run here), and the unseen-split evaluation
 * (25 classes, 625 queries × 625 photos), printed on stdout: {@code dsh} (DSH and ITQ fit times), {@code all}
 * (every baseline fitted and evaluated; the default) or both ({@code dsh all}).
 * Not a test (nothing to assert about speed): a benchmark program outside the test count. Run from the repository
 * root, as every engine benchmark (docs/architecture.md, "Benchmarks"):
 * <pre>
 * ./mvnw -B -q -o -pl engine -am test-compile
 * ./mvnw -B -q -o -pl engine dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.cp
 * java -Xmx3g -Dorg.bytedeco.javacpp.maxbytes=6G -cp engine/target/test-classes:engine/target/classes:$(cat engine/target/bench.cp) \
 *     org.sketchfind.engine.eval.baseline.BaselinesBenchmark [dsh] [all]
 * </pre>
 */
public final class BaselinesBenchmark {
    private BaselinesBenchmark() {
    }

    public static void main(String[] args) {
        List<String> what = args.length == 0 ? List.of("all") : List.of(args);
        if (what.contains("dsh")) {
            dshFit();
        }
        if (what.contains("all")) {
            sketchySizedFits();
        }
    }

    static FeatureSet synthetic(int classes, int perClass, int dims, long seed) {
        Random rnd = new Random(seed);
        List<String> names = new ArrayList<>();
        float[][] vectors = new float[classes][100];
        float[][] centres = new float[classes][dims];
        for (int c = 0; c < classes; c++) {
            names.add("class" + c + "_" + seed);
            for (int j = 0; j < 100; j++) {
                vectors[c][j] = (float) rnd.nextGaussian();
            }
            for (int j = 0; j < dims; j++) {
                centres[c][j] = (float) Math.abs(rnd.nextGaussian());
            }
        }
        float[][] sk = new float[classes * perClass][dims], ph = new float[classes * perClass][dims];
        int[] skl = new int[sk.length], phl = new int[ph.length];
        for (int i = 0; i < sk.length; i++) {
            int c = i / perClass;
            skl[i] = c;
            phl[i] = c;
            for (int j = 0; j < dims; j++) {
                sk[i][j] = Math.max(0, centres[c][j] + (float) (2 * rnd.nextGaussian()));
                ph[i][j] = Math.max(0, centres[c][j] + (float) (2 * rnd.nextGaussian()) + 0.3f);
            }
        }
        return new FeatureSet(names, vectors, sk, skl, ph, phl);
    }

    static void dshFit() {
        FeatureSet seen = synthetic(100, 25, 512, 1);
        TrainingFeatures train = TrainingFeatures.seenOnly(seen, List.of());
        DshBaseline dsh = new DshBaseline(64, 42);
        dsh.fit(train);
        System.out.printf(Locale.ROOT, "DSH 64 bits, %s: fit %.1f s; loss %.4f -> %.4f%n", dsh.config(),
                dsh.trainingSeconds(), dsh.history().get(0).total(), dsh.history().get(dsh.history().size() - 1)
                        .total());
        long t0 = System.nanoTime();
        ItqHasher.fit(train.pooled(), 64, ItqHasher.DEFAULT_ITERATIONS, 1);
        System.out.printf(Locale.ROOT, "ITQ 64 bits fit %.1f s%n", (System.nanoTime() - t0) / 1e9);
    }

    static void sketchySizedFits() {
        FeatureSet seen = synthetic(100, 25, 512, 1), unseen = synthetic(25, 25, 512, 2);
        System.out.printf(Locale.ROOT, "cores %d, load %.1f%n", Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        long t0 = System.nanoTime();
        List<Report> reports = Baselines.runAll(seen, unseen, new int[]{32, 64, 128},
                Baselines.Config.defaults(42).withLog(System.out::println));
        System.out.printf(Locale.ROOT, "runAll total %.1f s%n", (System.nanoTime() - t0) / 1e9);
        for (Report r : reports) {
            System.out.printf(Locale.ROOT, "%s %s: mAP %.4f, %.3f ms/query%n", r.model(), r.bits(), r.mapAll(),
                    r.msPerQuery());
        }
    }
}
