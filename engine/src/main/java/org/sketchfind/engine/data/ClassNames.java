package org.sketchfind.engine.data;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Class-name normalisation, so that folder names ({@code car_(sedan)}, {@code hot-air_balloon}), Quick, Draw! words
 * ({@code hot air balloon}) and {@code classes.tsv} names meet: lower case, {@code _} {@code -} and runs of white
 * space become one space, parentheses are dropped but their words kept ({@code car_(sedan)} → "car sedan").
 * {@link #withoutParenthetical} also drops the parenthesised words ({@code car_(sedan)} → "car"), as a looser key.
 */
public final class ClassNames {
    private static final Pattern SEPARATORS = Pattern.compile("[\\s_\\-]+");
    private static final Pattern PARENS = Pattern.compile("[()\\[\\]]");
    private static final Pattern PARENTHETICAL = Pattern.compile("[(\\[][^)\\]]*[)\\]]");

    private ClassNames() {
    }

    /** "Car_(Sedan)" → "car sedan"; "hot-air_balloon" → "hot air balloon". */
    public static String normalise(String name) {
        String s = PARENS.matcher(name.toLowerCase(Locale.ROOT)).replaceAll(" ");
        return SEPARATORS.matcher(s).replaceAll(" ").trim();
    }

    /** "car_(sedan)" → "car": the normalised name without parenthesised words. */
    public static String withoutParenthetical(String name) {
        return normalise(PARENTHETICAL.matcher(name).replaceAll(" "));
    }

    /** The name split into words on {@code _}, {@code -}, white space and parentheses. */
    public static String[] tokens(String name) {
        String n = normalise(name);
        return n.isEmpty() ? new String[0] : n.split(" ");
    }
}
