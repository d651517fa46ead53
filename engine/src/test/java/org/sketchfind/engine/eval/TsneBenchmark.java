package org.sketchfind.engine.eval;

import java.util.Locale;

/**
 * The t-SNE figure of the issue that asked for it: 2,000 points of 25 Gaussian clusters in 64 and 512 dimensions,
 * default settings (1000 iterations): time, final KL and trustworthiness (k = 12), printed on stdout.
 * Not a test (nothing to assert about speed): a benchmark program outside the test count. Run from the repository
 * root, as every engine benchmark (docs/architecture.md, "Benchmarks"):
 * <pre>
 * ./mvnw -B -q -o -pl engine -am test-compile
 * ./mvnw -B -q -o -pl engine dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.cp
 * java -Xmx3g -Dorg.bytedeco.javacpp.maxbytes=6G -cp engine/target/test-classes:engine/target/classes:$(cat engine/target/bench.cp) \
 *     org.sketchfind.engine.eval.TsneBenchmark
 * </pre>
 */
public final class TsneBenchmark {
    private TsneBenchmark() {
    }

    public static void main(String[] args) {
        for (int dims : new int[]{64, 512}) {
            int[] labels = new int[2000];
            double[][] x = BarnesHutTsneTest.gaussianClusters(2000, dims, 25, 3, 17, labels);
            long t0 = System.nanoTime();
            BarnesHutTsne.Result r = BarnesHutTsne.embed(x, BarnesHutTsne.Config.defaults());
            double s = (System.nanoTime() - t0) / 1e9;
            double trust = Trustworthiness.of(x, r.embedding(), 12);
            System.out.printf(Locale.ROOT, "BENCH t-SNE N=2000 D=%d threads=%d iterations=1000: %.2f s, final KL %.4f,"
                            + " trustworthiness(k=12) %.4f%n", dims, Runtime.getRuntime().availableProcessors(), s,
                    r.finalKl(), trust);
        }
    }
}
