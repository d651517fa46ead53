package org.sketchfind.engine.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;

/**
 * Runs every query against the gallery and averages the metrics of {@link RetrievalMetrics}: mAP@all (plain and
 * tie-aware), mAP@K, P@K, the interpolated PR curve, per-class AP and the ranking time per query.
 *
 * <p>Relevant = same class label (labels are indices into {@code classNames}). Queries without any relevant gallery
 * item are left out of every mean and counted in {@link Report#queriesWithoutRelevant()}. Queries are run one after
 * another on the calling thread so the time per query is not distorted by sharing cores.
 */
public final class Evaluation {

    /**
     * @param precisionK K of Precision@K (the report's {@code precision_at_100} when 100); must not exceed the gallery
     * @param mapK       K of mAP@K (clamped to the gallery size)
     * @param prLevels   recall levels of the interpolated PR curve (11 or 101)
     * @param split      label written into the report (e.g. "unseen"), may be null
     * @param expand     k of {@link org.sketchfind.engine.code.QueryExpansion} for Hamming rankings (0: none)
     */
    public record Options(int precisionK, int mapK, int prLevels, String split, int expand) {
        public Options {
            if (expand < 0) {
                throw new IllegalArgumentException("query expansion k must be 0 or more: " + expand);
            }
        }

        public static Options defaults() {
            return new Options(100, 100, 11, null, 0);
        }

        public Options withSplit(String s) {
            return new Options(precisionK, mapK, prLevels, s, expand);
        }

        public Options withPrecisionK(int k) {
            return new Options(k, mapK, prLevels, split, expand);
        }

        public Options withExpand(int k) {
            return new Options(precisionK, mapK, prLevels, split, k);
        }
    }

    private Evaluation() {
    }

    /** Hamming ranking of binary codes ({@link Ranking#byHamming}). */
    public static Report hamming(String model, int bits, long[][] queryCodes, int[] queryLabels,
                                 long[][] galleryCodes, int[] galleryLabels, List<String> classNames,
                                 Options options) {
        check(queryCodes.length, queryLabels, galleryCodes.length, galleryLabels, classNames, options);
        int words = org.sketchfind.engine.code.Codes.words(bits);
        checkWords(queryCodes, words, bits, "query");
        checkWords(galleryCodes, words, bits, "gallery");
        int expand = Math.min(options.expand(), galleryCodes.length);
        return run(model, bits, null, queryLabels, galleryLabels, classNames, options, q -> {
            Ranking first = Ranking.byHamming(queryCodes[q], galleryCodes, bits);
            if (expand == 0) {
                return first;
            }
            List<long[]> neighbours = new ArrayList<>(expand);
            for (int r = 0; r < expand; r++) {
                neighbours.add(galleryCodes[first.order()[r]]);
            }
            return Ranking.byHamming(org.sketchfind.engine.code.QueryExpansion.expand(queryCodes[q], neighbours,
                    bits), galleryCodes, bits);
        });
    }

    /**
     * Asymmetric ranking ({@link org.sketchfind.engine.code.AsymmetricScore}): each query's real-valued margins
     * against the gallery's binary codes, by descending score.
     */
    public static Report asymmetric(String model, int bits, float[][] queryMargins, int[] queryLabels,
                                    long[][] galleryCodes, int[] galleryLabels, List<String> classNames,
                                    Options options) {
        check(queryMargins.length, queryLabels, galleryCodes.length, galleryLabels, classNames, options);
        checkWords(galleryCodes, org.sketchfind.engine.code.Codes.words(bits), bits, "gallery");
        checkMargins(queryMargins, bits, "query");
        org.sketchfind.engine.code.AsymmetricScore[] q = new org.sketchfind.engine.code.AsymmetricScore[
                queryMargins.length];
        for (int i = 0; i < q.length; i++) {
            q[i] = new org.sketchfind.engine.code.AsymmetricScore(queryMargins[i]);
        }
        return run(model, bits, null, queryLabels, galleryLabels, classNames, options,
                i -> Ranking.byScore(q[i].scores(galleryCodes)));
    }

