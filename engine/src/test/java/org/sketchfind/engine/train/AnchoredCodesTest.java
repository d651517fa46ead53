package org.sketchfind.engine.train;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.sketchfind.engine.eval.Evaluation;
import org.sketchfind.engine.features.ArrayFeatureMaps;
import org.sketchfind.engine.features.FeatureMaps;
import org.sketchfind.engine.job.CancellationToken;
import org.sketchfind.engine.model.AnchoredEncoders;
import org.sketchfind.engine.model.AttentionPooling;
import org.sketchfind.engine.model.ModelFile;
import org.sketchfind.engine.model.ZsihConfig;
import org.sketchfind.engine.model.ZsihEncoders;
import org.sketchfind.engine.model.ZsihGraph;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The anchored codes ({@link AnchoredEncoders}) on the real src-test-data subset: the closed-form solution is written
 * into the encoders exactly, the sketch encoder solves the ridge regression it is documented to solve, and a run
 * with the anchor term reports the closed form's validation mAP, trains, and resumes onto the same targets.
 */
class AnchoredCodesTest {
    static TrainingData data;
    static final ZsihConfig CFG = TrainerTest.CFG.withBits(4).withWidths(8, 12, 8, 32).withAnchorWeight(50);

    @BeforeAll
    static void load() throws Exception {
        data = SketchyTestFeatures.load(1);
    }

    private static Map<String, INDArray> initialised() {
        ZsihGraph graph = ZsihGraph.build(CFG, data.classNames().size(), DataType.DOUBLE);
        Map<String, INDArray> params = new LinkedHashMap<>();
        for (String name : ModelFile.expectedTensors(CFG).keySet()) {
            params.put(name, graph.sameDiff().getVariable(name).getArr().dup());
        }
        AnchoredEncoders.initialise(params, CFG, pooled(data.photoMaps(), data.trainPhotos()),
                classes(data.photoClasses(), data.trainPhotos()), pooled(data.sketchMaps(), data.trainSketches()),
                classes(data.sketchClasses(), data.trainSketches()));
        return params;
    }

