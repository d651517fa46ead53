package org.sketchfind.app.training;

import javafx.collections.MapChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignB;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.sketchfind.app.event.EventBus;
import org.sketchfind.app.event.ModelFileAdded;
import org.sketchfind.app.kit.Background;
import org.sketchfind.app.kit.Banner;
import org.sketchfind.app.kit.Buttons;
import org.sketchfind.app.kit.FileDialogs;
import org.sketchfind.app.kit.Form;
import org.sketchfind.app.kit.Page;
import org.sketchfind.app.kit.PathField;
import org.sketchfind.app.kit.Errors;
import org.sketchfind.app.kit.SplitColumns;
import org.sketchfind.app.kit.TaskProgressView;
import org.sketchfind.engine.DatasetRequest;
import org.sketchfind.engine.DatasetSummary;
import org.sketchfind.engine.Sketchfind;
import org.sketchfind.engine.TrainingRequest;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Train a ZSIH model: a data folder checked like {@code sketchfind datasets} (problems listed), the split column,
 * backbone, bits, epochs, batch and every other option of {@code sketchfind train} with its default; start, pause,
 * resume and cancel; live charts of every loss term and of the per-epoch validation mAP, with steps, pairs per
 * second and time left. The run itself lives in {@link TrainingModel}: it goes on when the page is left, and a run
 * stopped by closing the app is offered for resuming. A finished run's model opens on the Models page.
 */
public final class TrainingPage implements Page {
    public static final String ID = "training";
    private final TrainingModel model;
    private final FileDialogs dialogs;
    private final Background io;
    private final EventBus bus;
    private final SplitPane view;
    private final PathField data;
    private final PathField glove;
    private final PathField cache;
    private final PathField out;
    private final ComboBox<String> split = new ComboBox<>();
    private final ComboBox<String> backbone = new ComboBox<>();
    private final ComboBox<Integer> bits = new ComboBox<>();
    private final TextField epochs;
    private final TextField batch;
    private final TextField learningRate;
    private final TextField t;
    private final TextField entropyWeight;
    private final TextField entropyWarmup;
    private final TextField semanticWeight;
    private final TextField anchorWeight;
    private final TextField seed;
    private final TextField heldOut;
    private final TextField validationClasses;
    private final TextField checkpointEvery;
    private final TextField maxSteps;
    private final ComboBox<String> fusion = new ComboBox<>();
    private final ComboBox<String> propagation = new ComboBox<>();
    private final ComboBox<String> decoder = new ComboBox<>();
    private final ComboBox<String> binarization = new ComboBox<>();
    private final Label checkResult = new Label();
    private final ListView<String> problems = new ListView<>();
    private final Banner banner = new Banner("trainingMessage");
    private final Banner resumeBanner = new Banner("resumeMessage");
    private final Button start;
    private final Button resumeButton;
    private final Button openModel;
    private final TaskProgressView progress;
    private final FlowPane lossCharts = new FlowPane(10, 10);
    private final LineChart<Number, Number> mapChart;
    private final Label validationTitle = new Label("Validation mAP per epoch");
    private TrainingModel.State shownState;
    private final java.util.ArrayDeque<Runnable> pendingCharts = new java.util.ArrayDeque<>();

