package org.sketchfind.engine.cli;

import org.sketchfind.engine.Code;
import org.sketchfind.engine.QueryImage;
import org.sketchfind.engine.Sketchfind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

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
        QueryImage query;
        try {
            query = QueryImage.read(input);
        } catch (IOException e) {
            System.err.println("sketchfind encode: " + e.getMessage());
            return 2;
        }
        boolean sketch = query.drawing() ? as != As.photo : as == As.sketch || (as == As.auto && query.gray());
        try (Sketchfind engine = new Sketchfind(model)) {
            Code code = engine.encode(query.image(), sketch);
            if (json) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("bits", code.bits());
                out.put("code", code.hex());
                out.put("encoder", code.encoder());
                out.put("model", code.model());
                JsonOutput.print(out, System.out);
            } else {
                System.out.println(code.hex());
            }
            return 0;
        } catch (IOException | RuntimeException e) {
            System.err.println("sketchfind encode: " + e.getMessage());
            return 1;
        }
    }
}
