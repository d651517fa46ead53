package org.sketchfind.engine.cli;

import org.sketchfind.engine.Embedding;
import org.sketchfind.engine.Sketchfind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code sketchfind embed IMAGE [--sketch] [--backbone NAME] [--json]}: a backbone's pooled feature of one image
 * (global average of its feature map: 512-d for SqueezeNet 1.1, 1280-d for MobileNetV2) and, where the backbone has
 * a classifier, its top-5 ImageNet classes. Timings go to stderr.
 */
@Command(name = "embed", mixinStandardHelpOptions = true,
        description = "Print a backbone's pooled feature of one image (and its ImageNet top-5 where it has a classifier).")
public final class EmbedCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "IMAGE", description = "Image file (photo, or sketch with --sketch).")
    Path image;

    @Option(names = "--sketch", description = "Treat the image as a sketch: pad to a square and resize whole "
            + "(no crop); gray becomes three equal channels. Default: photo (short side 256, centre crop 224).")
    boolean sketch;

    @Option(names = "--json", description = "Print one JSON object: {\"dims\", \"feature\", \"top5\", ...}.")
    boolean json;

    @Option(names = "--weights", paramLabel = "DIR",
            description = "weights folder of the backbone (default: the repository's models/<backbone>).")
    Path weights;

    @picocli.CommandLine.Mixin
    BackboneOption backbone = new BackboneOption();

    @Override
    public Integer call() {
        try (Sketchfind engine = new Sketchfind()) {
            Embedding e = engine.embed(image, sketch, backbone.name, weights);
            System.err.printf(Locale.ROOT, "embed: %s (%dx%d, %s): read %.0f ms, load backbone %.0f ms, "
                            + "preprocess + forward %.0f ms%n", image, e.width(), e.height(), e.mode(), e.msRead(),
                    e.msLoad(), e.msForward());
            if (json) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("image", image.toString());
                out.put("mode", e.mode());
                out.put("dims", e.feature().length);
                out.put("feature", e.feature());
                List<Map<String, Object>> top5 = new ArrayList<>();
                for (int k : e.top5()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("class_index", k);
                    m.put("logit", e.logits()[k]);
                    top5.add(m);
                }
                out.put("top5", top5);
                out.put("ms_forward", Math.round(e.msForward() * 100) / 100.0);
                out.put("backbone", e.backbone());
                JsonOutput.print(out, System.out);
            } else {
                StringBuilder sb = new StringBuilder();
                sb.append("dims ").append(e.feature().length).append('\n').append("feature");
                for (float f : e.feature()) {
                    sb.append(' ').append(f);
                }
                if (e.logits() != null) {
                    sb.append('\n').append("top5 (ImageNet class index: logit)");
                    for (int k : e.top5()) {
                        sb.append(String.format(Locale.ROOT, " %d:%.3f", k, e.logits()[k]));
                    }
                }
                System.out.println(sb);
            }
            return 0;
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("sketchfind embed: " + e.getMessage());
            return 2;
        }
    }
}
