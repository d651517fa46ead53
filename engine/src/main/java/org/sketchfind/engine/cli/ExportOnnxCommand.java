package org.sketchfind.engine.cli;

import org.sketchfind.engine.Sketchfind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code export-onnx [--backbone NAME] FILE}: writes the ONNX graph of a backbone, generated from the checksummed
 * {@code .npy} weights in {@code models/<backbone>} (the reproducible step behind ONNX Runtime inference; nothing is
 * downloaded and no {@code .onnx} file is shipped).
 */
@Command(name = "export-onnx", mixinStandardHelpOptions = true,
        description = "Write a backbone's ONNX graph (generated from its .npy weights) to a file.")
public final class ExportOnnxCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "the .onnx file to write")
    Path file;

    @Option(names = "--backbone", paramLabel = "NAME", description = "squeezenet1.1 or mobilenetv2-1.0 (default: the"
            + " default backbone)")
    String backbone;

    @Option(names = "--json", description = "print one JSON object on stdout")
    boolean json;

    @Override
    public Integer call() throws Exception {
        long bytes = Sketchfind.exportOnnx(backbone, file);
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("file", file.toString());
        o.put("backbone", backbone != null ? backbone : Sketchfind.DEFAULT_BACKBONE);
        o.put("bytes", bytes);
        if (json) {
            JsonOutput.print(o, System.out);
        } else {
            System.out.println("wrote " + file + " (" + bytes + " bytes)");
        }
        return 0;
    }
}
