package org.sketchfind.engine.cli;

import org.sketchfind.engine.Sketchfind;
import picocli.CommandLine.Option;

/** picocli mixin: {@code --backbone NAME}, the frozen backbone whose features a command computes or fits on. */
final class BackboneOption {
    @Option(names = "--backbone", paramLabel = "NAME", completionCandidates = Names.class,
            description = "frozen backbone: ${COMPLETION-CANDIDATES} (default: " + Sketchfind.DEFAULT_BACKBONE + ")")
    String name;

    /** The backbone names, for picocli's completion and help. */
    static final class Names implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Sketchfind.backbones().iterator();
        }
    }
}
