package org.sketchfind.engine.data;

/** An item that belongs to a class (by the class's name as the data source spells it). */
public interface Labeled {
    String className();
}
