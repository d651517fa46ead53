package org.sketchfind.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One app per catalogue: the first instance holds an OS file lock on {@value #LOCK} in the data folder (released
 * by the OS when it dies, even by kill -9) and listens on a loopback port written to {@value #PORT}. A second
 * instance on the same catalogue does not start: it asks the first to come forward and says so, or, if the first
 * cannot be reached, refuses with a clear message.
 */
public final class SingleInstance implements AutoCloseable {
    static final String LOCK = "app.lock";
    static final String PORT = "app.port";
    private static final String SHOW = "show";
    private static volatile SingleInstance current;

    private final Path dataDir;
    private final FileChannel channel;
    private final FileLock lock;
    private final ServerSocket server;
    private final AtomicReference<Runnable> onActivate = new AtomicReference<>();

    /** What {@link #claim} found. */
    public sealed interface Claim {
        /** This process is the catalogue's app. */
        record Claimed(SingleInstance instance) implements Claim {
        }

        /**
         * Another app holds the catalogue.
         *
         * @param broughtForward whether it answered and was asked to come forward
         */
        record Taken(Path dataDir, boolean broughtForward) implements Claim {
            public String message() {
                return broughtForward
                        ? "Sketchfind is already running on the catalogue in " + dataDir + ": brought its window forward."
                        : "Sketchfind is already running on the catalogue in " + dataDir + " and did not answer. "
                        + "Close it first, or start with --data-dir DIR to use another catalogue.";
            }
        }
    }

    private SingleInstance(Path dataDir, FileChannel channel, FileLock lock, ServerSocket server) {
        this.dataDir = dataDir;
        this.channel = channel;
        this.lock = lock;
        this.server = server;
    }

    /** Claims the catalogue in {@code dataDir} (created if missing) for this process, or finds who holds it. */
    public static Claim claim(Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        FileChannel ch = FileChannel.open(dataDir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock l;
        try {
            l = ch.tryLock();
        } catch (OverlappingFileLockException sameJvm) {
            l = null;
        }
        if (l == null) {
            ch.close();
            return new Claim.Taken(dataDir, askToShow(dataDir));
        }
        ServerSocket server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        SingleInstance s = new SingleInstance(dataDir, ch, l, server);
        Files.writeString(dataDir.resolve(PORT), Integer.toString(server.getLocalPort()), StandardCharsets.UTF_8);
        Thread t = new Thread(s::serve, "sketchfind-instance");
        t.setDaemon(true);
        t.start();
        return new Claim.Claimed(s);
    }

    private static boolean askToShow(Path dataDir) {
        try {
            int port = Integer.parseInt(Files.readString(dataDir.resolve(PORT)).strip());
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
                s.setSoTimeout(3000);
                OutputStream out = s.getOutputStream();
                out.write((SHOW + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                String reply = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8))
                        .readLine();
                return "ok".equals(reply);
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                s.setSoTimeout(3000);
                String line = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8))
                        .readLine();
                if (SHOW.equals(line)) {
                    Runnable r = onActivate.get();
                    if (r != null) {
                        r.run();
                    }
                    s.getOutputStream().write("ok\n".getBytes(StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                // closed, or a client that went away
            }
        }
    }

    /** What to do when a second instance asks this one to come forward (called on the listener's thread). */
    public void setOnActivate(Runnable r) {
        onActivate.set(r);
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The instance this process claimed in its launcher, or null (tests start the app without one). */
    public static SingleInstance current() {
        return current;
    }

    static void setCurrent(SingleInstance s) {
        current = s;
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        try {
            Files.deleteIfExists(dataDir.resolve(PORT));
            lock.release();
            channel.close();
        } catch (IOException e) {
            // the OS releases the lock when the process ends
        }
    }
}
