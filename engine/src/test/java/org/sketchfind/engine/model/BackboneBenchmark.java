package org.sketchfind.engine.model;

import org.deeplearning4j.nn.layers.mkldnn.BaseMKLDNNHelper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.Locale;

/**
 * Backbone forward time per image at batch 1 and batch 32 (feature map output, the part every encoder runs), for
 * both engines (SameDiff and ComputationGraph).
 * Not a test: prints figures. Run:
 * <pre>
 * ./mvnw -B -pl engine -am test -Pbench -Dtest=BackboneBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * ./mvnw -B -pl engine -am test -Pbench,onednn -Dtest=BackboneBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * (the second runs the oneDNN build of the CPU backend; the profile sets {@code -Djavacpp.platform.extension=-onednn}).
 * Output in {@code engine/target/surefire-reports/org.sketchfind.engine.model.BackboneBenchmark-output.txt}
 * and on the console. Knobs: {@code -Dbench.runs1=10 -Dbench.runs32=3}.
 */
@Tag("benchmark")
class BackboneBenchmark {

    @Test
    void forwardTimePerImage() throws Exception {
        int runs1 = Integer.getInteger("bench.runs1", 10);
        int runs32 = Integer.getInteger("bench.runs32", 3);
        String ext = System.getProperty("javacpp.platform.extension", "");
        SqueezeNet.Engine[] engines = SqueezeNet.Engine.values();
        SqueezeNet[] nets = new SqueezeNet[engines.length];
        for (int e = 0; e < engines.length; e++) {
            nets[e] = SqueezeNet.load(SqueezeNet.defaultDirectory(), engines[e]);
        }
        String header = String.format(Locale.ROOT,
                "backbone benchmark: build=%s, DL4J oneDNN layer helpers=%s, cores=%d, ND4J threads=%d, "
                        + "load average at start=%.2f",
                ext.isEmpty() ? "default (OpenBLAS)" : ext, BaseMKLDNNHelper.mklDnnEnabled(),
                Runtime.getRuntime().availableProcessors(), Nd4j.getEnvironment().maxThreads(), loadAverage());
        Nd4j.getRandom().setSeed(42);
        INDArray one = Nd4j.randn(DataType.FLOAT, 1, 3, 224, 224);
        INDArray batch = Nd4j.randn(DataType.FLOAT, 32, 3, 224, 224);
        // warm-up: JIT, native thread pools, workspaces
        for (SqueezeNet net : nets) {
            for (int i = 0; i < 3; i++) {
                net.featureMap(one);
            }
            net.featureMap(batch);
        }
        // engines interleaved run by run, so a change in machine load hits both alike
        double[][] t1 = new double[engines.length][runs1];
        double[][] t32 = new double[engines.length][runs32];
        for (int i = 0; i < runs1; i++) {
            for (int e = 0; e < engines.length; e++) {
                long s = System.nanoTime();
                nets[e].featureMap(one);
                t1[e][i] = (System.nanoTime() - s) / 1e6;
            }
        }
        for (int i = 0; i < runs32; i++) {
            for (int e = 0; e < engines.length; e++) {
                long s = System.nanoTime();
                nets[e].featureMap(batch);
                t32[e][i] = (System.nanoTime() - s) / 1e6 / 32;
            }
        }
        StringBuilder sb = new StringBuilder(header);
        for (int e = 0; e < engines.length; e++) {
            sb.append(String.format(Locale.ROOT,
                    "%n  %-17s batch 1 : median %7.1f ms/image (min %.1f, max %.1f, %d runs)"
                            + "%n  %-17s batch 32: median %7.1f ms/image (min %.1f, max %.1f, %d runs)",
                    engines[e], median(t1[e]), min(t1[e]), max(t1[e]), runs1,
                    engines[e], median(t32[e]), min(t32[e]), max(t32[e]), runs32));
        }
        sb.append(String.format(Locale.ROOT, "%n  load average at end=%.2f", loadAverage()));
        System.out.println(sb);
        System.err.println(sb);
    }

    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static double min(double[] v) {
        return Arrays.stream(v).min().orElse(Double.NaN);
    }

    private static double max(double[] v) {
        return Arrays.stream(v).max().orElse(Double.NaN);
    }
}