    /**
     * Real-valued ranking ({@link org.sketchfind.engine.code.CosineScore}): each query's real-valued margins against
     * the gallery's real-valued margins, by descending cosine.
     */
    public static Report realValued(String model, int bits, float[][] queryMargins, int[] queryLabels,
                                    float[][] galleryMargins, int[] galleryLabels, List<String> classNames,
                                    Options options) {
        check(queryMargins.length, queryLabels, galleryMargins.length, galleryLabels, classNames, options);
        checkMargins(queryMargins, bits, "query");
        checkMargins(galleryMargins, bits, "gallery item");
        org.sketchfind.engine.code.CosineScore[] q = new org.sketchfind.engine.code.CosineScore[queryMargins.length];
        for (int i = 0; i < q.length; i++) {
            q[i] = new org.sketchfind.engine.code.CosineScore(queryMargins[i]);
        }
        return run(model, bits, null, queryLabels, galleryLabels, classNames, options,
                i -> Ranking.byScore(q[i].scores(galleryMargins)));
    }

    /**
     * Mean plain AP@all of the Hamming ranking alone: the same ranking and AP as {@link #hamming}'s {@code map_all},
     * without the rest of the report (the trainer's per-epoch validation figure). Queries without a relevant
     * gallery item are left out; NaN when no query has one.
     */
    public static double hammingMap(long[][] queryCodes, int[] queryLabels, long[][] galleryCodes,
                                    int[] galleryLabels, int bits) {
        double sum = 0;
        int used = 0;
        for (int q = 0; q < queryCodes.length; q++) {
            Ranking ranking = Ranking.byHamming(queryCodes[q], galleryCodes, bits);
            double ap = RetrievalMetrics.averagePrecision(ranking.relevance(queryLabels[q], galleryLabels));
            if (!Double.isNaN(ap)) {
                sum += ap;
                used++;
            }
        }
        return used == 0 ? Double.NaN : sum / used;
    }

    /** Cosine ranking of real-valued vectors (higher similarity first; gallery normalised once, untimed). */
    public static Report cosine(String model, float[][] queries, int[] queryLabels,
                                float[][] gallery, int[] galleryLabels, List<String> classNames, Options options) {
        check(queries.length, queryLabels, gallery.length, galleryLabels, classNames, options);
        int dims = gallery.length > 0 ? gallery[0].length : queries.length > 0 ? queries[0].length : 0;
        float[][] g = new float[gallery.length][];
        for (int i = 0; i < gallery.length; i++) {
            if (gallery[i].length != dims) {
                throw new IllegalArgumentException("gallery vector " + i + " has " + gallery[i].length
                        + " dimensions, expected " + dims);
            }
            g[i] = normalised(gallery[i]);
        }
        for (int q = 0; q < queries.length; q++) {
            if (queries[q].length != dims) {
                throw new IllegalArgumentException("query vector " + q + " has " + queries[q].length
                        + " dimensions, expected " + dims);
            }
        }
        return run(model, null, dims, queryLabels, galleryLabels, classNames, options, q -> {
            float[] v = normalised(queries[q]);
            double[] scores = new double[g.length];
            for (int i = 0; i < g.length; i++) {
                float[] gi = g[i];
                double s = 0;
                for (int d = 0; d < gi.length; d++) {
                    s += v[d] * gi[d];
                }
                scores[i] = s;
            }
            return Ranking.byScore(scores);
        });
    }

