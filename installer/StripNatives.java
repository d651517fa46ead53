import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Copies a jar that bundles native libraries for every OS keeping only the host platform's: entries under
 * {@code ROOT/<platform>/} of any other platform are left out, and so are debug symbols ({@code .pdb},
 * {@code .dSYM/}) everywhere. Everything else is copied as it is, in the same order with the same times, so the same
 * input gives the same output (reproducible).
 *
 * <pre>java installer/StripNatives.java IN.jar OUT.jar ROOT=PLATFORM [ROOT=PLATFORM…]</pre>
 * e.g. {@code ai/onnxruntime/native/=linux-x64} (ONNX Runtime) and {@code org/sqlite/native/=Linux/x86_64} (SQLite).
 * Prints what it kept and left out on stderr; fails if a ROOT has no entry for PLATFORM (the jar would not run).
 */
public final class StripNatives {
    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: java StripNatives.java IN.jar OUT.jar ROOT=PLATFORM [ROOT=PLATFORM...]");
            System.exit(2);
        }
        Path in = Path.of(args[0]);
        Path out = Path.of(args[1]);
        List<String[]> keep = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            keep.add(new String[]{kv[0].endsWith("/") ? kv[0] : kv[0] + "/", kv[1].endsWith("/") ? kv[1] : kv[1] + "/"});
        }
        long keptBytes = 0;
        long droppedBytes = 0;
        int[] hostEntries = new int[keep.size()];
        Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
        try (InputStream is = Files.newInputStream(in); ZipInputStream zin = new ZipInputStream(is);
             OutputStream os = Files.newOutputStream(tmp); ZipOutputStream zout = new ZipOutputStream(os)) {
            ZipEntry e;
            byte[] buf = new byte[1 << 16];
            while ((e = zin.getNextEntry()) != null) {
                String name = e.getName();
                boolean drop = name.endsWith(".pdb") || name.contains(".dSYM/");
                for (int k = 0; k < keep.size() && !drop; k++) {
                    String root = keep.get(k)[0];
                    if (name.startsWith(root) && name.length() > root.length()) {
                        if (name.startsWith(root + keep.get(k)[1]) || (root + keep.get(k)[1]).startsWith(name)) {
                            hostEntries[k]++;
                        } else {
                            drop = true;
                        }
                    }
                }
                byte[] data = zin.readAllBytes();
                if (drop) {
                    droppedBytes += data.length;
                    continue;
                }
                keptBytes += data.length;
                ZipEntry copy = new ZipEntry(name);
                copy.setTime(e.getTime());
                if (e.getComment() != null) {
                    copy.setComment(e.getComment());
                }
                zout.putNextEntry(copy);
                zout.write(data);
                zout.closeEntry();
            }
        }
        for (int k = 0; k < keep.size(); k++) {
            if (hostEntries[k] == 0) {
                Files.delete(tmp);
                throw new IOException(in + " has nothing under " + keep.get(k)[0] + keep.get(k)[1]
                        + ": not a platform this jar supports");
            }
        }
        Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        System.err.printf("%s: kept %.1f MB, left out %.1f MB of other platforms' natives and debug symbols%n",
                in.getFileName(), keptBytes / 1e6, droppedBytes / 1e6);
    }
}