    public TrainingPage(TrainingModel model, FileDialogs dialogs, Background io, EventBus bus) {
        this.model = model;
        this.dialogs = dialogs;
        this.io = io;
        this.bus = bus;
        TrainingRequest d = TrainingRequest.builder(Path.of("data"), Path.of("run")).build();

        Form form = new Form();
        form.setId("trainingForm");
        data = form.row("Data folder", new PathField("trainData", null, () -> dialogs.pickFolder(window(),
                "Choose a data set (photo/, sketch/, classes.tsv)", null)),
                "A data set in the Sketchy layout: photo/<class>/, sketch/<class>/ and classes.tsv with split columns");
        Button check = Buttons.of("checkData", "Check", MaterialDesignC.CHECK_ALL,
                "Check the data folder as `sketchfind datasets` does", this::checkData);
        check.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        data.getChildren().add(check);
        checkResult.setId("dataCheck");
        checkResult.setWrapText(true);
        checkResult.getStyleClass().add("page-subtitle");
        problems.setId("dataProblems");
        problems.setPrefHeight(90);
        problems.setPlaceholder(new Label("No problems found."));
        split.setId("trainSplit");
        split.setEditable(true);
        split.setValue(d.split());
        split.setMaxWidth(Double.MAX_VALUE);
        form.row("Split column", split, "Column of classes.tsv: only its SEEN classes train");
        glove = form.row("GloVe vectors", new PathField("trainGlove", null, () -> dialogs.openFile(window(),
                        "GloVe text vectors", List.of(FileDialogs.Filter.of("GloVe text", "*.txt")))),
                "Empty: <data>/../glove/glove.6B.100d.top40k.txt");
        backbone.setId("trainBackbone");
        backbone.getItems().setAll(Sketchfind.backbones());
        backbone.setValue(Sketchfind.DEFAULT_BACKBONE);
        form.row("Backbone", backbone, "The frozen feature extractor (its features are cached once)");
        bits.setId("trainBits");
        bits.getItems().setAll(16, 32, 64, 128);
        bits.setValue(d.bits());
        form.row("Bits", bits, "Code length M");
        epochs = form.row("Epochs", Form.text("trainEpochs", d.epochs()), "Passes over the training sketches "
                + "(0: the model as initialised)");
        batch = form.row("Batch", Form.text("trainBatch", d.batch()), "Sketch-photo pairs per step (the paper: 250)");
        learningRate = form.row("Learning rate", Form.text("trainLr", d.learningRate()), "Adam learning rate");
        t = form.row("Kernel width t", Form.text("trainT", d.t()), "Width t of the semantic graph (Eq. 3)");
        entropyWeight = form.row("Entropy weight β", Form.text("trainEntropy", d.entropyWeight()),
                "Weight of Eq. 7's code-entropy term (the paper: 1)");
        entropyWarmup = form.row("Entropy warm-up", Form.text("trainWarmup", d.entropyWarmup()),
                "Steps over which β rises from 0");
        semanticWeight = form.row("Semantic weight λ", Form.text("trainSemantic", ""),
                "Encoder-side semantic term (not in the paper); empty: the recipe's ("
                        + (int) TrainingRequest.DEFAULT_SEMANTIC_WEIGHT + " with the Gaussian decoder)");
        anchorWeight = form.row("Anchor weight", Form.text("trainAnchor", d.anchorWeight()),
                "Above 0: start from closed-form anchored codes and stay near them (not in the paper)");
        seed = form.row("Seed", Form.text("trainSeed", d.seed()), "Initialisation, batches, noise and hold-outs");
        heldOut = form.row("Held out per class", Form.text("trainHeldOut", d.heldOut()),
                "Sketches and photos per seen class kept for the validation mAP");
        validationClasses = form.row("Validation classes", Form.text("trainValClasses", d.validationClasses()),
                "Above 0: hold out this many seen classes whole; the validation mAP is then a zero-shot proxy");
        checkpointEvery = form.row("Checkpoint every", Form.text("trainCheckpoint", d.checkpointEvery()),
                "Steps between checkpoints (a stopped run resumes from the last)");
        maxSteps = form.row("Max steps", Form.text("trainMaxSteps", d.maxSteps()), "Stop after this many steps "
                + "(0: no limit)");
        cache = form.row("Feature cache", new PathField("trainCache", null, () -> dialogs.pickFolder(window(),
                "Feature cache folder", null)), "Empty: the per-user cache");
        out = form.row("Run folder", new PathField("trainOut", model.newRunFolder(), () -> dialogs.pickFolder(
                window(), "Run folder", null)), "Config, log, checkpoints and model.zip are written here");

        Form ablations = new Form();
        fusion.getItems().setAll(TrainingRequest.FUSIONS);
        fusion.setValue(d.fusion());
        propagation.getItems().setAll(TrainingRequest.PROPAGATIONS);
        propagation.setValue(d.propagation());
        decoder.getItems().setAll(TrainingRequest.DECODERS);
        decoder.setValue(d.decoder());
        binarization.getItems().setAll(TrainingRequest.BINARIZATIONS);
        binarization.setValue(d.binarization());
        ablations.row("Fusion", fusion, "Kronecker product (the paper) or concatenation");
        ablations.row("Propagation", propagation, "Graph convolution (the paper) or fully-connected");
        ablations.row("Decoder", decoder, "Gaussian decoder to the class vector (the paper) or a classifier");
        ablations.row("Binarization", binarization, "Stochastic neurons (the paper) or a quantisation loss");
        TitledPane more = new TitledPane("Ablations (the paper's Table 3)", ablations);
        more.setExpanded(false);

        start = Buttons.of("startTraining", "Start training", MaterialDesignP.PLAY, "Train with these settings",
                this::startRun);
        resumeButton = Buttons.of("resumeTraining", "Resume stopped run", MaterialDesignP.PLAY_PAUSE,
                "Continue the run stopped when the app was closed, from its last checkpoint", model::resumeUnfinished);
        HBox buttons = new HBox(8, start, resumeButton);
        Label title = new Label("Training");
        title.getStyleClass().add("page-title");
        Label sub = new Label("Train ZSIH on the seen classes of a data set. The run goes on while you use the rest "
                + "of the app; the status bar shows it.");
        sub.getStyleClass().add("page-subtitle");
        sub.setWrapText(true);
        VBox left = new VBox(10, title, sub, resumeBanner, form, checkResult, problems, more, buttons, banner);
        left.getStyleClass().add("page-pane");
        ScrollPane leftScroll = new ScrollPane(left);
        leftScroll.setFitToWidth(true);
        leftScroll.setMinWidth(360);

        progress = new TaskProgressView("training", model::pause, model::resume, model::cancel);
        progress.setId("trainingProgress");
        openModel = Buttons.of("openTrainedModel", "Open in Models", MaterialDesignB.BRAIN,
                "Show the finished run's model on the Models page (to use it for search)", this::openModel);
        mapChart = chart("validationChart", "epoch", "mAP");
        mapChart.getData().add(new XYChart.Series<>("validation mAP", model.validation()));
        validationTitle.getStyleClass().add("section-title");
        Label lossTitle = new Label("Loss terms per step");
        lossTitle.getStyleClass().add("section-title");
        lossCharts.setId("lossCharts");
        // a chart per loss term, added one per frame: the first step brings every term at once, and building all
        // the charts in one go kept the FX thread from other work for a third of a second
        javafx.animation.AnimationTimer addOnePerFrame = new javafx.animation.AnimationTimer() {
            @Override
            public void handle(long now) {
                Runnable next = pendingCharts.poll();
                if (next == null) {
                    stop();
                } else {
                    next.run();
                }
            }
        };
        model.losses().addListener((MapChangeListener<String, ObservableList<XYChart.Data<Number, Number>>>) c -> {
            if (c.wasAdded()) {
                String term = c.getKey();
                ObservableList<XYChart.Data<Number, Number>> points = c.getValueAdded();
                pendingCharts.add(() -> addLossChart(term, points));
                addOnePerFrame.start();
            } else if (c.wasRemoved() && !c.wasAdded()) {
                pendingCharts.clear();
                lossCharts.getChildren().removeIf(n -> c.getKey().equals(n.getUserData()));
            }
        });
        ListView<String> log = new ListView<>(model.log());
        log.setId("trainingLog");
        log.setPrefHeight(120);
        Label logTitle = new Label("Log");
        logTitle.getStyleClass().add("section-title");
        VBox right = new VBox(10, progress, openModel, validationTitle, mapChart, lossTitle, lossCharts, logTitle, log);
        right.getStyleClass().add("page-pane");
        ScrollPane rightScroll = new ScrollPane(right);
        rightScroll.setFitToWidth(true);

        model.stateProperty().addListener((o, a, s) -> update());
        model.stageProperty().addListener((o, a, s) -> update());
        model.detailProperty().addListener((o, a, s) -> update());
        model.fractionProperty().addListener((o, a, s) -> update());
        model.validationLabelProperty().addListener((o, a, s) -> validationTitle.setText(
                "Validation mAP per epoch" + (s == null || s.isEmpty() ? "" : " (" + s + ")")));
        update();

        view = new SplitPane(leftScroll, rightScroll);
        view.setDividerPositions(0.42);
        view.setId("trainingPage");
    }