    /** Any ranking: {@code ranker} ranks the gallery for query q (this call is what {@code ms_per_query} times). */
    public static Report run(String model, Integer bits, Integer dims, int[] queryLabels, int[] galleryLabels,
                             List<String> classNames, Options options, IntFunction<Ranking> ranker) {
        int nq = queryLabels.length;
        int ng = galleryLabels.length;
        RetrievalMetrics.checkK(ng, options.precisionK());
        int mapK = Math.min(options.mapK(), ng);
        int classes = classNames.size();
        double[] classAp = new double[classes];
        double[] classApTie = new double[classes];
        int[] classQueries = new int[classes];
        double sumAp = 0, sumApTie = 0, sumP = 0, sumPTie = 0, sumApK = 0;
        double[] pr = new double[options.prLevels()];
        int used = 0;
        long nanos = 0;
        for (int q = 0; q < nq; q++) {
            long t0 = System.nanoTime();
            Ranking ranking = ranker.apply(q);
            nanos += System.nanoTime() - t0;
            if (ranking.size() != ng) {
                throw new IllegalStateException("ranking of query " + q + " has " + ranking.size()
                        + " items, the gallery " + ng);
            }
            boolean[] rel = ranking.relevance(queryLabels[q], galleryLabels);
            double ap = RetrievalMetrics.averagePrecision(rel);
            if (Double.isNaN(ap)) {
                continue;
            }
            used++;
            double apTie = RetrievalMetrics.tieAwareAveragePrecision(rel, ranking.groupEnds());
            sumAp += ap;
            sumApTie += apTie;
            sumP += RetrievalMetrics.precisionAtK(rel, options.precisionK());
            sumPTie += RetrievalMetrics.tieAwarePrecisionAtK(rel, ranking.groupEnds(), options.precisionK());
            sumApK += RetrievalMetrics.averagePrecisionAtK(rel, mapK);
            double[] ip = RetrievalMetrics.interpolatedPrecision(rel, options.prLevels());
            for (int l = 0; l < pr.length; l++) {
                pr[l] += ip[l];
            }
            int c = queryLabels[q];
            classAp[c] += ap;
            classApTie[c] += apTie;
            classQueries[c]++;
        }
        double[] recall = new double[pr.length];
        for (int l = 0; l < pr.length; l++) {
            recall[l] = (double) l / (pr.length - 1);
            pr[l] = used > 0 ? pr[l] / used : Double.NaN;
        }
        List<Report.ClassAp> perClass = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            if (classQueries[c] > 0) {
                perClass.add(new Report.ClassAp(classNames.get(c), classQueries[c],
                        classAp[c] / classQueries[c], classApTie[c] / classQueries[c]));
            }
        }
        double n = used > 0 ? used : Double.NaN;
        return new Report(model, bits, dims, nq, ng, sumAp / n, sumApTie / n, options.precisionK(), sumP / n,
                sumPTie / n, mapK, sumApK / n, nq > 0 ? nanos / 1e6 / nq : Double.NaN, nq - used, options.split(),
                recall, pr, perClass);
    }

    private static void checkMargins(float[][] margins, int bits, String what) {
        for (int i = 0; i < margins.length; i++) {
            if (margins[i].length != bits) {
                throw new IllegalArgumentException(what + " " + i + " has " + margins[i].length + " margins, expected "
                        + bits);
            }
        }
    }

    private static void check(int nq, int[] queryLabels, int ng, int[] galleryLabels, List<String> classNames,
                              Options options) {
        Objects.requireNonNull(options, "options");
        if (nq != queryLabels.length) {
            throw new IllegalArgumentException(nq + " queries but " + queryLabels.length + " query labels");
        }
        if (ng != galleryLabels.length) {
            throw new IllegalArgumentException(ng + " gallery items but " + galleryLabels.length + " gallery labels");
        }
        if (ng == 0) {
            throw new IllegalArgumentException("the gallery is empty");
        }
        for (int[] labels : new int[][]{queryLabels, galleryLabels}) {
            for (int l : labels) {
                if (l < 0 || l >= classNames.size()) {
                    throw new IllegalArgumentException("class label " + l + " outside 0.." + (classNames.size() - 1));
                }
            }
        }
        if (options.precisionK() > ng) {
            throw new IllegalArgumentException("Precision@" + options.precisionK() + " needs at least "
                    + options.precisionK() + " gallery items; the gallery has " + ng);
        }
        if (options.prLevels() < 2) {
            throw new IllegalArgumentException("PR curve needs at least 2 recall levels");
        }
    }

    private static void checkWords(long[][] codes, int words, int bits, String what) {
        for (int i = 0; i < codes.length; i++) {
            if (codes[i].length != words) {
                throw new IllegalArgumentException(what + " code " + i + " has " + codes[i].length
                        + " words; a " + bits + "-bit code has " + words);
            }
        }
    }

    static float[] normalised(float[] v) {
        double s = 0;
        for (float x : v) {
            s += (double) x * x;
        }
        float[] out = new float[v.length];
        if (s == 0) {
            return out;
        }
        float inv = (float) (1 / Math.sqrt(s));
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * inv;
        }
        return out;
    }
}
