package org.sketchfind.engine.model;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Where the shipped models live: {@code <root>/models}, root being the system property {@code sketchfind.root}
 * (set by {@code ./sketchfind}, {@code ./sketchfind-app}, the installer's launcher and the test runner), or else the
 * first folder above the working directory that holds {@code models/squeezenet1.1}.
 */
public final class ModelsFolder {
    private ModelsFolder() {
    }

    public static Path get() {
        Path marker = Paths.get("squeezenet1.1");
        String root = System.getProperty("sketchfind.root");
        if (root != null && !root.isBlank() && Files.isDirectory(Paths.get(root, "models").resolve(marker))) {
            return Paths.get(root, "models").toAbsolutePath().normalize();
        }
        for (Path p = Paths.get("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("models").resolve(marker))) {
                return p.resolve("models").normalize();
            }
        }
        return Paths.get("").toAbsolutePath().resolve("models");
    }
}
