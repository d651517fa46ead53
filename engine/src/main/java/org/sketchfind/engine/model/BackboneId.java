package org.sketchfind.engine.model;

/**
 * Which frozen backbone produced a set of feature maps or trained a model: its {@link Backbone#name()} and the
 * SHA-256 of its weights ({@link Backbone#weightsSha256()}). Model files, run folders and feature caches record it,
 * so that maps of one backbone are never read by encoders trained on another.
 */
public record BackboneId(String name, String weightsSha256) {
    public BackboneId {
        Backbones.checkName(name);
        if (weightsSha256 == null || !weightsSha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("backbone weights checksum must be 64 hex digits: " + weightsSha256);
        }
    }

    public static BackboneId of(Backbone b) {
        return new BackboneId(b.name(), b.weightsSha256());
    }

    /** The first 8 hex digits of the checksum, for file names and ids. */
    public String shortSha() {
        return weightsSha256.substring(0, 8);
    }

    @Override
    public String toString() {
        return name + "@" + shortSha();
    }
}
