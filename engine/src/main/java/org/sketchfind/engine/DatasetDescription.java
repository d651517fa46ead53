package org.sketchfind.engine;

import org.sketchfind.engine.data.Dataset;
import org.sketchfind.engine.data.DatasetReport;
import org.sketchfind.engine.data.ImageCheck;
import org.sketchfind.engine.data.Layout;
import org.sketchfind.engine.data.ZeroShotSplit;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@link Sketchfind#describeDataset}: the data layer's scan and report as the facade's {@link DatasetSummary}. */
final class DatasetDescription {
    private DatasetDescription() {
    }

    static DatasetSummary of(DatasetRequest r) throws IOException {
        Layout layout = r.layout() == null ? null : Layout.valueOf(upper(r.layout()));
        ImageCheck check = ImageCheck.valueOf(upper(r.check() == null ? "header" : r.check()));
        Dataset d = Dataset.scan(r.dir(), new Dataset.Options(r.classes(), layout, check));
        if (r.split() != null && d.classTable().isPresent()) {
            ZeroShotSplit.of(d.classTable().get(), r.split()); // an unknown column: IllegalArgumentException naming it
        }
        DatasetReport rep = d.report(r.split() != null ? r.split() : DatasetRequest.DEFAULT_SPLIT);
        ZeroShotSplit s = rep.splitColumn() == null ? null : d.split(rep.splitColumn()).orElse(null);
        List<DatasetSummary.ClassCount> perClass = new ArrayList<>();
        for (Map.Entry<String, int[]> e : d.countsByClass().entrySet()) {
            String role = s == null ? "-" : s.seen().contains(e.getKey()) ? "seen"
                    : s.unseen().contains(e.getKey()) ? "unseen" : "?";
            int[] c = e.getValue();
            perClass.add(new DatasetSummary.ClassCount(e.getKey(), role, c[0], c[1], c[2]));
        }
        return new DatasetSummary(rep.root(), rep.layout().name().toLowerCase(Locale.ROOT),
                rep.layout().description(), rep.classTable(), rep.splitColumn(), rep.classNames(), rep.photos(),
                rep.sketches(), rep.drawings(), rep.seen(), rep.unseen(),
                rep.problems().stream().map(p -> new DatasetSummary.Problem(p.file(), p.line(), p.cause())).toList(),
                perClass);
    }

    private static String upper(String v) {
        return v.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    }
}
