package org.sketchfind.engine.eval.baseline;

import org.sketchfind.engine.eval.Evaluation;
import org.sketchfind.engine.eval.Report;
import org.sketchfind.engine.job.CancellationToken;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Runs the baselines of issue 5 on one feature set, every one measured the same way: fitted on the seen-class
 * training features only, then queries = unseen sketches against gallery = unseen photos through
 * {@link Evaluation}. The paper-style table command calls {@link #runAll}.
 */
public final class Baselines {
    /** Baseline ids, in table order: hashing methods first, then real-valued ones. */
    public static final List<String> IDS = List.of(ItqBaseline.NAME, DshBaseline.NAME, ImagenetCosine.NAME,
            RidgeSemanticBaseline.NAME, SaeBaseline.NAME);

    private Baselines() {
    }

    /**
     * @param options evaluation options (P@K is clamped to the gallery size when the gallery is smaller)
     * @param seed    seed of every fitted baseline
     * @param dsh     DSH training config ({@code null}: {@link DshBaseline.Config#defaults} with {@code seed})
     * @param log     progress lines (fitting times), e.g. to stderr; {@code null} for none
     * @param cancel  checked before each baseline is fitted ({@link #runAll})
     */
    public record Config(Evaluation.Options options, long seed, DshBaseline.Config dsh, Consumer<String> log,
                         CancellationToken cancel) {
        public static Config defaults(long seed) {
            return new Config(Evaluation.Options.defaults().withSplit("unseen"), seed, null, null,
                    CancellationToken.none());
        }

        public Config withDsh(DshBaseline.Config d) {
            return new Config(options, seed, d, log, cancel);
        }

        public Config withLog(Consumer<String> l) {
            return new Config(options, seed, dsh, l, cancel);
        }

        public Config withCancel(CancellationToken c) {
            return new Config(options, seed, dsh, log, c);
        }

        public Config withOptions(Evaluation.Options o) {
            return new Config(o, seed, dsh, log, cancel);
        }
    }

    /** Whether the baseline {@code id} produces binary codes (and so needs a bit length). */
    public static boolean isBinary(String id) {
        return switch (check(id)) {
            case ItqBaseline.NAME, DshBaseline.NAME -> true;
            default -> false;
        };
    }

    /** A new, unfitted baseline; {@code bits} is required for binary ones and ignored otherwise. */
    public static Baseline create(String id, Integer bits, Config config) {
        check(id);
        if (isBinary(id) && bits == null) {
            throw new IllegalArgumentException("baseline '" + id + "' needs a bit length");
        }
        return switch (id) {
            case ImagenetCosine.NAME -> new ImagenetCosine();
            case RidgeSemanticBaseline.NAME -> new RidgeSemanticBaseline(config.seed());
            case SaeBaseline.NAME -> new SaeBaseline(config.seed());
            case ItqBaseline.NAME -> new ItqBaseline(bits, config.seed());
            case DshBaseline.NAME -> new DshBaseline(bits,
                    config.dsh() != null ? config.dsh() : DshBaseline.Config.defaults(config.seed()));
            default -> throw new AssertionError(id);
        };
    }

    private static String check(String id) {
        if (!IDS.contains(id)) {
            throw new IllegalArgumentException("unknown baseline '" + id + "'; known: " + String.join(", ", IDS));
        }
        return id;
    }

    /** Evaluates a fitted baseline: sketches of {@code test} as queries, its photos as the gallery. */
    public static Report evaluate(Baseline fitted, FeatureSet test, Evaluation.Options options) {
        Embedded q = fitted.embedSketches(test.sketches());
        Embedded g = fitted.embedPhotos(test.photos());
        if (q instanceof Embedded.Binary qb && g instanceof Embedded.Binary gb) {
            if (qb.bits() != gb.bits()) {
                throw new IllegalStateException(fitted.name() + ": query codes have " + qb.bits()
                        + " bits, gallery codes " + gb.bits());
            }
            return Evaluation.hamming(fitted.name(), qb.bits(), qb.codes(), test.sketchLabels(), gb.codes(),
                    test.photoLabels(), test.classNames(), options);
        }
        if (q instanceof Embedded.Real qr && g instanceof Embedded.Real gr) {
            return Evaluation.cosine(fitted.name(), qr.vectors(), test.sketchLabels(), gr.vectors(),
                    test.photoLabels(), test.classNames(), options);
        }
        throw new IllegalStateException(fitted.name() + " embeds sketches and photos differently");
    }

    /** {@link #runAll(FeatureSet, FeatureSet, int[], Config)} with {@link Config#defaults} (seed 42). */
    public static List<Report> runAll(FeatureSet seenTrain, FeatureSet unseenTest, int[] bitLengths) {
        return runAll(seenTrain, unseenTest, bitLengths, Config.defaults(42));
    }

    /**
     * Fits every baseline of {@link #IDS} on {@code seenTrain} (binary ones once per bit length) and evaluates it on
     * {@code unseenTest}.
     *
     * @param seenTrain  features of seen-class items (training); must hold no item of a class that has items in
     *                   {@code unseenTest} (zero-shot rule, enforced by {@link TrainingFeatures#seenOnly})
     * @param unseenTest features of unseen-class items: sketches are the queries, photos the gallery
     * @param bitLengths code lengths of the hashing baselines, e.g. {32, 64, 128}
     * @return reports in table order: ITQ per bit length, DSH per bit length, ImageNet cosine, ridge, SAE
     */
    public static List<Report> runAll(FeatureSet seenTrain, FeatureSet unseenTest, int[] bitLengths,
                                      Config config) {
        Objects.requireNonNull(config, "config");
        Set<String> unseen = unseenTest.classesWithItems();
        TrainingFeatures train = TrainingFeatures.seenOnly(seenTrain, unseen);
        if (seenTrain.featureDims() != unseenTest.featureDims()) {
            throw new IllegalArgumentException("training features are " + seenTrain.featureDims()
                    + "-d, test features " + unseenTest.featureDims() + "-d");
        }
        if (unseenTest.photos().length == 0 || unseenTest.sketches().length == 0) {
            throw new IllegalArgumentException("the test set needs sketches (queries) and photos (gallery)");
        }
        Evaluation.Options options = config.options();
        int gallery = unseenTest.photos().length;
        if (options.precisionK() > gallery) {
            log(config, String.format(Locale.ROOT, "gallery has %d photos: P@%d measured as P@%d", gallery,
                    options.precisionK(), gallery));
            options = options.withPrecisionK(gallery);
        }
        List<Report> reports = new ArrayList<>();
        for (String id : IDS) {
            if (isBinary(id)) {
                for (int bits : bitLengths) {
                    reports.add(fitAndEvaluate(create(id, bits, config), train, unseenTest, options, config));
                }
            } else {
                reports.add(fitAndEvaluate(create(id, null, config), train, unseenTest, options, config));
            }
        }
        return reports;
    }

    private static Report fitAndEvaluate(Baseline b, TrainingFeatures train, FeatureSet test,
                                         Evaluation.Options options, Config config) {
        config.cancel().throwIfCancelled("baselines before " + b.name());
        long t0 = System.nanoTime();
        b.fit(train);
        double fitSeconds = (System.nanoTime() - t0) / 1e9;
        Report r = evaluate(b, test, options);
        String extra = b instanceof RidgeSemanticBaseline rb ? ", chosen relative λ " + rb.chosenLambda()
                : b instanceof SaeBaseline sb ? ", chosen relative λ " + sb.chosenLambda() : "";
        log(config, String.format(Locale.ROOT, "%s%s: fit %.1f s, mAP@all %.4f%s", b.name(),
                b.bits() != null ? " " + b.bits() + " bits" : "", fitSeconds, r.mapAll(), extra));
        return r;
    }

    private static void log(Config config, String line) {
        if (config.log() != null) {
            config.log().accept(line);
        }
    }
}
