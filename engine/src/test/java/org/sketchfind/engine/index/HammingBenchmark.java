package org.sketchfind.engine.index;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.sketchfind.engine.code.Codes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;

/**
 * JMH benchmark of top-100 Hamming search (exhaustive on 1 and 2 threads, multi-index hashing) and of the memory
 * bandwidth that bounds it, with a summary table that puts each figure beside this machine's physical floor.
 * Not part of the test suite. Run (from the repository root; see docs/hamming-benchmark.md):
 * <pre>
 * ./mvnw -B -q -o -pl engine -am test-compile
 * ./mvnw -B -q -o -pl engine dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.cp
 * java -Xmx1g -cp engine/target/test-classes:engine/target/classes:$(cat engine/target/bench.cp) \
 *     org.sketchfind.engine.index.HammingBenchmark [all|key]
 * </pre>
 * {@code key} runs only 1M × 64-bit codes (and the bandwidth probe); {@code all} (default) the full grid;
 * {@code mih-sweep N BITS M1,M2,..} compares MIH substring counts (0 = default) with the one-thread scan.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
public class HammingBenchmark {
    static final int K = 100;
    /** Integer ALU operations per 64-bit word of a code in the scan: XOR, POPCNT, add or compare-and-branch. */
    static final double ALU_OPS_PER_WORD = 3;
    /** Integer ALU pipes per core (AMD Zen 2/3/4: 4). */
    static final double ALUS = 4;

    /** Top-100 queries against N codes. */
    @State(Scope.Benchmark)
    public static class Search {
        @Param({"1000000"})
        public int n;
        @Param({"64"})
        public int bits;
        /** exhaustive-1, exhaustive-2 (threads) or mih. */
        @Param({"exhaustive-1"})
        public String searcher;
        /** uniform: random codes and queries; clustered: N/100 centres, bits flipped with p = 0.1, queries p = 0.15. */
        @Param({"uniform"})
        public String data;
        /** MIH substrings; 0 = {@link MultiIndexHashing#recommendedSubstrings}. */
        @Param({"0"})
        public int m;

        HammingSearcher index;
        long[][] queries;
        int next;

        @Setup(Level.Trial)
        public void setUp() {
            SplittableRandom r = new SplittableRandom(42);
            PackedCodes codes = new PackedCodes(bits, n);
            long[][] centres = data.equals("clustered") ? new long[Math.max(1, n / 100)][] : null;
            if (centres != null) {
                for (int c = 0; c < centres.length; c++) {
                    centres[c] = randomCode(r, bits);
                }
            } else if (!data.equals("uniform")) {
                throw new IllegalArgumentException("data: uniform or clustered, not " + data);
            }
            for (int i = 0; i < n; i++) {
                long[] c = centres == null ? randomCode(r, bits) : flip(r, centres[r.nextInt(centres.length)], bits, 0.1);
                codes.append(i, c);
            }
            queries = new long[256][];
            for (int q = 0; q < queries.length; q++) {
                queries[q] = centres == null ? randomCode(r, bits)
                        : flip(r, centres[r.nextInt(centres.length)], bits, 0.15);
            }
            index = switch (searcher) {
                case "exhaustive-1" -> new HammingIndex(codes, 1);
                case "exhaustive-2" -> new HammingIndex(codes, 2);
                case "mih" -> m == 0 ? new MultiIndexHashing(codes) : new MultiIndexHashing(codes, m);
                default -> throw new IllegalArgumentException("searcher: exhaustive-1, exhaustive-2 or mih");
            };
        }

        static long[] randomCode(SplittableRandom r, int bits) {
            long[] c = new long[Codes.words(bits)];
            for (int w = 0; w < c.length; w++) {
                c[w] = r.nextLong();
            }
            if ((bits & 63) != 0) {
                c[c.length - 1] &= (1L << (bits & 63)) - 1;
            }
            return c;
        }

        static long[] flip(SplittableRandom r, long[] centre, int bits, double p) {
            long[] c = centre.clone();
            for (int i = 0; i < bits; i++) {
                if (r.nextDouble() < p) {
                    c[i >>> 6] ^= 1L << (i & 63);
                }
            }
            return c;
        }
    }

    @Benchmark
    public List<Hit> top100(Search s) {
        long[] q = s.queries[s.next++ & 255];
        return s.index.nearest(q, K);
    }

    /** Sequential sum over a long[] (the streaming read bandwidth), on 1 or 2 threads. */
    @State(Scope.Benchmark)
    public static class Stream {
        /** Array size in MiB: 8 (fits the L3 cache) or 256 (main memory). */
        @Param({"256"})
        public int mib;
        @Param({"1"})
        public int threads;
        long[] array;

        @Setup(Level.Trial)
        public void setUp() {
            array = new long[mib << 17];
            SplittableRandom r = new SplittableRandom(1);
            for (int i = 0; i < array.length; i++) {
                array[i] = r.nextLong();
            }
        }
    }

    @Benchmark
    public long streamSum(Stream s) {
        long[] a = s.array;
        if (s.threads == 1) {
            return sum(a, 0, a.length);
        }
        int half = a.length / 2;
        CompletableFuture<Long> other = CompletableFuture.supplyAsync(() -> sum(a, half, a.length),
                ForkJoinPool.commonPool());
        return sum(a, 0, half) + other.join();
    }

    static long sum(long[] a, int from, int to) {
        long s = 0;
        for (int i = from; i < to; i++) {
            s += a[i];
        }
        return s;
    }

    // ------------------------------------------------------------------------------------------------ runner

    public static void main(String[] args) throws RunnerException {
        String mode = args.length > 0 ? args[0] : "all";
        if (mode.equals("mih-sweep")) {
            mihSweep(args);
            return;
        }
        if (!mode.equals("all") && !mode.equals("key")) {
            System.err.println("usage: HammingBenchmark [all|key|mih-sweep N BITS M1,M2,...]");
            System.exit(2);
        }
        boolean key = mode.equals("key");
        long t0 = System.nanoTime();
        List<RunResult> results = new ArrayList<>();
        results.addAll(run(opts("streamSum").param("mib", "8", "256").param("threads", "1", "2")));
        String[] ns = key ? new String[]{"1000000"} : new String[]{"10000", "100000", "1000000", "10000000"};
        results.addAll(run(opts("top100").param("bits", "64").param("n", ns)
                .param("searcher", "exhaustive-1", "exhaustive-2", "mih").param("data", "uniform")));
        if (!key) {
            results.addAll(run(opts("top100").param("bits", "128").param("n", "1000000")
                    .param("searcher", "exhaustive-1", "exhaustive-2", "mih").param("data", "uniform")));
            results.addAll(run(opts("top100").param("bits", "128").param("n", "10000000")
                    .param("searcher", "exhaustive-1", "exhaustive-2").param("data", "uniform")));
            results.addAll(run(opts("top100").param("bits", "64").param("n", "1000000", "10000000")
                    .param("searcher", "exhaustive-1", "mih").param("data", "clustered")));
        }
        // Thread CPU time of the single-threaded searchers, in this JVM (no fork): immune to time-sharing.
        List<String[]> cpu = new ArrayList<>();
        String[][] cpuCases = key
                ? new String[][]{{"1000000", "64", "uniform"}, {"1000000", "64", "clustered"}}
                : new String[][]{{"10000", "64", "uniform"}, {"100000", "64", "uniform"}, {"1000000", "64", "uniform"},
                        {"10000000", "64", "uniform"}, {"1000000", "128", "uniform"}, {"1000000", "64", "clustered"},
                        {"10000000", "64", "clustered"}};
        for (String[] c : cpuCases) {
            for (String searcher : new String[]{"exhaustive-1", "mih"}) {
                Search s = new Search();
                s.n = Integer.parseInt(c[0]);
                s.bits = Integer.parseInt(c[1]);
                s.data = c[2];
                s.searcher = searcher;
                long b0 = System.nanoTime();
                s.setUp();
                double setupS = (System.nanoTime() - b0) / 1e9;
                double[] ms = cpuMillis(s, 200);
                cpu.add(new String[]{c[0], c[1], c[2], searcher, fmt(ms[0]), fmt(ms[1]), fmt(setupS)});
            }
        }
        System.out.println(summary(results, cpu, (System.nanoTime() - t0) / 1e9));
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    /**
     * Thread CPU time per query of a single-threaded searcher (immune to time-sharing with other processes, not to
     * their cache pollution): mean and minimum over {@code reps} queries after as many warm-up queries.
     */
    static double[] cpuMillis(Search s, int reps) {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long sink = 0;
        for (int i = 0; i < reps; i++) {
            sink += s.index.nearest(s.queries[i & 255], K).size();
        }
        long total = 0;
        long best = Long.MAX_VALUE;
        for (int i = 0; i < reps; i++) {
            long t0 = mx.getCurrentThreadCpuTime();
            sink += s.index.nearest(s.queries[i & 255], K).size();
            long t = mx.getCurrentThreadCpuTime() - t0;
            total += t;
            best = Math.min(best, t);
        }
        if (sink == 42) {
            System.out.print("");
        }
        return new double[]{total / 1e6 / reps, best / 1e6};
    }

    /** {@code mih-sweep N BITS M1,M2,..}: CPU ms per top-100 query for several substring counts (0 = default). */
    private static void mihSweep(String[] args) {
        int n = Integer.parseInt(args[1]);
        int bits = Integer.parseInt(args[2]);
        for (String data : new String[]{"uniform", "clustered"}) {
            Search base = new Search();
            base.n = n;
            base.bits = bits;
            base.data = data;
            base.searcher = "exhaustive-1";
            base.setUp();
            double[] e = cpuMillis(base, 200);
            System.out.printf(Locale.ROOT, "%s n=%d bits=%d exhaustive-1: cpu mean %.3f ms, min %.3f ms%n", data, n,
                    bits, e[0], e[1]);
            for (String ms : args[3].split(",")) {
                Search s = new Search();
                s.n = n;
                s.bits = bits;
                s.data = data;
                s.searcher = "mih";
                s.m = Integer.parseInt(ms);
                s.setUp();
                double[] c = cpuMillis(s, 200);
                System.out.printf(Locale.ROOT, "%s n=%d bits=%d %s: cpu mean %.3f ms, min %.3f ms%n", data, n,
                        bits, s.index.describe(), c[0], c[1]);
                s.index = null;
            }
        }
    }

    private static ChainedOptionsBuilder opts(String method) {
        return new OptionsBuilder().include(HammingBenchmark.class.getName() + "\\." + method + "$")
                .warmupIterations(2).warmupTime(TimeValue.seconds(1))
                .measurementIterations(3).measurementTime(TimeValue.seconds(1)).forks(1);
    }

    private static Collection<RunResult> run(ChainedOptionsBuilder b) throws RunnerException {
        return new Runner(b.build()).run();
    }

    /** Markdown tables: figures beside the memory-bandwidth and POPCNT floors of this machine. */
    static String summary(List<RunResult> results, List<String[]> cpu, double seconds) {
        double ghz = cpuGHz();
        long l3 = l3Bytes();
        double[][] bw = new double[2][3]; // [l3|dram][threads] GB/s
        for (RunResult rr : results) {
            var p = rr.getParams();
            if (p.getBenchmark().endsWith("streamSum")) {
                int mib = Integer.parseInt(p.getParam("mib"));
                int threads = Integer.parseInt(p.getParam("threads"));
                double us = rr.getPrimaryResult().getStatistics().getPercentile(50);
                bw[mib <= 8 ? 0 : 1][threads] = (mib * 1048576.0) / (us * 1e3); // bytes per ns = GB/s
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT,
                "%n## Hamming top-%d benchmark (%.0f s, load average at end %s)%n%n"
                        + "Machine: %d cores, %s, clock %.2f GHz (/proc/cpuinfo), L3 %d MiB. Streaming read bandwidth"
                        + " (long[] sum, median): L3-resident 8 MiB %.1f GB/s on 1 thread, %.1f GB/s on 2;"
                        + " main memory 256 MiB %.1f GB/s on 1 thread, %.1f GB/s on 2.%n%n",
                K, seconds, loadAverage(), Runtime.getRuntime().availableProcessors(), cpuModel(), ghz, l3 >> 20,
                bw[0][1], bw[0][2], bw[1][1], bw[1][2]));
        sb.append("Floors per code: memory = bytes per code / the best streaming bandwidth measured on 1 or 2 threads"
                + " (the L3 figure when the codes fit in half the L3, else main memory); compute = 3 integer ALU"
                + " operations per 64-bit word per code (XOR, POPCNT, add or compare-and-branch; loads use the load"
                + " ports) on 4 ALUs (AMD Zen) / clock / threads. Floor ms/query = N × the larger floor.\n\n");
        sb.append("Wall time per query (JMH sample mode, 1 fork, 2×1 s warm-up, 3×1 s measurement):\n\n");
        sb.append("| codes | bits | data | searcher | ms/query mean | ms/query p50 | ns/code p50 "
                + "| floor mem ns/code | floor cpu ns/code | floor ms/query |\n");
        sb.append("|---:|---:|---|---|---:|---:|---:|---:|---:|---:|\n");
        for (RunResult rr : results) {
            var p = rr.getParams();
            if (!p.getBenchmark().endsWith("top100")) {
                continue;
            }
            int n = Integer.parseInt(p.getParam("n"));
            int bits = Integer.parseInt(p.getParam("bits"));
            String searcher = p.getParam("searcher");
            int threads = searcher.equals("exhaustive-2") ? 2 : 1;
            double mean = rr.getPrimaryResult().getScore();
            double p50 = rr.getPrimaryResult().getStatistics().getPercentile(50);
            int words = Codes.words(bits);
            long bytes = 8L * words * n;
            int level = bytes <= l3 / 2 ? 0 : 1;
            double bandwidth = Math.max(bw[level][1], bw[level][2]); // the machine's best measured, not its share
            double memFloor = bandwidth > 0 ? 8.0 * words / bandwidth : Double.NaN;
            double cpuFloor = ghz > 0 ? ALU_OPS_PER_WORD * words / ALUS / ghz / threads : Double.NaN;
            sb.append(String.format(Locale.ROOT, "| %,d | %d | %s | %s | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f |%n",
                    n, bits, p.getParam("data"), searcher, mean / 1e3, p50 / 1e3, p50 * 1e3 / n, memFloor, cpuFloor,
                    n * Math.max(memFloor, cpuFloor) / 1e6));
        }
        sb.append("\n(mih is single-threaded; its ns/code is its query time divided by all N codes.)\n\n");
        sb.append("Thread CPU time per query of the single-threaded searchers (200 queries after 200 warm-up, same JVM;"
                + " not inflated by other processes' time slices):\n\n");
        sb.append("| codes | bits | data | searcher | cpu ms/query mean | cpu ms/query min | ns/code mean | setup s |\n");
        sb.append("|---:|---:|---|---|---:|---:|---:|---:|\n");
        for (String[] c : cpu) {
            int n = Integer.parseInt(c[0]);
            sb.append(String.format(Locale.ROOT, "| %,d | %s | %s | %s | %s | %s | %.3f | %s |%n", n, c[1], c[2], c[3],
                    c[4], c[5], Double.parseDouble(c[4]) * 1e6 / n, c[6]));
        }
        return sb.toString();
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return "unknown CPU";
    }

    static double cpuGHz() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("cpu MHz")) {
                    return Double.parseDouble(line.substring(line.indexOf(':') + 1).trim()) / 1000;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: no clock figure
        }
        return Double.NaN;
    }

    static long l3Bytes() {
        try {
            String s = Files.readString(Path.of("/sys/devices/system/cpu/cpu0/cache/index3/size")).trim();
            long v = Long.parseLong(s.replaceAll("[^0-9]", ""));
            return s.endsWith("M") ? v << 20 : s.endsWith("K") ? v << 10 : v;
        } catch (IOException | RuntimeException e) {
            return 32L << 20;
        }
    }
}
