package org.sketchfind.engine;

import org.sketchfind.engine.code.Codes;
import org.sketchfind.engine.eval.baseline.Baselines;
import org.sketchfind.engine.index.CatalogueService;
import org.sketchfind.engine.index.DataDirs;
import org.sketchfind.engine.index.PhotoEncoder;
import org.sketchfind.engine.model.Backbones;
import org.sketchfind.engine.model.FeatureExtractor;
import org.sketchfind.engine.model.HashingModel;
import org.sketchfind.engine.model.HashingModels;
import org.sketchfind.engine.model.ImagePreprocessor;
import org.sketchfind.engine.model.ModelFile;
import org.sketchfind.engine.model.ModelSummary;
import org.sketchfind.engine.model.ModelsFolder;
import org.sketchfind.engine.data.ClassTable;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The engine's facade: the one door the app and the command line use. An instance is bound to one hashing model
 * (the shipped default, or the file given), loaded on first use, and owns the executor its {@link Job}s run on.
 *
 * <ul>
 *   <li><b>Search</b>: {@link #openCollection} gives the {@link PhotoCollection} (folders, scans as jobs, sketch
 *       search); {@link #encode} gives one image's code.</li>
 *   <li><b>Training</b>: {@link #train} runs a {@link TrainingRequest} as a pausable, cancellable, resumable job;
 *       {@link #cacheFeatures} and {@link #fitItq} prepare features and the ITQ stand-in model.</li>
 *   <li><b>Research</b>: {@link #evaluate}, {@link #paperTable} and {@link #tsne}, all jobs;
 *       {@link #describeDataset} reports a data set.</li>
 * </ul>
 * Everything it hands out is a value type of this package or of the JDK: the outside world never reaches into
 * {@code model}, {@code train}, {@code index} or {@code eval}.
 */
public final class Sketchfind implements AutoCloseable {
    /** The backbone new runs and feature caches use unless told otherwise. */
    public static final String DEFAULT_BACKBONE = Backbones.DEFAULT;

    private final Path modelFile;
    private final Jobs jobs = new Jobs();
    private HashingModel model;
    private ModelSummary summary;

    /** The shipped default model (or {@code -Dsketchfind.model=FILE}). */
    public Sketchfind() {
        this(null);
    }

    /** The given model file (a ZSIH model zip or an ITQ file); null for the default. */
    public Sketchfind(Path modelFile) {
        this.modelFile = modelFile;
    }

    /**
     * The version of this build of Sketchfind (the Maven project version, e.g. {@code 0.1.0-SNAPSHOT}): the one
     * version the command line's {@code --version}, the app's About page and the packages show. Cheap: reads a
     * resource, loads no model.
     */
    public static String version() {
        return Version.VALUE;
    }

    /**
     * Names this process (e.g. {@code "sketchfind index add ~/Pictures"}, {@code "the Sketchfind app"}) for other
     * Sketchfind processes: one whose scan has to wait for this process's scan of the same catalogue says which
     * process it waits for.
     */
    public static void describeProcess(String what) {
        CatalogueService.describeProcess(what);
    }

    /** The frozen backbones features can be computed with. */
    public static List<String> backbones() {
        return Backbones.NAMES;
    }

    /** The baselines {@link #evaluate} knows, in table order. */
    public static List<String> baselines() {
        return Baselines.IDS;
    }

    /** The shipped model files ({@code models/*.zip} and {@code *.itq} of the install), sorted by name. */
    public static List<Path> shippedModels() throws IOException {
        Path dir = ModelsFolder.get();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).filter(f -> {
                String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
                return n.endsWith(".zip") || n.endsWith(".itq");
            }).sorted().toList();
        }
    }

    /** The model file a plain {@code new Sketchfind()} uses ({@code models/default-model} or -Dsketchfind.model). */
    public static Path defaultModelFile() throws IOException {
        return HashingModels.defaultModelFile();
    }

    /**
     * A model file's id, name, bits, backbone and card, read by loading it (checked: format, checksums, backbone).
     * Seconds for a first load of its backbone: call it off a UI thread. An IOException that names the file says why
     * it is not a usable model.
     */
    public static ModelInfo describeModel(Path file) throws IOException {
        HashingModel m = HashingModels.load(file);
        return new ModelInfo(m.id(), m.name(), m.method(), m.bits(), m.backbone().name(), card(file));
    }

    /** The split columns of a data set's {@code classes.tsv} (empty when it has none), in file order. */
    public static List<String> splitColumns(Path data) throws IOException {
        Path table = data.resolve("classes.tsv");
        return Files.isRegularFile(table) ? ClassTable.read(table).splitColumns() : List.of();
    }

    /** The per-user data folder (catalogue, thumbnails, caches): {@code SKETCHFIND_DATA_DIR} or the OS's place. */
    public static Path defaultDataDir() {
        return DataDirs.defaultDataDir();
    }

    /** {@code <per-user data folder>/cache/features}: where backbone features are cached unless told otherwise. */
    public static Path defaultFeatureCache() {
        return defaultDataDir().resolve("cache").resolve("features");
    }

    // ------------------------------------------------------------------------------------------------- the model

    /** The hashing model (loaded on first use, on the backbone it was trained on). */
    synchronized HashingModel model() throws IOException {
        if (model == null) {
            model = HashingModels.load(modelFileOrDefault());
        }
        return model;
    }

    /** The model's id, name and bits, read from its file without loading it (or from the model, once loaded). */
    private synchronized ModelSummary summary() throws IOException {
        if (summary == null) {
            summary = model != null ? ModelSummary.of(model)
                    : ModelSummary.of(modelFileOrDefault());
        }
        return summary;
    }

    private Path modelFileOrDefault() throws IOException {
        return modelFile != null ? modelFile : HashingModels.defaultModelFile();
    }

    /** The model's id, name, bits, backbone and card; loads the model (seconds) on first use. */
    public ModelInfo modelInfo() throws IOException {
        HashingModel m = model();
        return new ModelInfo(m.id(), m.name(), m.method(), m.bits(), m.backbone().name(), card(modelFileOrDefault()));
    }

    /** {@link #modelInfo()} as a job, for callers that must not wait (a UI thread). */
    public Job<ModelInfo> loadModel() {
        return jobs.start("load the model", false, token -> modelInfo());
    }

    private static String card(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry e = zip.getEntry(ModelFile.MODEL_CARD);
            return e == null ? null : new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.util.zip.ZipException notAZip) {
            return null; // an ITQ file has no card
        }
    }

    /** The code of an image under the sketch encoder g ({@code sketch}) or the photo encoder f. */
    public Code encode(BufferedImage image, boolean sketch) throws IOException {
        HashingModel m = model();
        long[] code;
        synchronized (this) {
            code = (sketch ? m.encodeSketches(List.of(image)) : m.encodePhotos(List.of(image)))[0];
        }
        return new Code(m.bits(), Codes.toHex(code, m.bits()), sketch ? "sketch" : "photo", m.name());
    }

    /**
     * A backbone's pooled feature of one image (and its ImageNet top-5 where it has a classifier).
     *
     * @param backbone   one of {@link #backbones()}, or null for the default
     * @param weightsDir the backbone's weights folder, or null for the shipped one (the process's shared session)
     */
    public Embedding embed(Path image, boolean sketch, String backbone, Path weightsDir) throws IOException {
        String name = FeatureWork.backboneName(backbone);
        long t0 = System.nanoTime();
        BufferedImage img = QueryImage.image(image).image();
        long t1 = System.nanoTime();
        FeatureExtractor fx = weightsDir == null ? FeatureExtractor.of(name)
                : new FeatureExtractor(Backbones.load(name, weightsDir));
        long t2 = System.nanoTime();
        ImagePreprocessor.Mode mode = sketch ? ImagePreprocessor.Mode.SKETCH : ImagePreprocessor.Mode.PHOTO;
        FeatureExtractor.Embedding e = fx.embed(img, mode);
        long t3 = System.nanoTime();
        return new Embedding(mode.name().toLowerCase(Locale.ROOT), img.getWidth(), img.getHeight(), e.feature(),
                e.logits(), e.topK(5), (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6, fx.backbone().name());
    }

    /**
     * Writes the ONNX graph ONNX Runtime runs for a backbone (built from its checksummed {@code .npy} weights, the same
     * bytes the engine builds in memory when the backbone loads), e.g. to inspect it with Netron.
     *
     * @param backbone one of {@link #backbones()}, or null for the default
     * @return the bytes written
     */
    public static long exportOnnx(String backbone, Path file) throws IOException {
        byte[] graph = Backbones.shared(FeatureWork.backboneName(backbone)).onnxGraph();
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            java.nio.file.Files.createDirectories(parent);
        }
        java.nio.file.Files.write(file, graph);
        return graph.length;
    }

    // ------------------------------------------------------------------------------------------------ collection

    /**
     * The photo collection stored in {@code dataDir} (null: {@link #defaultDataDir()}), encoded by this engine's
     * model. Blocks while the model loads (seconds, the first time): a UI uses {@link #openCollectionInBackground}.
     * The caller closes it.
     */
    public PhotoCollection openCollection(Path dataDir) throws IOException {
        HashingModel m = model();
        return open(dataDir, ModelSummary.of(m));
    }

    /**
     * The photo collection stored in {@code dataDir} (null: {@link #defaultDataDir()}) as quick commands want it:
     * the model is read only for its id, name and bits, and loads when a photo or a sketch is first encoded (a
     * status, a removal or a rescan that finds nothing new never loads it). With {@code create} false, a folder
     * that holds no catalogue is refused with an IllegalArgumentException that says so, and nothing is written
     * there; with {@code create} true a new catalogue is made. The caller closes it.
     */
    public PhotoCollection openCollectionLazily(Path dataDir, boolean create) throws IOException {
        Path dir = dataDir != null ? dataDir : defaultDataDir();
        if (!create) {
            requireCollection(dir);
        }
        return open(dir, summary());
    }

    /** Whether {@code dataDir} (null: {@link #defaultDataDir()}) holds a catalogue; creates nothing. */
    public static boolean hasCollection(Path dataDir) {
        return CatalogueService.exists(dataDir != null ? dataDir : defaultDataDir());
    }

    /**
     * Refuses a folder ({@code dataDir}, null: {@link #defaultDataDir()}) that holds no catalogue, with an
     * IllegalArgumentException that names it and says whether it exists; creates nothing.
     */
    public static void requireCollection(Path dataDir) {
        Path dir = dataDir != null ? dataDir : defaultDataDir();
        if (!hasCollection(dir)) {
            throw new IllegalArgumentException("no Sketchfind catalogue in " + dir.toAbsolutePath().normalize()
                    + (java.nio.file.Files.isDirectory(dir) ? " (the folder has none)" : " (the folder does not exist)")
                    + "; index add FOLDER creates one");
        }
    }

    private PhotoCollection open(Path dataDir, ModelSummary m) throws IOException {
        PhotoCollection.Binding binding = new PhotoCollection.Binding(
                photoEncoder(m, () -> model(m), this),
                sketchCoder(() -> model(m), this), modelFileOrDefault());
        CatalogueService service = CatalogueService.open(dataDir, binding.photos());
        return new PhotoCollection(service, binding, jobs, false, file -> {
            HashingModel other = HashingModels.load(file);
            return binding(other, file, other);
        });
    }

    /**
     * A model made active on a collection ({@link PhotoCollection#activate}), loaded already: its encoders, their
     * calls serialised on {@code lock} (a model is not thread-safe).
     */
    private static PhotoCollection.Binding binding(HashingModel m, Path file, Object lock) {
        return new PhotoCollection.Binding(photoEncoder(ModelSummary.of(m), () -> m, lock),
                sketchCoder(() -> m, lock), file);
    }

    /** A model source that may load it first (a model loads on first use). */
    private interface ModelSource {
        HashingModel get() throws IOException;
    }

    /** The model's sketch encoder g as the collection's, with its margins where it has them; calls on {@code lock}. */
    private static PhotoCollection.SketchCoder sketchCoder(ModelSource model, Object lock) {
        return new PhotoCollection.SketchCoder() {
            @Override
            public long[] encode(BufferedImage sketch) throws IOException {
                HashingModel loaded = model.get();
                synchronized (lock) {
                    return loaded.encodeSketches(List.of(sketch))[0];
                }
            }

            @Override
            public float[] margins(BufferedImage sketch) throws IOException {
                HashingModel loaded = model.get();
                if (!loaded.hasSketchMargins()) {
                    return null;
                }
                synchronized (lock) {
                    return loaded.sketchMargins(List.of(sketch))[0];
                }
            }
        };
    }

    /** The loaded model, which must be the one {@code expected} describes (codes are stored per model id). */
    private HashingModel model(ModelSummary expected) throws IOException {
        HashingModel m = model();
        if (!m.id().equals(expected.id())) {
            throw new IllegalStateException("the model loaded as " + m.id() + ", its file said " + expected.id());
        }
        return m;
    }

    /** {@link #openCollection} as a job: the model loads on an engine thread. */
    public Job<PhotoCollection> openCollectionInBackground(Path dataDir) {
        return jobs.start("open the collection", false, token -> openCollection(dataDir));
    }

    /**
     * The model's image encoder f as the catalogue's photo encoder, its calls on {@code lock} (a model is not
     * thread-safe); {@code model} may load it first, on the first batch if {@code load()} was not called.
     */
    private static PhotoEncoder photoEncoder(ModelSummary summary, ModelSource model, Object lock) {
        return new PhotoEncoder() {
            @Override
            public String modelId() {
                return summary.id();
            }

            @Override
            public int bits() {
                return summary.bits();
            }

            @Override
            public String displayName() {
                return summary.name();
            }

            @Override
            public boolean hasOutputs() {
                return summary.outputs();
            }

            @Override
            public void load() throws IOException {
                model.get();
            }

            @Override
            public List<long[]> encode(List<BufferedImage> photos) {
                HashingModel loaded = loaded();
                synchronized (lock) {
                    return List.of(loaded.encodePhotos(photos));
                }
            }

            /** One backbone pass: the outputs, and the codes as their signs (Eq. 9). */
            @Override
            public Encoded encodeWithOutputs(List<BufferedImage> photos) {
                if (!summary.outputs()) {
                    return new Encoded(encode(photos), null);
                }
                HashingModel loaded = loaded();
                float[][] margins;
                synchronized (lock) {
                    margins = loaded.photoMargins(photos);
                }
                List<long[]> codes = new java.util.ArrayList<>(margins.length);
                List<byte[]> outputs = new java.util.ArrayList<>(margins.length);
                for (float[] m : margins) {
                    codes.add(org.sketchfind.engine.code.Codes.pack(m, 0f));
                    outputs.add(org.sketchfind.engine.code.CosineScore.quantize(m));
                }
                return new Encoded(codes, outputs);
            }

            private HashingModel loaded() {
                try {
                    return model.get();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    // ------------------------------------------------------------------------------------------ data and research

    /** Detects a data set's layout and reports its classes, counts, zero-shot split and every problem found. */
    public DatasetSummary describeDataset(DatasetRequest request) throws IOException {
        return DatasetDescription.of(request);
    }

    /** Computes (once) and caches the backbone feature maps of a data set's photos and sketches. */
    public Job<FeaturesResult> cacheFeatures(FeaturesRequest request, JobListener<Progress> listener) {
        return jobs.start("backbone features of " + request.data(), false,
                token -> FeatureWork.cache(request, listener, token));
    }

    /** Fits the "ImageNet features + ITQ" model on the seen classes of a data set. */
    public Job<ItqResult> fitItq(ItqRequest request, JobListener<Progress> listener) {
        return jobs.start("ITQ on " + request.data(), false, token -> FeatureWork.itq(request, listener, token));
    }

    /**
     * Trains a ZSIH model on the seen classes of a data set: its backbone features cached first, then the trainer
     * with checkpoints and a CSV log in the run folder and the model file {@code model.zip}. Pausable between steps;
     * a cancelled run writes a checkpoint and ends CANCELLED, and the same request with {@code resume} continues it
     * (so does one after a kill, from its last checkpoint). A request the data or the run folder cannot take fails
     * with an IllegalArgumentException or IllegalStateException that says why, before anything is written.
     */
    public Job<TrainingOutcome> train(TrainingRequest request, JobListener<TrainingEvent> listener) {
        return jobs.start("train " + request.out(), true, token -> TrainingRun.run(request, listener, token));
    }

    /** Retrieval figures of models and baselines side by side; the report folder written. */
    public Job<EvaluationResult> evaluate(EvaluationRequest request, JobListener<Progress> listener) {
        return jobs.start("evaluate", false, token -> Research.evaluate(request, listener, token));
    }

    /** The paper's Table 1/2 layout on the unseen classes, every row measured in this run. */
    public Job<EvaluationResult> paperTable(PaperTableRequest request, JobListener<Progress> listener) {
        return jobs.start("paper table " + request.out(), false,
                token -> Research.paperTable(request, listener, token));
    }

    /** Seen-class retrieval with drawings of another style against the photos the model's training held out. */
    public Job<CrossStyleResult> crossStyle(CrossStyleRequest request, JobListener<Progress> listener) {
        return jobs.start("cross-style", false, token -> Research.crossStyle(request, listener, token));
    }

    /** A sketch and its top photos for a few unseen classes (the paper's Fig. 4), as a PNG. */
    public Job<RetrievalFigureResult> retrievalFigure(RetrievalFigureRequest request, JobListener<Progress> listener) {
        return jobs.start("retrieval figure " + request.out(), false,
                token -> Research.retrievalFigure(request, listener, token));
    }

    /** A 2-D t-SNE of a model's codes of seen and unseen sketches and photos, as CSV and PNG. */
    public Job<TsneResult> tsne(TsneRequest request, JobListener<Progress> listener) {
        return jobs.start("t-SNE", false, token -> Research.tsne(request, listener, token));
    }

    /** Lets running jobs finish and takes no new ones. */
    @Override
    public void close() {
        jobs.close();
    }
}