    /**
     * f(x) = σ(z(x)/s) with z affine in the pooled feature, centred and of unit deviation over the training photos;
     * g(y)'s logits solve the ridge normal equations (XᵀX + λI)U_s = Xᵀ Y U_p, Y the class means of the photos. A
     * check of the algebra, so on random maps of full rank (like the gradient checks), 60 photos and 60 sketches of
     * 3 classes with 6 channels.
     */
    @Test
    void encodersComputeTheClosedFormExactly() {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(7);
        int n = 60;
        float[][] pm = new float[n][6 * 4];
        float[][] sm = new float[n][6 * 4];
        int[] cls = new int[n];
        for (int i = 0; i < n; i++) {
            cls[i] = i % 3;
            for (int j = 0; j < pm[i].length; j++) {
                pm[i][j] = (float) (rnd.nextDouble() + (j % 6 == cls[i] ? 1 : 0));
                sm[i][j] = (float) (rnd.nextDouble() + (j % 6 == cls[i] + 3 ? 0.5 : 0));
            }
        }
        TrainingData data = new TrainingData(new ArrayFeatureMaps(sm, 6, 2, 2), cls, new ArrayFeatureMaps(pm, 6, 2, 2),
                cls, List.of("a", "b", "c"), new float[][]{{1, 0}, {0, 1}, {1, 1}}, "random",
                java.util.stream.IntStream.range(0, n).toArray(), java.util.stream.IntStream.range(0, n).toArray(),
                new int[0], new int[0], List.of(), SketchyTestFeatures.TEST_BACKBONE);
        ZsihConfig cfg = CFG.withFeatureShape(6, 2, 2).withSemanticDim(2);
        ZsihGraph graph = ZsihGraph.build(cfg, 3, DataType.DOUBLE);
        Map<String, INDArray> params = new LinkedHashMap<>();
        for (String name : ModelFile.expectedTensors(cfg).keySet()) {
            params.put(name, graph.sameDiff().getVariable(name).getArr().dup());
        }
        AnchoredEncoders.initialise(params, cfg, pooled(data.photoMaps(), data.trainPhotos()),
                classes(data.photoClasses(), data.trainPhotos()), pooled(data.sketchMaps(), data.trainSketches()),
                classes(data.sketchClasses(), data.trainSketches()));
        ZsihEncoders enc = ZsihEncoders.fromWeights(cfg, params);
        int m = cfg.bits();
        double[][] phi = toDouble(pooled(data.photoMaps(), data.trainPhotos()));
        double[][] logits = logit(enc.imageOutputs(maps(data.photoMaps(), data.trainPhotos())));
        for (int k = 0; k < m; k++) {
            double mean = 0;
            double sq = 0;
            for (double[] l : logits) {
                mean += l[k] / logits.length;
            }
            for (double[] l : logits) {
                sq += (l[k] - mean) * (l[k] - mean);
            }
            assertEquals(0.0, mean, 1e-3, "bit " + k + " centred on the training photos");
            assertEquals(1.0, Math.sqrt(sq / (logits.length - 1)), 2e-2, "bit " + k + " of unit deviation");
        }
        INDArray photoProj = leastSquares(phi, logits);                   // U_p / s, plus the offset row
        assertEquals(0.0, residual(phi, logits, photoProj), 1e-3, "photo logits affine in the pooled feature");

        double[][] psi = toDouble(pooled(data.sketchMaps(), data.trainSketches()));
        double[][] sketchLogits = logit(enc.sketchOutputs(maps(data.sketchMaps(), data.trainSketches())));
        INDArray sketchProj = leastSquares(psi, sketchLogits);
        assertEquals(0.0, residual(psi, sketchLogits, sketchProj), 1e-3, "sketch logits affine too");

        // the normal equations, in logit units (both sides divided by the same s)
        int c = cfg.featureChannels();
        INDArray xs = Nd4j.create(psi);
        INDArray xsc = xs.subRowVector(xs.mean(0));
        INDArray xp = Nd4j.create(phi);
        INDArray xpc = xp.subRowVector(xp.mean(0));
        int[] pc = classes(data.photoClasses(), data.trainPhotos());
        int[] sc = classes(data.sketchClasses(), data.trainSketches());
        INDArray y = Nd4j.zeros(DataType.DOUBLE, sc.length, c);
        for (int i = 0; i < sc.length; i++) {
            int count = 0;
            for (int j = 0; j < pc.length; j++) {
                if (pc[j] == sc[i]) {
                    y.getRow(i).addi(xpc.getRow(j));
                    count++;
                }
            }
            y.getRow(i).divi(count);
        }
        INDArray gram = xsc.transpose().mmul(xsc);
        double trace = 0;
        for (int a = 0; a < c; a++) {
            trace += gram.getDouble(a, a);
        }
        INDArray us = sketchProj.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, c),
                org.nd4j.linalg.indexing.NDArrayIndex.all());
        INDArray up = photoProj.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, c),
                org.nd4j.linalg.indexing.NDArrayIndex.all());
        INDArray lhs = gram.add(Nd4j.eye(c).castTo(DataType.DOUBLE).mul(AnchoredEncoders.RIDGE_WEIGHT * trace / c))
                .mmul(us);
        INDArray rhs = xsc.transpose().mmul(y).mmul(up);
        double scale = rhs.norm2Number().doubleValue();
        assertEquals(0.0, lhs.sub(rhs).norm2Number().doubleValue() / scale, 1e-3, "ridge normal equations");
    }

    /**
     * On real MobileNetV2 features of the src-test-data photos and sketches of the 8 seen classes: photo codes of one
     * class are closer to each other than to other classes' photos, and a sketch's code ranks the photos of its own
     * class first far more often than chance (in-sample: the closed form is fitted on these items).
     */
    @Test
    void realPhotoCodesKeepClassesTogetherAndSketchesFindTheirClass() throws Exception {
        org.sketchfind.engine.model.FeatureExtractor fx =
                org.sketchfind.engine.model.FeatureExtractor.of(org.sketchfind.engine.model.MobileNetV2.NAME);
        org.sketchfind.engine.model.Backbone b = fx.backbone();
        java.util.List<String> seen = data.classNames();
        java.util.List<float[]> photoMaps = new java.util.ArrayList<>();
        java.util.List<float[]> sketchMaps = new java.util.ArrayList<>();
        java.util.List<Integer> pc = new java.util.ArrayList<>();
        java.util.List<Integer> sc = new java.util.ArrayList<>();
        for (int c = 0; c < seen.size(); c++) {
            for (String modality : List.of("photo", "sketch")) {
                java.util.List<java.awt.image.BufferedImage> images = new java.util.ArrayList<>();
                try (var files = Files.list(org.sketchfind.engine.TestData.path("sketchy", modality, seen.get(c)))) {
                    for (Path p : files.sorted().toList()) {
                        images.add(javax.imageio.ImageIO.read(p.toFile()));
                    }
                }
                boolean photo = modality.equals("photo");
                float[] maps = fx.featureMapArray(images, photo ? org.sketchfind.engine.model.ImagePreprocessor.Mode.PHOTO
                        : org.sketchfind.engine.model.ImagePreprocessor.Mode.SKETCH);
                for (int i = 0; i < images.size(); i++) {
                    float[] one = Arrays.copyOfRange(maps, i * b.mapSize(), (i + 1) * b.mapSize());
                    (photo ? photoMaps : sketchMaps).add(one);
                    (photo ? pc : sc).add(c);
                }
            }
        }
        ZsihConfig cfg = CFG.withWidths(8, 32, 8, 32).withBits(16).withFeatureShape(b.channels(), b.height(), b.width());
        ArrayFeatureMaps pm = new ArrayFeatureMaps(photoMaps.toArray(new float[0][]), b.channels(), b.height(), b.width());
        ArrayFeatureMaps sm = new ArrayFeatureMaps(sketchMaps.toArray(new float[0][]), b.channels(), b.height(), b.width());
        int[] pcs = pc.stream().mapToInt(Integer::intValue).toArray();
        int[] scs = sc.stream().mapToInt(Integer::intValue).toArray();
        int[] allP = java.util.stream.IntStream.range(0, pcs.length).toArray();
        int[] allS = java.util.stream.IntStream.range(0, scs.length).toArray();
        ZsihGraph graph = ZsihGraph.build(cfg, seen.size(), DataType.FLOAT);
        Map<String, INDArray> params = new LinkedHashMap<>();
        for (String name : ModelFile.expectedTensors(cfg).keySet()) {
            params.put(name, graph.sameDiff().getVariable(name).getArr().dup());
        }
        AnchoredEncoders.initialise(params, cfg, pooled(pm, allP), pcs, pooled(sm, allS), scs);
        ZsihEncoders enc = ZsihEncoders.fromWeights(cfg, params);
        long[][] photoCodes = enc.imageCodes(maps(pm, allP).castTo(DataType.FLOAT));
        long[][] sketchCodes = enc.sketchCodes(maps(sm, allS).castTo(DataType.FLOAT));
        double same = 0;
        double other = 0;
        int ns = 0;
        int no = 0;
        for (int i = 0; i < photoCodes.length; i++) {
            for (int j = i + 1; j < photoCodes.length; j++) {
                int d = Long.bitCount(photoCodes[i][0] ^ photoCodes[j][0]);
                if (pcs[i] == pcs[j]) {
                    same += d;
                    ns++;
                } else {
                    other += d;
                    no++;
                }
            }
        }
        assertTrue(same / ns < 0.6 * (other / no), "mean Hamming distance within classes " + same / ns
                + ", across classes " + other / no);
        double map = Evaluation.hammingMap(sketchCodes, scs, photoCodes, pcs, cfg.bits());
        System.out.printf("anchored codes on src-test-data (in-sample, 8 classes): sketch→photo mAP %.3f%n", map);
        assertTrue(map > 0.5, "sketches should find the photos of their class (chance ≈ 0.14): " + map);
    }

    @Test
    void refusedWhenTheEncoderFeatureCannotHoldThePairs() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CFG.withWidths(8, 7, 8, 32));
        assertTrue(e.getMessage().contains("2M"), e.getMessage());
    }

    /**
     * A run with the anchor term reports the closed form's validation mAP before its first step, logs the two anchor
     * terms, and a run resumed from a checkpoint continues with the same targets (same loss sequence).
     */
    @Test
    void trainsFromTheAnchorAndResumesOntoTheSameTargets(@TempDir Path tmp) throws Exception {
        ZsihConfig cfg = CFG;
        TrainerTest.Recorder full = new TrainerTest.Recorder();
        new Trainer().train(data, cfg, RunOptions.epochs(2).withCheckpointEvery(3), tmp.resolve("full"), full,
                CancellationToken.none());
        double initial = full.start.initialValidationMap();
        assertTrue(initial > 0 && initial <= 1, "closed-form validation mAP reported: " + initial);
        ZsihEncoders closedForm = ZsihEncoders.fromWeights(cfg, initialisedFloat(cfg));
        assertEquals(Trainer.validationMap(closedForm, initialisedFloat(cfg), data), initial, 1e-9);
        List<String> header = Arrays.asList(Files.readAllLines(tmp.resolve("full/losses.csv")).get(0).split(","));
        assertTrue(header.contains(ZsihGraph.IMAGE_ANCHOR) && header.contains(ZsihGraph.SKETCH_ANCHOR), header.toString());

        TrainerTest.Recorder first = new TrainerTest.Recorder();
        first.cancelAt = new CancellationToken();
        first.cancelStep = 3;
        new Trainer().train(data, cfg, RunOptions.epochs(2).withCheckpointEvery(3), tmp.resolve("split"), first,
                first.cancelAt);
        TrainerTest.Recorder rest = new TrainerTest.Recorder();
        new Trainer().train(data, cfg, RunOptions.epochs(2).withCheckpointEvery(3).withResume(true),
                tmp.resolve("split"), rest, CancellationToken.none());
        assertTrue(Double.isNaN(rest.start.initialValidationMap()), "a resumed run does not re-report it");
        assertEquals(full.steps.get(full.steps.size() - 1).losses().get(ZsihGraph.SKETCH_ANCHOR),
                rest.steps.get(rest.steps.size() - 1).losses().get(ZsihGraph.SKETCH_ANCHOR), 1e-5);
    }

    /** Zero epochs write the closed-form codes themselves as a model: its validation mAP is the one reported at start. */
    @Test
    void zeroEpochsGiveTheClosedFormAsAModel(@TempDir Path tmp) throws Exception {
        TrainerTest.Recorder rec = new TrainerTest.Recorder();
        TrainingResult r = new Trainer().train(data, CFG, RunOptions.epochs(0), tmp, rec, CancellationToken.none());
        assertEquals(TrainingResult.Status.COMPLETED, r.status());
        assertEquals(0, r.steps());
        ZsihEncoders written = ZsihEncoders.load(r.modelFile());
        Map<String, INDArray> closedForm = initialisedFloat(CFG);
        ZsihEncoders expected = ZsihEncoders.fromWeights(CFG, closedForm);
        INDArray maps = maps(data.photoMaps(), data.trainPhotos()).castTo(DataType.FLOAT);
        assertArrayEquals(expected.imageCodes(maps), written.imageCodes(maps));
        assertEquals(rec.start.initialValidationMap(),
                ModelFile.read(r.modelFile()).manifest().metrics().get("validation_map_seen"), 1e-9);
    }

    private static Map<String, INDArray> initialisedFloat(ZsihConfig cfg) {
        ZsihGraph graph = ZsihGraph.build(cfg, data.classNames().size(), DataType.FLOAT);
        Map<String, INDArray> params = new LinkedHashMap<>();
        for (String name : graph.parameterNames()) {
            params.put(name, graph.sameDiff().getVariable(name).getArr().dup());
        }
        AnchorTargets.fit(data, cfg, params, true);
        return params;
    }

    static float[][] pooled(FeatureMaps maps, int[] items) {
        float[][] out = new float[items.length][];
        float[] buf = new float[maps.mapLength()];
        for (int i = 0; i < items.length; i++) {
            maps.copyTo(items[i], buf, 0);
            out[i] = AttentionPooling.uniformPooled(buf, maps.channels(), maps.height() * maps.width());
        }
        return out;
    }

    static int[] classes(int[] classOf, int[] items) {
        return Arrays.stream(items).map(i -> classOf[i]).toArray();
    }

    private static INDArray maps(FeatureMaps maps, int[] items) {
        int len = maps.mapLength();
        float[] buf = new float[items.length * len];
        for (int i = 0; i < items.length; i++) {
            maps.copyTo(items[i], buf, i * len);
        }
        return Nd4j.create(buf, new long[]{items.length, maps.channels(), maps.height(), maps.width()}, 'c')
                .castTo(DataType.DOUBLE);
    }

    private static double[][] logit(INDArray p) {
        double[][] v = p.castTo(DataType.DOUBLE).toDoubleMatrix();
        for (double[] row : v) {
            for (int k = 0; k < row.length; k++) {
                row[k] = Math.log(row[k] / (1 - row[k]));
            }
        }
        return v;
    }

    /** [x, 1] B ≈ y by least squares; B is (C + 1) × M. */
    private static INDArray leastSquares(double[][] x, double[][] y) {
        INDArray a = Nd4j.hstack(Nd4j.create(x), Nd4j.ones(DataType.DOUBLE, x.length, 1));
        return solve(a.transpose().mmul(a).toDoubleMatrix(), a.transpose().mmul(Nd4j.create(y)).toDoubleMatrix());
    }

    /** A X = B by Gaussian elimination with partial pivoting (A square, well conditioned). */
    private static INDArray solve(double[][] a, double[][] b) {
        int n = a.length;
        int m = b[0].length;
        for (int col = 0; col < n; col++) {
            int piv = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[piv][col])) {
                    piv = r;
                }
            }
            double[] t = a[col];
            a[col] = a[piv];
            a[piv] = t;
            t = b[col];
            b[col] = b[piv];
            b[piv] = t;
            for (int r = 0; r < n; r++) {
                if (r != col) {
                    double f = a[r][col] / a[col][col];
                    for (int k = col; k < n; k++) {
                        a[r][k] -= f * a[col][k];
                    }
                    for (int k = 0; k < m; k++) {
                        b[r][k] -= f * b[col][k];
                    }
                }
            }
        }
        for (int r = 0; r < n; r++) {
            for (int k = 0; k < m; k++) {
                b[r][k] /= a[r][r];
            }
        }
        return Nd4j.create(b);
    }

    private static double residual(double[][] x, double[][] y, INDArray b) {
        INDArray a = Nd4j.hstack(Nd4j.create(x), Nd4j.ones(DataType.DOUBLE, x.length, 1));
        return a.mmul(b).sub(Nd4j.create(y)).amaxNumber().doubleValue();
    }

    private static double[][] toDouble(float[][] rows) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = new double[rows[i].length];
            for (int j = 0; j < rows[i].length; j++) {
                out[i][j] = rows[i][j];
            }
        }
        return out;
    }
}
