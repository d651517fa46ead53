package org.sketchfind.engine.model;

import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A central finite-difference gradient check against SameDiff's {@code calculateGradients}, in double precision
 * (the same procedure as ND4J's {@code GradCheckUtil}: perturb one entry by ±ε, compare (L⁺ − L⁻)/2ε with the
 * analytic gradient; pass when the relative error is below {@code maxRelError} or the absolute error below
 * {@code minAbsError}: 1e-8, the round-off level of (L⁺ − L⁻)/2ε for losses of order 10 with ε = 1e-6). Checks up to {@code maxPerVariable} randomly chosen entries of every listed variable.
 */
final class FiniteDifference {
    static final double EPS = 1e-6;
    static final double MAX_REL_ERROR = 1e-5;
    static final double MIN_ABS_ERROR = 1e-8;

    record Result(int checked, List<String> failures, double maxRelError) {
        boolean passed() {
            return failures.isEmpty() && checked > 0;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "checked %d entries, max rel error %.3g, %d failures%s", checked,
                    maxRelError, failures.size(), failures.isEmpty() ? "" : ": " + failures.subList(0,
                            Math.min(8, failures.size())));
        }
    }

    private FiniteDifference() {
    }

    static Result check(SameDiff sd, String loss, Map<String, INDArray> placeholders, Collection<String> variables,
                        int maxPerVariable, long seed) {
        sd.setLossVariables(loss);
        Map<String, INDArray> grads = sd.calculateGradients(placeholders, variables);
        SplittableRandom rnd = new SplittableRandom(seed);
        List<String> failures = new ArrayList<>();
        int checked = 0;
        double maxRel = 0;
        for (String name : variables) {
            INDArray arr = sd.getVariable(name).getArr();
            if (arr.dataType() != DataType.DOUBLE) {
                throw new IllegalStateException(name + " is " + arr.dataType() + ", gradient checks need DOUBLE");
            }
            INDArray grad = grads.get(name);
            if (grad == null) {
                failures.add(name + ": no gradient");
                continue;
            }
            long n = arr.length();
            int count = (int) Math.min(n, maxPerVariable);
            for (int c = 0; c < count; c++) {
                long i = n <= maxPerVariable ? c : rnd.nextLong(n);
                double orig = arr.getDouble(i);
                arr.putScalar(i, orig + EPS);
                double plus = lossValue(sd, loss, placeholders);
                arr.putScalar(i, orig - EPS);
                double minus = lossValue(sd, loss, placeholders);
                arr.putScalar(i, orig);
                double numeric = (plus - minus) / (2 * EPS);
                double analytic = grad.getDouble(i);
                double abs = Math.abs(numeric - analytic);
                double rel = abs == 0 ? 0 : abs / Math.max(Math.abs(numeric), Math.abs(analytic));
                checked++;
                if (rel > MAX_REL_ERROR && abs > MIN_ABS_ERROR) {
                    failures.add(String.format(Locale.ROOT, "%s[%d] analytic %.8g numeric %.8g", name, i,
                            analytic, numeric));
                } else if (abs > MIN_ABS_ERROR) {
                    maxRel = Math.max(maxRel, rel);
                }
            }
        }
        return new Result(checked, failures, maxRel);
    }

    static double lossValue(SameDiff sd, String loss, Map<String, INDArray> placeholders) {
        return sd.output(placeholders, loss).get(loss).getDouble(0);
    }
}
