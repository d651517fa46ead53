package org.sketchfind.engine.cli;

import org.sketchfind.engine.Sketchfind;
import org.sketchfind.engine.data.ImageInfo;
import org.sketchfind.engine.data.ImageLoader;
import org.sketchfind.engine.code.Codes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code encode --model FILE INPUT}: the binary code of a sketch image, a Quick, Draw! drawing, or a photo. */
@Command(name = "encode", mixinStandardHelpOptions = true,
        description = "Print the binary code of a sketch image, the first drawing of an ndjson file, or a photo.")
public final class EncodeCommand implements Callable<Integer> {
    enum As { auto, sketch, photo }

    @Parameters(index = "0", paramLabel = "INPUT", description = "image file or Quick, Draw! .ndjson")
    Path input;

    @Option(names = "--model", paramLabel = "FILE", description = "model file (default: the shipped model)")
    Path model;

    @Option(names = "--as", paramLabel = "KIND", defaultValue = "auto",
            description = "sketch, photo, or auto (default): ndjson and single-channel images are sketches")
    As as;

    @Option(names = "--json", description = "print one JSON object on stdout")
    boolean json;

    @Override
    public Integer call() {
        boolean sketch;
        BufferedImage image;
        try {
            if (QueryInput.isNdjson(input)) {
                sketch = as != As.photo;
                image = QueryInput.firstDrawing(input);
            } else {
                ImageInfo info = ImageLoader.info(input);
                sketch = as == As.sketch || (as == As.auto && info.gray());
                image = QueryInput.image(input);
            }
        } catch (IOException e) {
            System.err.println("sketchfind encode: " + e.getMessage());
            return 2;
        }
        try {
            Sketchfind engine = new Sketchfind(model);
            long[] code = sketch ? engine.encodeSketch(image) : engine.encodePhoto(image);
            int bits = engine.modelInfo().bits();
            String hex = Codes.toHex(code, bits);
            if (json) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("bits", bits);
                out.put("code", hex);
                out.put("encoder", sketch ? "sketch" : "photo");
                out.put("model", engine.modelInfo().name());
                JsonOutput.print(out, System.out);
            } else {
                System.out.println(hex);
            }
            return 0;
        } catch (IOException | RuntimeException e) {
            System.err.println("sketchfind encode: " + e.getMessage());
            return 1;
        }
    }
}