    private static LineChart<Number, Number> chart(String id, String x, String y) {
        NumberAxis xa = new NumberAxis();
        xa.setLabel(x);
        xa.setForceZeroInRange(false);
        xa.setMinorTickVisible(false);
        xa.setTickLabelFormatter(new javafx.util.StringConverter<>() { // steps and epochs are whole numbers
            @Override
            public String toString(Number n) {
                double v = n.doubleValue();
                return v == Math.rint(v) ? Long.toString((long) v) : "";
            }

            @Override
            public Number fromString(String s) {
                return Double.parseDouble(s);
            }
        });
        NumberAxis ya = new NumberAxis();
        ya.setLabel(y);
        ya.setForceZeroInRange(false);
        LineChart<Number, Number> c = new LineChart<>(xa, ya);
        c.setId(id);
        c.setAnimated(false);
        c.setCreateSymbols(true);
        c.setLegendVisible(false);
        c.setPrefSize(420, 220);
        c.getStyleClass().add("training-chart");
        return c;
    }

    private void addLossChart(String term, ObservableList<XYChart.Data<Number, Number>> points) {
        LineChart<Number, Number> c = chart("loss-" + term, "step", term);
        c.setCreateSymbols(false);
        c.setTitle(term);
        c.setPrefSize(300, 190);
        c.getData().add(new XYChart.Series<>(term, points));
        c.setUserData(term);
        lossCharts.getChildren().add(c);
    }

