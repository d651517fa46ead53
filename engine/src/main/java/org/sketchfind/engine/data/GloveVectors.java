package org.sketchfind.engine.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * GloVe word vectors in the standard text format ({@code word v1 … vD} per line, space separated), the semantic
 * class vectors of the model (Sec. 2: the decoder reconstructs a class's word vector). A class name's vector is the
 * mean of its words' vectors ({@link #classVector}); names with words outside the vocabulary are an
 * {@link UnknownWordsException} listing all of them. The parser works on raw bytes (the 40,000-word file loads in
 * well under a second here); malformed lines become {@link Problem}s.
 */
public final class GloveVectors {
    private final Path file;
    private final int dim;
    private final Map<String, Integer> index;
    private final float[] data;
    private final List<Problem> problems;

    private GloveVectors(Path file, int dim, Map<String, Integer> index, float[] data, List<Problem> problems) {
        this.file = file;
        this.dim = dim;
        this.index = index;
        this.data = data;
        this.problems = List.copyOf(problems);
    }

    /**
     * Loads a GloVe text file. The dimension is that of the first well-formed line.
     *
     * @throws IOException naming the file if it cannot be read or holds no vector
     */
    public static GloveVectors load(Path file) throws IOException {
        byte[] b;
        try {
            b = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IOException(file + ": cannot read GloVe vectors: " + e.getMessage(), e);
        }
        List<Problem> problems = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>(1 << 16);
        int dim = -1;
        float[] data = new float[0];
        int count = 0;
        float[] row = new float[16];
        int pos = 0;
        int lineNo = 0;
        int n = b.length;
        while (pos < n) {
            lineNo++;
            int end = pos;
            while (end < n && b[end] != '\n') {
                end++;
            }
            int lineEnd = end > pos && b[end - 1] == '\r' ? end - 1 : end;
            int sp = pos;
            while (sp < lineEnd && b[sp] != ' ') {
                sp++;
            }
            if (lineEnd > pos) {
                String word = new String(b, pos, sp - pos, StandardCharsets.UTF_8);
                int k = 0;
                String error = null;
                int p = sp;
                while (p < lineEnd && error == null) {
                    while (p < lineEnd && b[p] == ' ') {
                        p++;
                    }
                    if (p >= lineEnd) {
                        break;
                    }
                    int q = p;
                    while (q < lineEnd && b[q] != ' ') {
                        q++;
                    }
                    double v = parseNumber(b, p, q);
                    if (Double.isNaN(v)) {
                        error = "not a number: \"" + new String(b, p, Math.min(q - p, 40), StandardCharsets.UTF_8) + "\"";
                        break;
                    }
                    if (k == row.length) {
                        row = java.util.Arrays.copyOf(row, row.length * 2);
                    }
                    row[k++] = (float) v;
                    p = q;
                }
                if (error == null && word.isEmpty()) {
                    error = "line starts with a space (no word)";
                }
                if (error == null && k == 0) {
                    error = "word \"" + word + "\" has no vector";
                }
                if (error == null && dim < 0) {
                    dim = k;
                    data = new float[dim * 1024];
                }
                if (error == null && k != dim) {
                    error = "word \"" + word + "\" has " + k + " values, expected " + dim;
                }
                if (error != null) {
                    problems.add(new Problem(file.toString(), lineNo, error));
                } else if (!index.containsKey(word)) {
                    if ((count + 1) * dim > data.length) {
                        data = java.util.Arrays.copyOf(data, data.length * 2);
                    }
                    System.arraycopy(row, 0, data, count * dim, dim);
                    index.put(word, count++);
                }
            }
            pos = end + 1;
        }
        if (count == 0) {
            throw new IOException(file + ": no word vectors found" + (problems.isEmpty() ? "" : " (first problem: "
                    + problems.get(0) + ")"));
        }
        return new GloveVectors(file, dim, index, java.util.Arrays.copyOf(data, count * dim), problems);
    }

    private static final double[] POW10 = new double[23];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    /** Decimal number in b[from, to): [-+]digits[.digits][(e|E)[-+]digits]; NaN when malformed. */
    static double parseNumber(byte[] b, int from, int to) {
        int i = from;
        boolean neg = false;
        if (i < to && (b[i] == '-' || b[i] == '+')) {
            neg = b[i] == '-';
            i++;
        }
        long mant = 0;
        int digits = 0;
        int exp10 = 0;
        boolean any = false;
        while (i < to && b[i] >= '0' && b[i] <= '9') {
            if (digits < 18) {
                mant = mant * 10 + (b[i] - '0');
                if (mant != 0) {
                    digits++;
                }
            } else {
                exp10++;
            }
            any = true;
            i++;
        }
        if (i < to && b[i] == '.') {
            i++;
            while (i < to && b[i] >= '0' && b[i] <= '9') {
                if (digits < 18) {
                    mant = mant * 10 + (b[i] - '0');
                    if (mant != 0) {
                        digits++;
                    }
                    exp10--;
                }
                any = true;
                i++;
            }
        }
        if (!any) {
            return Double.NaN;
        }
        if (i < to && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            boolean eneg = false;
            if (i < to && (b[i] == '-' || b[i] == '+')) {
                eneg = b[i] == '-';
                i++;
            }
            int e = 0;
            boolean eany = false;
            while (i < to && b[i] >= '0' && b[i] <= '9') {
                e = Math.min(e * 10 + (b[i] - '0'), 10_000);
                eany = true;
                i++;
            }
            if (!eany) {
                return Double.NaN;
            }
            exp10 += eneg ? -e : e;
        }
        if (i != to) {
            return Double.NaN;
        }
        double v;
        if (exp10 == 0 || mant == 0) {
            v = mant;
        } else if (exp10 > 0 && exp10 < POW10.length) {
            v = mant * POW10[exp10];
        } else if (exp10 < 0 && -exp10 < POW10.length) {
            v = mant / POW10[-exp10];
        } else {
            v = Double.parseDouble(new String(b, from, to - from, StandardCharsets.US_ASCII));
        }
        return neg ? -v : v;
    }

    public Path file() {
        return file;
    }

    public int dimension() {
        return dim;
    }

    /** Number of words. */
    public int size() {
        return index.size();
    }

    public boolean contains(String word) {
        return index.containsKey(word);
    }

    /** Malformed lines skipped while loading. */
    public List<Problem> problems() {
        return problems;
    }

    /** A copy of a word's vector (words are matched exactly; GloVe 6B words are lower case). */
    public Optional<float[]> vector(String word) {
        Integer i = index.get(word);
        if (i == null) {
            return Optional.empty();
        }
        float[] v = new float[dim];
        System.arraycopy(data, i * dim, v, 0, dim);
        return Optional.of(v);
    }

    /**
     * The mean of the vectors of {@code tokens}.
     *
     * @throws UnknownWordsException if a token is not in the vocabulary (listing every missing one)
     */
    public float[] meanVector(List<String> tokens) {
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException("no words to average");
        }
        List<String> missing = tokens.stream().filter(t -> !index.containsKey(t)).toList();
        if (!missing.isEmpty()) {
            throw new UnknownWordsException(file.toString(), List.of(String.join(" ", tokens) + " (missing: "
                    + String.join(", ", missing) + ")"));
        }
        float[] mean = new float[dim];
        for (String t : tokens) {
            int off = index.get(t) * dim;
            for (int d = 0; d < dim; d++) {
                mean[d] += data[off + d];
            }
        }
        for (int d = 0; d < dim; d++) {
            mean[d] /= tokens.size();
        }
        return mean;
    }

    /** A class name's vector: the mean over its words (split on {@code _}, {@code -}, spaces; lower case). */
    public float[] classVector(String className) {
        return meanVector(List.of(ClassNames.tokens(className)));
    }

    /** A table row's vector: the mean over its {@link ClassEntry#gloveTokens()}. */
    public float[] classVector(ClassEntry entry) {
        return meanVector(entry.gloveTokens());
    }

    /**
     * Vectors of many classes, by class name in the given order.
     *
     * @throws UnknownWordsException listing every class with a word outside the vocabulary
     */
    public Map<String, float[]> classVectors(Collection<ClassEntry> entries) {
        Map<String, float[]> out = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (ClassEntry e : entries) {
            List<String> toks = e.gloveTokens();
            List<String> absent = toks.stream().filter(t -> !index.containsKey(t)).toList();
            if (!absent.isEmpty() || toks.isEmpty()) {
                missing.add(e.name() + " (missing: " + (toks.isEmpty() ? "no words" : String.join(", ", absent)) + ")");
            } else {
                out.put(e.name(), meanVector(toks));
            }
        }
        if (!missing.isEmpty()) {
            throw new UnknownWordsException(file.toString(), missing);
        }
        return out;
    }

    /** {@link #classVectors} for plain class names (words from {@link ClassNames#tokens}). */
    public Map<String, float[]> classVectorsByName(Collection<String> names) {
        List<ClassEntry> entries = names.stream().map(n -> new ClassEntry(n, 0, Map.of())).toList();
        return classVectors(entries);
    }

    /** {@code v} scaled to unit L2 norm (a copy; zero stays zero). */
    public static float[] l2Normalised(float[] v) {
        double s = 0;
        for (float x : v) {
            s += (double) x * x;
        }
        float[] out = v.clone();
        if (s > 0) {
            float inv = (float) (1 / Math.sqrt(s));
            for (int i = 0; i < out.length; i++) {
                out[i] *= inv;
            }
        }
        return out;
    }
}
