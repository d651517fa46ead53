package org.sketchfind.engine.train;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The run folder's {@code losses.csv}: one row per step with every loss term of Eq. 7, the learning rate and the
 * throughput. On resume, rows after the checkpoint's step (written before a crash) are dropped so the log has each
 * step exactly once.
 */
final class LossLog implements AutoCloseable {
    private final BufferedWriter out;

    LossLog(Path file, List<String> terms, long keepUpToStep, boolean resume) throws IOException {
        String header = "step,epoch," + String.join(",", terms) + ",learning_rate,pairs_per_second";
        List<String> kept = new ArrayList<>();
        kept.add(header);
        if (resume && Files.exists(file)) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (!lines.isEmpty() && lines.get(0).equals(header)) {
                for (String line : lines.subList(1, lines.size())) {
                    int comma = line.indexOf(',');
                    try {
                        if (comma > 0 && Long.parseLong(line.substring(0, comma)) <= keepUpToStep) {
                            kept.add(line);
                        }
                    } catch (NumberFormatException ignored) {
                        // a torn last line from a kill: dropped
                    }
                }
            }
        }
        Files.write(file, kept, StandardCharsets.UTF_8);
        out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    void append(long step, int epoch, Map<String, Double> losses, double lr, double pairsPerSecond)
            throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append(step).append(',').append(epoch);
        for (double v : losses.values()) {
            sb.append(',').append(String.format(Locale.ROOT, "%.9g", v));
        }
        sb.append(',').append(String.format(Locale.ROOT, "%.6g", lr));
        sb.append(',').append(String.format(Locale.ROOT, "%.4g", pairsPerSecond));
        out.write(sb.toString());
        out.newLine();
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
