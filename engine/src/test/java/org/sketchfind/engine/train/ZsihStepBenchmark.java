package org.sketchfind.engine.train;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.sketchfind.engine.features.ArrayFeatureMaps;
import org.sketchfind.engine.model.ZsihConfig;
import org.sketchfind.engine.model.ZsihGraph;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Time of one full-size training step (512×13×13 maps, Eq. 2 at 65,536-d, Eq. 3 at 1024, M = 64, Adam over all
 * parameters) at batch 32 and 250 on random non-negative feature maps, printed on stdout.
 * Not a test (nothing to assert about speed): a benchmark program outside the test count. Run from the repository
 * root, as every engine benchmark (docs/architecture.md, "Benchmarks"):
 * <pre>
 * ./mvnw -B -q -o -pl engine -am test-compile
 * ./mvnw -B -q -o -pl engine dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.cp
 * java -Xmx3g -Dorg.bytedeco.javacpp.maxbytes=6G -cp engine/target/test-classes:engine/target/classes:$(cat engine/target/bench.cp) \
 *     org.sketchfind.engine.train.ZsihStepBenchmark
 * </pre>
 */
public final class ZsihStepBenchmark {
    private ZsihStepBenchmark() {
    }

    public static void main(String[] args) {
        int classes = 100;
        for (int batch : new int[]{32, 250}) {
            ZsihConfig cfg = ZsihConfig.defaults().withBatchSize(batch);
            ZsihGraph graph = ZsihGraph.build(cfg, classes, DataType.FLOAT);
            AdamStep adam = new AdamStep(graph, cfg.learningRate());
            TrainingData data = randomData(cfg, batch, classes);
            List<PairSampler.Pair> pairs = new ArrayList<>();
            for (int i = 0; i < batch; i++) {
                pairs.add(new PairSampler.Pair(data.sketchClasses()[i], i, i));
            }
            com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            double[] secs = new double[4];
            double[] cpu = new double[4];
            Map<String, Double> losses = null;
            for (int it = 0; it < secs.length; it++) {
                Map<String, INDArray> feeds = Trainer.feeds(pairs, data, graph, it, null);
                long c0 = os.getProcessCpuTime();
                long t0 = System.nanoTime();
                losses = adam.run(feeds, it);
                secs[it] = (System.nanoTime() - t0) / 1e9;
                cpu[it] = (os.getProcessCpuTime() - c0) / 1e9;
            }
            // Breakdown: forward pass alone, then Adam alone on gradients of the parameters' shapes.
            Map<String, INDArray> feeds = Trainer.feeds(pairs, data, graph, 99, null);
            long c0 = os.getProcessCpuTime();
            graph.sameDiff().output(feeds, ZsihGraph.TOTAL);
            double fwdCpu = (os.getProcessCpuTime() - c0) / 1e9;
            Map<String, INDArray> fakeGrads = new java.util.LinkedHashMap<>();
            adam.params().forEach((k, v) -> fakeGrads.put(k, v.mul(1e-3)));
            c0 = os.getProcessCpuTime();
            for (Map.Entry<String, INDArray> e : fakeGrads.entrySet()) {
                org.nd4j.linalg.factory.Nd4j.exec(new org.nd4j.linalg.api.ops.impl.updaters.AdamUpdater(e.getValue(),
                        adam.adamV().get(e.getKey()), adam.adamM().get(e.getKey()), 1e-4, 0.9, 0.999, 1e-8, 5));
                adam.params().get(e.getKey()).subi(e.getValue());
            }
            double adamCpu = (os.getProcessCpuTime() - c0) / 1e9;
            System.out.printf(Locale.ROOT, "BENCH batch=%d breakdown: forward only %.2f CPU s, Adam update only %.2f"
                    + " CPU s%n", batch, fwdCpu, adamCpu);
            Runtime rt = Runtime.getRuntime();
            System.out.printf(Locale.ROOT, "BENCH batch=%d params=%,d step wall seconds (first is warm-up): %s;"
                            + " process CPU seconds per step: %s; load average %.1f; heap used %.0f MB; losses %s%n",
                    batch, graph.parameterCount(), java.util.Arrays.toString(secs), java.util.Arrays.toString(cpu),
                    os.getSystemLoadAverage(), (rt.totalMemory() - rt.freeMemory()) / 1e6, losses);
        }
    }

    static TrainingData randomData(ZsihConfig cfg, int n, int classes) {
        SplittableRandom r = new SplittableRandom(1);
        int len = cfg.featureChannels() * cfg.positions();
        float[][] sk = new float[n][len];
        float[][] ph = new float[n][len];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < len; j++) {
                sk[i][j] = (float) Math.max(0, r.nextGaussian());
                ph[i][j] = (float) Math.max(0, r.nextGaussian());
            }
        }
        int[] cls = new int[n];
        for (int i = 0; i < n; i++) {
            cls[i] = i % classes;
        }
        float[][] vec = new float[classes][cfg.semanticDim()];
        List<String> names = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            names.add("c" + c);
            for (int d = 0; d < vec[c].length; d++) {
                vec[c][d] = (float) (0.3 * r.nextGaussian());
            }
        }
        int[] all = java.util.stream.IntStream.range(0, n).toArray();
        return new TrainingData(new ArrayFeatureMaps(sk, cfg.featureChannels(), cfg.featureHeight(),
                cfg.featureWidth()), cls, new ArrayFeatureMaps(ph, cfg.featureChannels(), cfg.featureHeight(),
                cfg.featureWidth()), cls, names, vec, "random", all, all, new int[0], new int[0],
                List.of(), SketchyTestFeatures.TEST_BACKBONE);
    }
}
