package org.sketchfind.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * One app per catalogue: a second claim on the same data folder does not get it and brings the first forward; a
 * released catalogue can be claimed again; a data folder that is a file is refused in one sentence, without the
 * misleading "another Sketchfind" guess.
 */
class SingleInstanceTest {
    @TempDir
    Path tmp;

    @Test
    void aSecondAppOnTheSameCatalogueBringsTheFirstForward() throws Exception {
        Path data = tmp.resolve("data");
        SingleInstance.Claim first = SingleInstance.claim(data);
        SingleInstance held = ((SingleInstance.Claim.Claimed) first).instance();
        CountDownLatch shown = new CountDownLatch(1);
        held.setOnActivate(shown::countDown);
        try {
            SingleInstance.Claim second = SingleInstance.claim(data);
            SingleInstance.Claim.Taken taken = assertInstanceOf(SingleInstance.Claim.Taken.class, second);
            assertTrue(taken.broughtForward());
            assertTrue(shown.await(5, TimeUnit.SECONDS), "the first app was asked to come forward");
            assertTrue(taken.message().contains("already running") && taken.message().contains(data.toString()),
                    taken.message());
            // another catalogue is free
            SingleInstance.Claim other = SingleInstance.claim(tmp.resolve("other"));
            ((SingleInstance.Claim.Claimed) assertInstanceOf(SingleInstance.Claim.Claimed.class, other))
                    .instance().close();
        } finally {
            held.close();
        }
        SingleInstance.Claim again = SingleInstance.claim(data);
        ((SingleInstance.Claim.Claimed) assertInstanceOf(SingleInstance.Claim.Claimed.class, again)).instance()
                .close();
    }

    @Test
    void aHolderThatDoesNotAnswerIsAClearRefusal() throws Exception {
        Path data = tmp.resolve("data");
        SingleInstance held = ((SingleInstance.Claim.Claimed) SingleInstance.claim(data)).instance();
        try {
            Files.writeString(data.resolve(SingleInstance.PORT), "1"); // nobody listens there
            SingleInstance.Claim.Taken taken = (SingleInstance.Claim.Taken) SingleInstance.claim(data);
            assertFalse(taken.broughtForward());
            assertTrue(taken.message().contains("--data-dir"), taken.message());
        } finally {
            held.close();
        }
    }

    @Test
    void aDataFolderThatIsAFileIsNamedAsSuch() throws Exception {
        Path file = Files.writeString(tmp.resolve("notes.txt"), "x");
        assertEquals("--data-dir " + file + " is a file, not a folder: name a folder (it is created if missing)",
                AppPaths.dataDirProblem(file, true));
        assertTrue(AppPaths.dataDirProblem(file.resolve("sub"), true).contains("which is a file"));
        assertNull(AppPaths.dataDirProblem(tmp.resolve("new/folder"), true), "a folder to be created is fine");
        assertNull(AppPaths.dataDirProblem(tmp, false));
    }
}