    private void update() {
        TrainingModel.State s = model.stateProperty().get();
        boolean running = model.running();
        progress.setVisible(s != TrainingModel.State.IDLE);
        progress.setManaged(s != TrainingModel.State.IDLE);
        progress.update(model.stageProperty().get(), model.fractionProperty().get(), model.detailProperty().get(),
                s == TrainingModel.State.PAUSED, running && s != TrainingModel.State.STOPPING);
        start.setDisable(running);
        boolean done = s == TrainingModel.State.COMPLETED && model.outcomeProperty().get() != null
                && model.outcomeProperty().get().model() != null;
        openModel.setVisible(done);
        openModel.setManaged(done);
        if (s == TrainingModel.State.FAILED) {
            banner.show(Banner.Kind.ERROR, "Training failed: " + model.errorProperty().get());
        } else if (s == TrainingModel.State.COMPLETED || s == TrainingModel.State.CANCELLED) {
            banner.hide();
        }
        if (s != shownState) { // the files a resume needs change with the state only, not with every step
            shownState = s;
            refreshResume();
        }
    }

    private void refreshResume() {
        TrainingRequest r = model.unfinished();
        boolean show = r != null;
        resumeButton.setVisible(show);
        resumeButton.setManaged(show);
        if (show) {
            resumeBanner.show(Banner.Kind.INFO, "A run was stopped before it finished (" + r.out().getFileName()
                    + ", " + r.data().getFileName() + ", " + r.bits() + " bits): Resume continues it from its last "
                    + "checkpoint with the settings it was started with.");
        } else {
            resumeBanner.hide();
        }
    }

    private void checkData() {
        Path dir = data.path();
        if (dir == null) {
            banner.show(Banner.Kind.ERROR, "Choose a data folder first.");
            return;
        }
        checkResult.setText("Checking " + dir + "…");
        problems.getItems().clear();
        io.call(() -> new Object[]{Sketchfind.splitColumns(dir), model.describe(dir)},
                r -> {
                    @SuppressWarnings("unchecked")
                    List<String> columns = (List<String>) r[0];
                    DatasetSummary s = (DatasetSummary) r[1];
                    SplitColumns.offer(split, columns);
                    checkResult.setText(s.layoutDescription() + ": " + s.classes() + " classes, " + s.photos()
                            + " photos, " + s.sketches() + " sketches"
                            + (s.seen() != null ? ", " + s.seen() + " seen / " + s.unseen() + " unseen in "
                            + s.splitColumn() : ", no split column") + " · " + s.problems().size() + " problems");
                    problems.getItems().setAll(s.problems().stream().map(DatasetSummary.Problem::toString).toList());
                    if (columns.isEmpty()) {
                        banner.show(Banner.Kind.ERROR, dir + " has no classes.tsv with split columns: training "
                                + "needs one (see README, Train on your own sketches).");
                    } else {
                        banner.hide();
                    }
                },
                e -> {
                    checkResult.setText("");
                    banner.show(Banner.Kind.ERROR, "Cannot read " + dir + ": " + Errors.message(e));
                });
    }

