package org.sketchfind.engine.train;

import org.sketchfind.engine.model.ModelManifest;
import org.sketchfind.engine.model.ZsihConfig;

import java.util.Locale;
import java.util.Map;

/** The {@code model-card.md} of a model file: data, split, hyper-parameters, training time, metrics. */
final class ModelCard {
    private ModelCard() {
    }

    static String render(ModelManifest m, TrainingData data, long parameters, double trainingSeconds) {
        ZsihConfig c = m.config();
        StringBuilder sb = new StringBuilder();
        sb.append("# Sketchfind ZSIH model, ").append(c.bits()).append(" bits\n\n");
        sb.append("Zero-Shot Sketch-Image Hashing (Shen et al., CVPR 2018) trained by Sketchfind.\n\n");
        sb.append("## Data\n");
        sb.append("- Split: ").append(m.split()).append(" (seen classes only)\n");
        sb.append("- Seen classes (").append(m.classNames().size()).append("): ")
                .append(String.join(", ", m.classNames())).append('\n');
        sb.append(String.format(Locale.ROOT, "- Training items: %d sketches, %d photos; held out for validation:"
                        + " %d sketches, %d photos%n", data.trainSketches().length, data.trainPhotos().length,
                data.valSketches().length, data.valPhotos().length));
        if (!data.validationClassNames().isEmpty()) {
            sb.append("- Validation: ").append(data.validationClassNames().size()).append(" seen classes held out"
                    + " whole as a zero-shot proxy (they did not train): ")
                    .append(String.join(", ", data.validationClassNames())).append('\n');
        }
        sb.append("- Semantic vectors: ").append(c.semanticDim()).append("-d class vectors\n");
        sb.append(String.format(Locale.ROOT, "- Input: feature maps %dx%dx%d of the frozen backbone %s (weights:"
                        + " SHA-256 of SHA256SUMS %s)%n%n", c.featureChannels(), c.featureHeight(), c.featureWidth(),
                m.backboneName(), m.backboneWeightsSha256()));
        sb.append("## Hyper-parameters\n");
        sb.append(String.format(Locale.ROOT, "- M = %d bits, batch %d pairs, t = %g, Adam lr %g, seed %d, "
                        + "%d Monte-Carlo sample(s)%n", c.bits(), c.batchSize(), c.t(), c.learningRate(), c.seed(),
                c.mcSamples()));
        if (c.binarization() == ZsihConfig.Binarization.STOCHASTIC) {
            sb.append(String.format(Locale.ROOT, "- Weight of log q (beta) %g, reached after a linear warm-up of %d"
                    + " steps (paper: 1, no warm-up)%n", c.entropyWeight(), c.entropyWarmupSteps()));
        } else {
            sb.append(String.format(Locale.ROOT, "- No log q (deterministic codes): quantisation loss weight %g,"
                    + " bit-decorrelation weight %g%n", c.quantizationWeight(), c.decorrelationWeight()));
        }
        if (c.semanticWeight() > 0) {
            sb.append(String.format(Locale.ROOT, "- Encoder-side semantic term (not in the paper): weight %g on"
                    + " (1/2D)(|s - mu(f(x))|^2 + |s - mu(g(y))|^2)%n", c.semanticWeight()));
        }
        if (c.anchorWeight() > 0) {
            sb.append(String.format(Locale.ROOT, "- Anchored codes (not in the paper): encoders started from the"
                    + " closed-form solution (photo codes: between-class eigenvectors of the seen photos' features,"
                    + " ITQ-rotated; sketch codes: ridge regression onto their class's photo codes) and held near it"
                    + " with weight %g on (1/2M)(|f(x) - f0(x)|^2 + |g(y) - g0(y)|^2)%n", c.anchorWeight()));
        }
        GraphReach.ofRun(c, m.classVectors()).ifPresent(r -> sb.append("- ").append(r.describe()).append('\n'));
        sb.append(String.format(Locale.ROOT, "- Fusion %s, propagation %s, decoder %s, binarisation %s%n",
                c.fusion(), c.propagation(), c.decoder(), c.binarization()));
        sb.append(String.format(Locale.ROOT, "- Widths: attention %d, encoder feature %d, Eq. 2 projection %d,"
                        + " Eq. 3 hidden %d; %,d trainable parameters%n%n", c.attentionHidden(), c.embedDim(),
                c.fusionDim(), c.gcnHidden(), parameters));
        sb.append("## Training\n");
        sb.append(String.format(Locale.ROOT, "- %d steps, %.1f s of training%n", m.trainingSteps(),
                trainingSeconds));
        sb.append("- Stochastic neurons: straight-through through the sigmoid (Dai et al. 2017's distributional"
                + " derivative)\n\n");
        sb.append("## Metrics\n");
        if (m.metrics().isEmpty()) {
            sb.append("- none measured\n");
        }
        for (Map.Entry<String, Double> e : m.metrics().entrySet()) {
            sb.append(String.format(Locale.ROOT, "- %s: %.6g%n", e.getKey(), e.getValue()));
        }
        if (data.validationClassNames().isEmpty()) {
            sb.append("\nValidation mAP is sketch-to-photo Hamming ranking on held-out items of the seen classes; it"
                    + " says nothing about zero-shot (unseen-class) retrieval.\n");
        } else {
            sb.append("\nValidation mAP is sketch-to-photo Hamming ranking on the held-out seen classes above: a"
                    + " zero-shot proxy that never touches the split's unseen classes.\n");
        }
        return sb.toString();
    }
}
