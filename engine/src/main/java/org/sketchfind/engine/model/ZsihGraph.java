package org.sketchfind.engine.model;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The whole trainable ZSIH graph in SameDiff (paper Sec. 2, Fig. 2), on top of cached backbone feature maps:
 * <pre>
 * sketch maps ─ g: attention pooling → FC 256 → FC+σ → g(y) ─────────────────────────┐
 *            └──────────── h_sk ─┐                                                    │ Eq. 7:
 *                                ├ Eq. 2 Kronecker fusion → Eq. 3 GCN ×2 → z          ├ decoder NLL (Eq. 6)
 *            ┌──────────── h_im ─┘        (Â from class vectors, t)   │                │ + log q (Eq. 4–5)
 * image maps ─ f: attention pooling → FC 256 → FC+σ → f(x)            ├ Eq. 4–5 b̃ ────┤ + (1/2M)‖f−b̃‖²
 *                                                                                     │ + (1/2M)‖g−b̃‖²
 * </pre>
 * With {@link ZsihConfig#semanticWeight} λ &gt; 0 (not in the paper) the loss also has
 * λ·(1/2D)(‖s − μ(f(x))‖² + ‖s − μ(g(y))‖²), the encoders' codes read by the decoder's mean
 * ({@link GaussianDecoder#encoderSemanticError}). With {@link ZsihConfig#anchorWeight} λ_a &gt; 0 (not in the paper)
 * it has λ_a·(1/2M)(‖f(x) − f₀(x)‖² + ‖g(y) − g₀(y)‖²), the encoders held near their closed-form starting outputs
 * f₀, g₀ ({@link AnchoredEncoders}), fed per pair through {@link #ANCHOR_IMAGE} and {@link #ANCHOR_SKETCH} [N, M].
 * Placeholders: {@link #SKETCH_MAPS} and {@link #IMAGE_MAPS} [N, C, H, W]; {@link #CLASS_VECTORS} [N, D] (Gaussian
 * decoder and the graph of Eq. 3); {@link #U} [K, N, M], the ε of Eq. 4 (stochastic neurons only); {@link #LABELS}
 * [N, classes] one-hot (classifier ablation only); {@link #ENTROPY_WEIGHT}, the scalar β of log q at this step
 * (stochastic neurons only; see {@link ZsihConfig#entropyWeightAt}). The loss terms are the scalar variables {@link #lossTerms()};
 * {@link #TOTAL} is their sum and the training loss.
 */
public final class ZsihGraph {
    public static final String SKETCH_MAPS = "sketch_maps";
    public static final String IMAGE_MAPS = "image_maps";
    public static final String CLASS_VECTORS = "class_vectors";
    public static final String U = "u";
    public static final String LABELS = "labels";
    /** Scalar placeholder β, the weight of log q in the training loss (stochastic neurons only). */
    public static final String ENTROPY_WEIGHT = "entropy_weight";
    public static final String TOTAL = "loss_total";
    /** The encoder-side semantic terms (only when {@link ZsihConfig#semanticWeight} &gt; 0; not in the paper). */
    public static final String IMAGE_SEMANTIC = "loss_image_semantic";
    public static final String SKETCH_SEMANTIC = "loss_sketch_semantic";
    /** The anchored codes' targets f₀(x) and g₀(y) [N, M] (only when {@link ZsihConfig#anchorWeight} &gt; 0). */
    public static final String ANCHOR_IMAGE = "anchor_image";
    public static final String ANCHOR_SKETCH = "anchor_sketch";
    public static final String IMAGE_ANCHOR = "loss_image_anchor";
    public static final String SKETCH_ANCHOR = "loss_sketch_anchor";
    public static final String IMAGE_OUT = HashEncoder.IMAGE + "out";
    public static final String SKETCH_OUT = HashEncoder.SKETCH + "out";

    private final SameDiff sd;
    private final ZsihConfig cfg;
    private final int numClasses;
    private final DataType dtype;
    private final List<String> lossTerms;

    private ZsihGraph(SameDiff sd, ZsihConfig cfg, int numClasses, DataType dtype, List<String> lossTerms) {
        this.sd = sd;
        this.cfg = cfg;
        this.numClasses = numClasses;
        this.dtype = dtype;
        this.lossTerms = Collections.unmodifiableList(lossTerms);
    }

    /**
     * Builds the training graph.
     *
     * @param numClasses number of seen classes (used only by the classifier ablation)
     * @param dtype      FLOAT for training, DOUBLE for gradient checks
     */
    public static ZsihGraph build(ZsihConfig cfg, int numClasses, DataType dtype) {
        SameDiff sd = SameDiff.create();
        Params p = new Params(sd, dtype, cfg.seed());
        long[] mapShape = {-1, cfg.featureChannels(), cfg.featureHeight(), cfg.featureWidth()};
        SDVariable skMaps = sd.placeHolder(SKETCH_MAPS, dtype, mapShape);
        SDVariable imMaps = sd.placeHolder(IMAGE_MAPS, dtype, mapShape);

        HashEncoder.Outputs g = HashEncoder.build(p, HashEncoder.SKETCH, skMaps, cfg);
        HashEncoder.Outputs f = HashEncoder.build(p, HashEncoder.IMAGE, imMaps, cfg);

        SDVariable fused = KroneckerFusion.build(p, g.feature(), f.feature(), cfg);
        boolean needVectors = cfg.propagation() == ZsihConfig.Propagation.GRAPH_CONVOLUTION
                || cfg.decoder() == ZsihConfig.Decoder.GAUSSIAN;
        SDVariable s = needVectors ? sd.placeHolder(CLASS_VECTORS, dtype, -1, cfg.semanticDim()) : null;
        SDVariable adj = cfg.propagation() == ZsihConfig.Propagation.GRAPH_CONVOLUTION
                ? SemanticGraph.normalizedAdjacency(sd, s, cfg.t()) : null;
        SDVariable h1 = GraphConvolution.build(p, "gcn1", adj, fused, cfg.fusedDim(), cfg.gcnHidden(),
                GraphConvolution.Activation.RELU);
        SDVariable z = GraphConvolution.build(p, "gcn2", adj, h1, cfg.gcnHidden(), cfg.bits(),
                GraphConvolution.Activation.LOGITS);

        List<String> terms = new ArrayList<>();
        SDVariable codes;
        List<SDVariable> parts = new ArrayList<>();
        if (cfg.binarization() == ZsihConfig.Binarization.STOCHASTIC) {
            SDVariable u = sd.placeHolder(U, dtype, cfg.mcSamples(), -1, cfg.bits());
            StochasticBinaryNeuron.Outputs sbn = StochasticBinaryNeuron.build(sd, z, u);
            codes = sbn.codes();
        } else {
            SDVariable probs = sd.nn().sigmoid("code_probs", z);
            codes = sd.expandDims(probs, 0);                                  // K = 1: deterministic codes
            if (cfg.mcSamples() != 1) {
                throw new IllegalArgumentException("the quantisation ablation is deterministic: use 1 MC sample");
            }
        }

        SDVariable dec;
        if (cfg.decoder() == ZsihConfig.Decoder.GAUSSIAN) {
            dec = GaussianDecoder.negativeLogLikelihood(p, codes, s, cfg);
        } else {
            if (numClasses < 2) {
                throw new IllegalArgumentException("the classifier ablation needs at least 2 seen classes");
            }
            SDVariable labels = sd.placeHolder(LABELS, dtype, -1, numClasses);
            dec = ClassifierDecoder.crossEntropy(p, codes, labels, numClasses, cfg);
        }
        terms.add(dec.name());
        parts.add(dec);

        if (cfg.binarization() == ZsihConfig.Binarization.STOCHASTIC) {
            SDVariable logQ = CodeLoss.logQ(sd, z, codes);
            SDVariable beta = sd.placeHolder(ENTROPY_WEIGHT, dtype);           // a scalar, fed every step
            terms.add(logQ.name());                                          // logged unweighted
            parts.add(logQ.mul(beta));
        } else {
            SDVariable probs = sd.getVariable("code_probs");
            SDVariable q = QuantizationLoss.quantization(sd, probs, cfg.bits()).mul(cfg.quantizationWeight());
            SDVariable dc = QuantizationLoss.decorrelation(sd, probs, cfg.bits(), dtype)
                    .mul(cfg.decorrelationWeight());
            terms.add("loss_quantization");
            terms.add("loss_decorrelation");
            parts.add(q);
            parts.add(dc);
        }
        SDVariable imTerm = CodeLoss.encoderToCode(sd, "loss_image_code", f.output(), codes, cfg.bits());
        SDVariable skTerm = CodeLoss.encoderToCode(sd, "loss_sketch_code", g.output(), codes, cfg.bits());
        terms.add(imTerm.name());
        terms.add(skTerm.name());
        parts.add(imTerm);
        parts.add(skTerm);
        if (cfg.semanticWeight() > 0) {                                      // not in the paper: see ZsihConfig
            SDVariable imSem = GaussianDecoder.encoderSemanticError(sd, IMAGE_SEMANTIC, f.output(), s, cfg);
            SDVariable skSem = GaussianDecoder.encoderSemanticError(sd, SKETCH_SEMANTIC, g.output(), s, cfg);
            terms.add(imSem.name());                                         // logged unweighted, like log q
            terms.add(skSem.name());
            parts.add(imSem.add(skSem).mul(cfg.semanticWeight()));
        }
        if (cfg.anchorWeight() > 0) {                                        // not in the paper: see ZsihConfig
            SDVariable f0 = sd.placeHolder(ANCHOR_IMAGE, dtype, -1, cfg.bits());
            SDVariable g0 = sd.placeHolder(ANCHOR_SKETCH, dtype, -1, cfg.bits());
            SDVariable imAnchor = CodeLoss.encoderToCode(sd, IMAGE_ANCHOR, f.output(), sd.expandDims(f0, 0),
                    cfg.bits());
            SDVariable skAnchor = CodeLoss.encoderToCode(sd, SKETCH_ANCHOR, g.output(), sd.expandDims(g0, 0),
                    cfg.bits());
            terms.add(imAnchor.name());                                      // logged unweighted
            terms.add(skAnchor.name());
            parts.add(imAnchor.add(skAnchor).mul(cfg.anchorWeight()));
        }

        SDVariable total = parts.get(0);
        for (int i = 1; i < parts.size(); i++) {
            total = total.add(parts.get(i));
        }
        total = total.rename(TOTAL);
        terms.add(TOTAL);
        sd.setLossVariables(TOTAL);
        return new ZsihGraph(sd, cfg, numClasses, dtype, terms);
    }

    public SameDiff sameDiff() {
        return sd;
    }

    public ZsihConfig config() {
        return cfg;
    }

    public int numClasses() {
        return numClasses;
    }

    public DataType dtype() {
        return dtype;
    }

    /** Names of the scalar loss terms, the last one {@link #TOTAL}. */
    public List<String> lossTerms() {
        return lossTerms;
    }

    /** Names of all trainable variables, sorted. */
    public List<String> parameterNames() {
        List<String> names = new ArrayList<>();
        for (SDVariable v : sd.variables()) {
            if (v.getVariableType() == VariableType.VARIABLE) {
                names.add(v.name());
            }
        }
        Collections.sort(names);
        return names;
    }

    /** Names of both encoders' variables (what a model file stores), image encoder first. */
    public static List<String> encoderParameterNames() {
        List<String> names = new ArrayList<>(List.of(HashEncoder.parameterNames(HashEncoder.IMAGE)));
        names.addAll(List.of(HashEncoder.parameterNames(HashEncoder.SKETCH)));
        return names;
    }

    /** Number of trainable parameters. */
    public long parameterCount() {
        long n = 0;
        for (String name : parameterNames()) {
            n += sd.getVariable(name).getArr().length();
        }
        return n;
    }
}