    /** The request the form describes (an IllegalArgumentException naming the field that is wrong). */
    public TrainingRequest request() {
        Path dir = data.path();
        if (dir == null) {
            throw new IllegalArgumentException("Choose a data folder.");
        }
        Path runDir = out.path() != null ? out.path() : model.newRunFolder();
        TrainingRequest.Builder b = TrainingRequest.builder(dir, runDir)
                .split(split.getValue() == null ? DatasetRequest.DEFAULT_SPLIT : split.getValue().strip())
                .glove(glove.path()).cache(cache.path()).backbone(backbone.getValue()).bits(bits.getValue())
                .epochs(Form.readInt(epochs, "Epochs", 0)).batch(Form.readInt(batch, "Batch", 2))
                .learningRate(Form.readDouble(learningRate, "Learning rate")).t(Form.readDouble(t, "t"))
                .entropyWeight(Form.readDouble(entropyWeight, "Entropy weight"))
                .entropyWarmup(Form.readInt(entropyWarmup, "Entropy warm-up", 0))
                .anchorWeight(Form.readDouble(anchorWeight, "Anchor weight")).seed(Form.readLong(seed, "Seed",
                        Long.MIN_VALUE)).heldOut(Form.readInt(heldOut, "Held out per class", 0))
                .validationClasses(Form.readInt(validationClasses, "Validation classes", 0))
                .checkpointEvery(Form.readInt(checkpointEvery, "Checkpoint every", 1))
                .maxSteps(Form.readLong(maxSteps, "Max steps", 0)).fusion(fusion.getValue())
                .propagation(propagation.getValue()).decoder(decoder.getValue())
                .binarization(binarization.getValue());
        if (!semanticWeight.getText().isBlank()) {
            b.semanticWeight(Form.readDouble(semanticWeight, "Semantic weight"));
        }
        return b.build();
    }

    private void startRun() {
        TrainingRequest r;
        try {
            r = request();
        } catch (IllegalArgumentException e) {
            banner.show(Banner.Kind.ERROR, e.getMessage());
            return;
        }
        banner.hide();
        model.start(r);
        out.setPath(model.newRunFolder()); // the next run gets a folder of its own
    }

    private void openModel() {
        var o = model.outcomeProperty().get();
        if (o != null && o.model() != null) {
            bus.publish(new ModelFileAdded(o.model(), true));
        }
    }

    /** Fills the form from a map of field ids to values (tests and the screenshot program). */
    public void fill(Map<String, String> values) {
        values.forEach((k, v) -> {
            switch (k) {
                case "data" -> data.setPath(Path.of(v));
                case "glove" -> glove.setPath(Path.of(v));
                case "cache" -> cache.setPath(Path.of(v));
                case "out" -> out.setPath(Path.of(v));
                case "split" -> split.setValue(v);
                case "bits" -> bits.setValue(Integer.parseInt(v));
                case "epochs" -> epochs.setText(v);
                case "batch" -> batch.setText(v);
                case "heldOut" -> heldOut.setText(v);
                case "checkpointEvery" -> checkpointEvery.setText(v);
                case "maxSteps" -> maxSteps.setText(v);
                default -> throw new IllegalArgumentException("no field " + k);
            }
        });
    }

    public TrainingModel model() {
        return model;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Training";
    }

    @Override
    public Ikon icon() {
        return MaterialDesignS.SCHOOL_OUTLINE;
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public void onShown() {
        refreshResume();
    }
}
