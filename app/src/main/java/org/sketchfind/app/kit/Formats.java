package org.sketchfind.app.kit;

/** Human-readable numbers for labels. */
public final class Formats {
    private Formats() {
    }

    /** "42 s", "3 min 05 s", "1 h 02 min"; "—" when unknown (negative or not finite). */
    public static String duration(double seconds) {
        if (!Double.isFinite(seconds) || seconds < 0) {
            return "—";
        }
        long s = Math.round(seconds);
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return String.format("%d min %02d s", s / 60, s % 60);
        }
        return String.format("%d h %02d min", s / 3600, (s % 3600) / 60);
    }

    /** "12.3/s", or "—" when not yet known. */
    public static String rate(double perSecond) {
        if (!Double.isFinite(perSecond) || perSecond <= 0) {
            return "—";
        }
        return perSecond >= 100 ? String.format("%.0f/s", perSecond) : String.format("%.1f/s", perSecond);
    }

    /** The time now as a folder-name stamp, "20261206-221500" (runs, t-SNE and evaluation folders). */
    public static String stamp() {
        return java.time.LocalDateTime.now().format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    }

    /** "1 photo", "3 photos". */
    public static String count(long n, String singular, String plural) {
        return String.format("%,d %s", n, n == 1 ? singular : plural);
    }
}
