package org.sketchfind.engine.cli;

import org.sketchfind.engine.model.Backbones;
import org.sketchfind.engine.model.FeatureExtractor;
import picocli.CommandLine.Option;

import java.io.IOException;

/** picocli mixin: {@code --backbone NAME}, the frozen backbone whose features a command computes or fits on. */
final class BackboneOption {
    @Option(names = "--backbone", paramLabel = "NAME", completionCandidates = Names.class,
            description = "frozen backbone: ${COMPLETION-CANDIDATES} (default: " + Backbones.DEFAULT + ")")
    String name;

    /** The name given, or {@link Backbones#DEFAULT}; an IllegalArgumentException for an unknown one. */
    String nameOrDefault() {
        return name == null ? Backbones.DEFAULT : Backbones.checkName(name);
    }

    /** The extractor of the chosen backbone (the process's shared ONNX Runtime session). */
    FeatureExtractor extractor() throws IOException {
        return FeatureExtractor.of(nameOrDefault());
    }

    /** The backbone names, for picocli's completion and help. */
    static final class Names implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Backbones.NAMES.iterator();
        }
    }
}
