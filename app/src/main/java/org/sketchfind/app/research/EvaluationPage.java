package org.sketchfind.app.research;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.sketchfind.app.kit.Background;
import org.sketchfind.app.kit.Banner;
import org.sketchfind.app.kit.Buttons;
import org.sketchfind.app.kit.Exports;
import org.sketchfind.app.kit.FileDialogs;
import org.sketchfind.app.kit.Form;
import org.sketchfind.app.kit.Page;
import org.sketchfind.app.kit.PathField;
import org.sketchfind.app.kit.Formats;
import org.sketchfind.app.kit.JobProgress;
import org.sketchfind.app.kit.SplitColumns;
import org.sketchfind.app.models.ModelEntry;
import org.sketchfind.app.models.ModelsModel;
import org.sketchfind.engine.DatasetRequest;
import org.sketchfind.engine.EvaluationRequest;
import org.sketchfind.engine.EvaluationResult;
import org.sketchfind.engine.Sketchfind;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Evaluation: models and baselines measured side by side on the same queries and gallery, run as the engine's job
 * (the facade's {@code evaluate}, the same call as the {@code evaluate} command); a table of mAP@all, tie-aware mAP,
 * P@100 and ms/query per model, precision-recall curves, AP per class (sortable), and PNG / CSV export.
 */
public final class EvaluationPage implements Page {
    public static final String ID = "evaluation";
    private final Sketchfind engine;
    private final ModelsModel models;
    private final FileDialogs dialogs;
    private final Background io;
    private final Path outRoot;
    private final SplitPane view;
    private final Set<Path> chosenModels = new LinkedHashSet<>();
    private final Map<String, CheckBox> baselines = new LinkedHashMap<>();
    private final ListView<ModelEntry> modelList;
    private final PathField dataSet;
    private final PathField queries;
    private final PathField gallery;
    private final PathField classes;
    private final PathField train;
    private final PathField glove;
    private final PathField cache;
    private final ComboBox<String> split = new ComboBox<>();
    private final ComboBox<String> only = new ComboBox<>();
    private final TextField bits;
    private final TextField expand;
    private final Button run;
    private final JobProgress progress;
    private final Banner banner = new Banner("evaluationMessage");
    private final TableView<EvaluationResult.Score> table = new TableView<>();
    private final LineChart<Number, Number> pr;
    private final TableView<ClassRow> perClass = new TableView<>();
    private final TextArea command = new TextArea();
    private final VBox results;
    private EvaluationResult result;

    /** One row of the per-class table: a class and its AP under each model, in the table's model order. */
    public record ClassRow(String className, int queries, List<Double> ap) {
    }

    public EvaluationPage(Sketchfind engine, ModelsModel models, FileDialogs dialogs, Background io, Path outRoot) {
        this.engine = engine;
        this.models = models;
        this.dialogs = dialogs;
        this.io = io;
        this.outRoot = outRoot;

        modelList = new ListView<>(models.entries());
        modelList.setId("evaluationModels");
        modelList.setPrefHeight(150);
        modelList.setCellFactory(CheckBoxListCell.forListView(e -> {
            var p = new javafx.beans.property.SimpleBooleanProperty(chosenModels.contains(e.file()));
            p.addListener((o, a, b) -> {
                if (b) {
                    chosenModels.add(e.file());
                } else {
                    chosenModels.remove(e.file());
                }
            });
            return p;
        }, new javafx.util.StringConverter<>() {
            @Override
            public String toString(ModelEntry e) {
                return e == null ? "" : e.displayName() + (e.activeProperty().get() ? " (in use)" : "");
            }

            @Override
            public ModelEntry fromString(String s) {
                return null;
            }
        }));
        FlowPane baselineBoxes = new FlowPane(10, 4);
        for (String b : Sketchfind.baselines()) {
            CheckBox box = new CheckBox(b);
            box.setId("baseline-" + b);
            baselines.put(b, box);
            baselineBoxes.getChildren().add(box);
        }
        Form form = new Form();
        dataSet = form.row("Data set", new PathField("evalData", null, () -> dialogs.pickFolder(window(),
                "A data set (photo/, sketch/, classes.tsv)", null)), "Fills queries, gallery, classes and the "
                + "training data for fitted baselines");
        dataSet.field().textProperty().addListener((o, a, b) -> fillFromDataSet());
        queries = form.row("Queries", new PathField("evalQueries", null, () -> dialogs.pickFolder(window(),
                "Sketch queries: class folders or Quick, Draw! ndjson", null)), "Sketch class folders or ndjson files");
        gallery = form.row("Gallery", new PathField("evalGallery", null, () -> dialogs.pickFolder(window(),
                "Gallery: class folders of photos", null)), "Class folders of photos");
        classes = form.row("Classes", new PathField("evalClasses", null, () -> dialogs.openFile(window(),
                "classes.tsv", List.of(FileDialogs.Filter.of("Class table", "*.tsv")))), "classes.tsv with split "
                + "columns (empty: every class, 'only' must be all)");
        split.setId("evalSplit");
        split.setEditable(true);
        split.setValue(DatasetRequest.DEFAULT_SPLIT);
        split.setMaxWidth(Double.MAX_VALUE);
        form.row("Split column", split, "The split whose classes 'only' keeps");
        only.setId("evalOnly");
        only.getItems().setAll(EvaluationRequest.ONLY);
        only.setValue("unseen");
        form.row("Classes kept", only, "unseen (zero-shot), seen, or all");
        train = form.row("Train (baselines)", new PathField("evalTrain", null, () -> dialogs.pickFolder(window(),
                "Data set whose seen classes fit the baselines", null)), "Seen classes fit every baseline but "
                + "imagenet-cosine");
        glove = form.row("GloVe vectors", new PathField("evalGlove", null, () -> dialogs.openFile(window(),
                "GloVe text vectors", List.of(FileDialogs.Filter.of("GloVe text", "*.txt")))),
                "Empty: <train>/../glove/glove.6B.100d.top40k.txt");
        bits = form.row("Baseline bits", Form.text("evalBits", 64), "Bit length of the binary baselines");
        expand = form.row("Query expansion", Form.text("evalExpand", 0), "Rank with query expansion from this "
                + "many nearest photos (0: none)");
        cache = form.row("Feature cache", new PathField("evalCache", null, () -> dialogs.pickFolder(window(),
                "Feature cache folder", null)), "Empty: the per-user cache");
        run = Buttons.of("runEvaluation", "Evaluate", MaterialDesignP.PLAY, "Measure as a job", this::start);
        progress = new JobProgress("evaluation", banner, run);
        Label title = new Label("Evaluation");
        title.getStyleClass().add("page-title");
        Label sub = new Label("Compare models and baselines on the same queries and gallery.");
        sub.getStyleClass().add("page-subtitle");
        Label mt = new Label("Models");
        mt.getStyleClass().add("section-title");
        Label bt = new Label("Baselines");
        bt.getStyleClass().add("section-title");
        VBox left = new VBox(8, title, sub, mt, modelList, bt, baselineBoxes, form, run, progress.view(), banner);
        left.getStyleClass().add("page-pane");
        ScrollPane leftScroll = new ScrollPane(left);
        leftScroll.setFitToWidth(true);
        leftScroll.setMinWidth(340);

        buildTable();
        NumberAxis rx = new NumberAxis(0, 1, 0.1);
        rx.setLabel("recall");
        NumberAxis py = new NumberAxis(0, 1, 0.1);
        py.setLabel("precision");
        pr = new LineChart<>(rx, py);
        pr.setId("prChart");
        pr.setTitle("Precision-recall (interpolated, mean over queries)");
        pr.setAnimated(false);
        pr.setCreateSymbols(false);
        pr.setPrefHeight(300);
        perClass.setId("perClassTable");
        perClass.setPrefHeight(260);
        perClass.setPlaceholder(new Label("AP per class appears here."));
        command.setId("evaluationCommand");
        command.setEditable(false);
        command.setWrapText(true);
        command.setPrefRowCount(3);
        Button png = Buttons.of("evaluationPng", "PNG", MaterialDesignF.FILE_IMAGE_OUTLINE,
                "Export the table and the curves as PNG", this::exportPng);
        Button csv = Buttons.of("evaluationCsv", "CSV", MaterialDesignF.FILE_DELIMITED_OUTLINE,
                "Export the figures and the per-class AP as CSV", this::exportCsv);
        HBox exports = new HBox(8, png, csv);
        exports.setAlignment(Pos.CENTER_LEFT);
        Label ct = new Label("AP per class (click a header to sort)");
        ct.getStyleClass().add("section-title");
        Label cmd = new Label("The same measurement on the command line");
        cmd.getStyleClass().add("section-title");
        results = new VBox(10, table, pr, ct, perClass, cmd, command);
        results.setId("evaluationResults");
        results.getStyleClass().add("page-pane");
        VBox right = new VBox(8, exports, results);
        right.getStyleClass().add("page-pane");
        ScrollPane rightScroll = new ScrollPane(right);
        rightScroll.setFitToWidth(true);
        view = new SplitPane(leftScroll, rightScroll);
        view.setDividerPositions(0.36);
        view.setId("evaluationPage");
    }

    private void buildTable() {
        table.setId("evaluationTable");
        table.setPrefHeight(170);
        table.setPlaceholder(new Label("Figures appear here."));
        table.getColumns().add(text("Model", EvaluationResult.Score::model, 260));
        table.getColumns().add(text("Bits", s -> s.bits() == null ? s.dims() + "-d" : Integer.toString(s.bits()), 60));
        table.getColumns().add(number("mAP@all", EvaluationResult.Score::mapAll));
        table.getColumns().add(number("tie-aware mAP", EvaluationResult.Score::mapAllTieAware));
        table.getColumns().add(number("P@100", s -> s.precisionK() == 100 ? s.precisionAtK() : Double.NaN));
        table.getColumns().add(number("ms/query", EvaluationResult.Score::msPerQuery));
        table.getColumns().add(text("Queries", s -> Integer.toString(s.queries()), 70));
        table.getColumns().add(text("Gallery", s -> Integer.toString(s.gallery()), 70));
    }

    private static TableColumn<EvaluationResult.Score, String> text(String name,
                                                                     Function<EvaluationResult.Score, String> f,
                                                                     double width) {
        TableColumn<EvaluationResult.Score, String> c = new TableColumn<>(name);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(f.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private static TableColumn<EvaluationResult.Score, Double> number(String name,
                                                                      Function<EvaluationResult.Score, Double> f) {
        TableColumn<EvaluationResult.Score, Double> c = new TableColumn<>(name);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(f.apply(d.getValue())));
        c.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(Double v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? null : format(v));
            }
        });
        c.setPrefWidth(100);
        return c;
    }

    /** How figures are shown: four decimals ("—" when undefined). */
    public static String format(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4f", v) : "—";
    }

    private void fillFromDataSet() {
        Path d = dataSet.path();
        if (d == null) {
            return;
        }
        queries.setPath(d.resolve("sketch"));
        gallery.setPath(d.resolve("photo"));
        classes.setPath(d.resolve("classes.tsv"));
        train.setPath(d);
        SplitColumns.load(d, split, io);
    }

    /** The request the form describes (an IllegalArgumentException that names what is missing). */
    public EvaluationRequest request() {
        List<Path> ms = new ArrayList<>(chosenModels);
        List<String> bs = baselines.entrySet().stream().filter(e -> e.getValue().isSelected()).map(Map.Entry::getKey)
                .toList();
        if (ms.isEmpty() && bs.isEmpty()) {
            throw new IllegalArgumentException("Choose at least one model or baseline.");
        }
        if (queries.path() == null || gallery.path() == null) {
            throw new IllegalArgumentException("Choose the queries and the gallery (or a data set).");
        }
        return new EvaluationRequest(ms, bs, Form.readInt(bits, "Baseline bits", 1), train.path(), glove.path(),
                queries.path(), gallery.path(), classes.path(), split.getValue(), only.getValue(),
                outRoot.resolve("evaluation-" + Formats.stamp()), cache.path(), null, Form.readInt(expand, "Query expansion", 0));
    }

    /** The {@code sketchfind evaluate} command that measures the same (shown under the figures). */
    public static List<String> commandLine(EvaluationRequest r) {
        List<String> a = new ArrayList<>(List.of("evaluate"));
        for (Path m : r.models()) {
            a.addAll(List.of("--model", m.toString()));
        }
        for (String b : r.baselines()) {
            a.addAll(List.of("--baseline", b));
        }
        a.addAll(List.of("--bits", Integer.toString(r.bits())));
        if (r.train() != null) {
            a.addAll(List.of("--train", r.train().toString()));
        }
        if (r.glove() != null) {
            a.addAll(List.of("--glove", r.glove().toString()));
        }
        a.addAll(List.of("--queries", r.queries().toString(), "--gallery", r.gallery().toString()));
        if (r.classes() != null) {
            a.addAll(List.of("--classes", r.classes().toString(), "--split", r.split()));
        }
        a.addAll(List.of("--only", r.only(), "--out", r.out().toString()));
        if (r.cache() != null) {
            a.addAll(List.of("--cache", r.cache().toString()));
        }
        if (r.expand() > 0) {
            a.addAll(List.of("--expand", Integer.toString(r.expand())));
        }
        return a;
    }

    private void start() {
        EvaluationRequest r;
        try {
            r = request();
        } catch (IllegalArgumentException e) {
            banner.show(Banner.Kind.ERROR, e.getMessage());
            return;
        }
        command.setText("./sketchfind " + String.join(" ", commandLine(r).stream()
                .map(s -> s.contains(" ") ? "'" + s + "'" : s).toList()));
        progress.track("Evaluation", engine.evaluate(r, progress.listener()), this::show);
    }

    /** Shows an evaluation's figures, curves and per-class AP. */
    public void show(EvaluationResult res) {
        result = res;
        table.getItems().setAll(res.scores());
        pr.getData().clear();
        for (EvaluationResult.Score s : res.scores()) {
            XYChart.Series<Number, Number> series = new XYChart.Series<>();
            series.setName(s.model());
            for (int i = 0; i < s.prRecall().length; i++) {
                if (Double.isFinite(s.prPrecision()[i])) {
                    series.getData().add(new XYChart.Data<>(s.prRecall()[i], s.prPrecision()[i]));
                }
            }
            pr.getData().add(series);
        }
        perClass.getColumns().clear();
        TableColumn<ClassRow, String> cls = new TableColumn<>("Class");
        cls.setCellValueFactory(d -> new ReadOnlyStringWrapper(d.getValue().className()));
        cls.setPrefWidth(150);
        TableColumn<ClassRow, Number> nq = new TableColumn<>("Queries");
        nq.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue().queries()));
        perClass.getColumns().add(cls);
        perClass.getColumns().add(nq);
        for (int m = 0; m < res.scores().size(); m++) {
            int k = m;
            TableColumn<ClassRow, Double> c = new TableColumn<>("AP " + res.scores().get(m).model());
            c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue().ap().get(k)));
            c.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
                @Override
                protected void updateItem(Double v, boolean empty) {
                    super.updateItem(v, empty);
                    setText(empty || v == null ? null : format(v));
                }
            });
            c.setPrefWidth(140);
            perClass.getColumns().add(c);
        }
        perClass.getItems().setAll(classRows(res));
    }

    /** One row per query class, with its AP under each score (NaN where a score has no such class). */
    public static List<ClassRow> classRows(EvaluationResult res) {
        Map<String, Integer> queriesOf = new LinkedHashMap<>();
        List<Map<String, Double>> byScore = new ArrayList<>();
        for (EvaluationResult.Score s : res.scores()) {
            Map<String, Double> m = new HashMap<>();
            for (EvaluationResult.ClassAp c : s.perClass()) {
                queriesOf.putIfAbsent(c.className(), c.queries());
                m.put(c.className(), c.ap());
            }
            byScore.add(m);
        }
        List<ClassRow> rows = new ArrayList<>();
        queriesOf.forEach((name, q) -> rows.add(new ClassRow(name, q,
                byScore.stream().map(m -> m.getOrDefault(name, Double.NaN)).toList())));
        return rows;
    }

    private void exportPng() {
        if (result == null) {
            return;
        }
        Path f = dialogs.saveFile(window(), "Export the evaluation", "evaluation.png",
                List.of(FileDialogs.Filter.of("PNG image", "*.png")));
        if (f != null) {
            Exports.png(results, Exports.withExtension(f, ".png"), io, p -> banner.show(Banner.Kind.INFO,
                    "Saved " + p), e -> banner.show(Banner.Kind.ERROR, "Cannot save: " + e.getMessage()));
        }
    }

    private void exportCsv() {
        if (result == null) {
            return;
        }
        Path f = dialogs.saveFile(window(), "Export the evaluation", "evaluation.csv",
                List.of(FileDialogs.Filter.of("CSV", "*.csv")));
        if (f == null) {
            return;
        }
        Path file = Exports.withExtension(f, ".csv");
        List<List<Object>> rows = new ArrayList<>();
        for (EvaluationResult.Score s : result.scores()) {
            rows.add(List.of(s.model(), s.bits() == null ? "" : s.bits(), s.queries(), s.gallery(), s.mapAll(),
                    s.mapAllTieAware(), s.precisionK(), s.precisionAtK(), s.msPerQuery(), String.valueOf(s.split())));
        }
        Exports.csv(file, List.of("model", "bits", "queries", "gallery", "map_all", "map_all_tie_aware",
                "precision_k", "precision_at_k", "ms_per_query", "split"), rows, io, p -> { }, e -> { });
        List<String> header = new ArrayList<>(List.of("class", "queries"));
        result.scores().forEach(s -> header.add("ap " + s.model()));
        List<List<Object>> classRows = new ArrayList<>();
        for (ClassRow r : classRows(result)) {
            List<Object> row = new ArrayList<>(List.of(r.className(), r.queries()));
            row.addAll(r.ap());
            classRows.add(row);
        }
        Path perClassFile = file.resolveSibling(file.getFileName().toString().replaceFirst("\\.csv$", "")
                + "-per-class.csv");
        Exports.csv(perClassFile, header, classRows, io, p -> banner.show(Banner.Kind.INFO, "Saved " + file
                + " and " + p.getFileName()), e -> banner.show(Banner.Kind.ERROR, "Cannot save: " + e.getMessage()));
    }

    /** Chooses models and fills the form (tests and the screenshot program). */
    public void fill(List<Path> modelFiles, List<String> baselineIds, Path data, Path glovePath, Path cachePath,
                     int baselineBits) {
        chosenModels.clear();
        modelFiles.forEach(p -> chosenModels.add(p.toAbsolutePath().normalize()));
        modelList.refresh();
        baselines.forEach((id, box) -> box.setSelected(baselineIds.contains(id)));
        dataSet.setPath(data);
        glove.setPath(glovePath);
        cache.setPath(cachePath);
        bits.setText(Integer.toString(baselineBits));
    }

    public TableView<EvaluationResult.Score> table() {
        return table;
    }

    public TableView<ClassRow> perClassTable() {
        return perClass;
    }

    public LineChart<Number, Number> prChart() {
        return pr;
    }

    public EvaluationResult result() {
        return result;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Evaluation";
    }

    @Override
    public Ikon icon() {
        return MaterialDesignC.CHART_BELL_CURVE_CUMULATIVE;
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public void onShown() {
        models.refresh();
    }
}
