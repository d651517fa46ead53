package org.sketchfind.engine.model;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.Locale;

/**
 * Backbone forward time per image at batch 1 and batch 16 (the feature map every encoder reads), side by side in one
 * run: SqueezeNet 1.1 on the SameDiff graph it used to run on ({@link ReferenceSqueezeNet}), and SqueezeNet 1.1 and
 * MobileNetV2 on ONNX Runtime (what Sketchfind runs now), printed with the load average. Knobs:
 * {@code -Dbench.runs1=20 -Dbench.runs16=5} (before {@code -cp}).
 * Not a test (nothing to assert about speed): a benchmark program outside the test count. Run from the repository
 * root, as every engine benchmark (docs/architecture.md, "Benchmarks"):
 * <pre>
 * ./mvnw -B -q -o -pl engine -am test-compile
 * ./mvnw -B -q -o -pl engine dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.cp
 * java -Xmx3g -Dorg.bytedeco.javacpp.maxbytes=6G -cp engine/target/test-classes:engine/target/classes:$(cat engine/target/bench.cp) \
 *     org.sketchfind.engine.model.BackboneBenchmark
 * </pre>
 */
public final class BackboneBenchmark {
    private BackboneBenchmark() {
    }

    private interface Net {
        void forward(int n);
    }

    public static void main(String[] args) throws Exception {
        int runs1 = Integer.getInteger("bench.runs1", 20);
        int runs16 = Integer.getInteger("bench.runs16", 5);
        String[] names = {"SqueezeNet 1.1, SameDiff", "SqueezeNet 1.1, ONNX Runtime", "MobileNetV2, ONNX Runtime"};
        ReferenceSqueezeNet sd = ReferenceSqueezeNet.load(Backbones.directory(SqueezeNet11.NAME),
                ReferenceSqueezeNet.Engine.SAMEDIFF);
        Backbone sq = Backbones.shared(SqueezeNet11.NAME);
        Backbone mb = Backbones.shared(MobileNetV2.NAME);
        Nd4j.getRandom().setSeed(42);
        INDArray one = Nd4j.randn(DataType.FLOAT, 1, 3, 224, 224);
        INDArray sixteen = Nd4j.randn(DataType.FLOAT, 16, 3, 224, 224);
        float[] one32 = one.reshape(-1).toFloatVector();
        float[] sixteen32 = sixteen.reshape(-1).toFloatVector();
        Net[] nets = {
                n -> sd.featureMap(n == 1 ? one : sixteen),
                n -> sq.forward(n == 1 ? one32 : sixteen32, n),
                n -> mb.forward(n == 1 ? one32 : sixteen32, n)};
        String header = String.format(Locale.ROOT, "backbone benchmark: cores=%d, ONNX Runtime provider %s,"
                        + " load average at start=%.2f", Runtime.getRuntime().availableProcessors(), sq.provider(),
                loadAverage());
        for (Net net : nets) {                                  // warm-up: JIT, thread pools, arenas
            for (int i = 0; i < 3; i++) {
                net.forward(1);
            }
            net.forward(16);
        }
        // interleaved run by run, so a change in machine load hits all alike
        double[][] t1 = new double[nets.length][runs1];
        double[][] t16 = new double[nets.length][runs16];
        for (int i = 0; i < runs1; i++) {
            for (int e = 0; e < nets.length; e++) {
                long s = System.nanoTime();
                nets[e].forward(1);
                t1[e][i] = (System.nanoTime() - s) / 1e6;
            }
        }
        for (int i = 0; i < runs16; i++) {
            for (int e = 0; e < nets.length; e++) {
                long s = System.nanoTime();
                nets[e].forward(16);
                t16[e][i] = (System.nanoTime() - s) / 1e6 / 16;
            }
        }
        StringBuilder sb = new StringBuilder(header);
        for (int e = 0; e < nets.length; e++) {
            sb.append(String.format(Locale.ROOT,
                    "%n  %-30s batch 1 : median %7.1f ms/image (min %.1f, max %.1f, %d runs)"
                            + "%n  %-30s batch 16: median %7.1f ms/image (min %.1f, max %.1f, %d runs)",
                    names[e], median(t1[e]), min(t1[e]), max(t1[e]), runs1,
                    names[e], median(t16[e]), min(t16[e]), max(t16[e]), runs16));
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
