package org.sketchfind.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Training through the facade on src-test-data with the real backbone and the full-size network: a job that pauses
 * between steps, stops on cancel with a checkpoint, and continues from it when the same request resumes.
 */
class TrainingJobTest {
    @TempDir
    Path tmp;

    @Test
    void aTrainingJobPausesCancelsWithACheckpointAndResumes() throws Exception {
        Path run = tmp.resolve("run");
        TrainingRequest.Builder b = TrainingRequest.builder(TestData.path("sketchy"), run)
                .glove(TestData.path("glove", "glove.6B.100d.subset.txt")).cache(tmp.resolve("cache"))
                .bits(16).batch(16).heldOut(1).epochs(2).checkpointEvery(1).maxSteps(3);
        List<TrainingEvent> events = new CopyOnWriteArrayList<>();
        AtomicReference<Job<TrainingOutcome>> job = new AtomicReference<>();
        try (Sketchfind engine = new Sketchfind()) {
            job.set(engine.train(b.build(), new JobListener<>() {
                @Override
                public void onProgress(TrainingEvent e) {
                    events.add(e);
                    if (e instanceof TrainingEvent.Step s && s.step() == 1 && job.get() != null) {
                        job.get().pause(); // held right after this step
                    }
                }
            }));
            assertTrue(job.get().pausable());
            long end = System.nanoTime() + 300_000_000_000L;
            while (!job.get().isPaused() || steps(events) == 0) {
                assertTrue(System.nanoTime() < end, "first step done");
                assertFalse(job.get().isDone(), () -> "ended early: " + job.get().future());
                Thread.sleep(20);
            }
            Thread.sleep(1500);
            assertEquals(1, steps(events), "no step while paused");
            job.get().cancel();
            TrainingOutcome cancelled = job.get().await();
            assertEquals(TrainingOutcome.Status.CANCELLED, cancelled.status());
            assertEquals(1, cancelled.steps());
            assertNull(cancelled.model());
            assertTrue(events.stream().anyMatch(e -> e instanceof TrainingEvent.Prepared p && p.classes() == 8),
                    "8 seen classes train");
            assertTrue(events.stream().anyMatch(e -> e instanceof TrainingEvent.Checkpoint c && c.step() == 1));
            try (Stream<Path> s = Files.list(run.resolve("checkpoints"))) {
                assertTrue(s.findAny().isPresent(), "a checkpoint to resume from");
            }

            events.clear();
            TrainingOutcome resumed = engine.train(b.resume(true).maxSteps(2).build(), new JobListener<>() {
                @Override
                public void onProgress(TrainingEvent e) {
                    events.add(e);
                }
            }).await();
            TrainingEvent.Started started = (TrainingEvent.Started) events.stream()
                    .filter(e -> e instanceof TrainingEvent.Started).findFirst().orElseThrow();
            assertTrue(started.resumed());
            assertEquals(1, started.firstStep(), "continues from the cancelled run's checkpoint");
            assertEquals(TrainingOutcome.Status.COMPLETED, resumed.status());
            assertEquals(2, resumed.steps());
            assertEquals(1, steps(events), "one more step, not two");
            assertTrue(Files.isRegularFile(resumed.model()));
        }
    }

    @Test
    void aRequestTheDataCannotTakeIsRefusedBeforeAnythingIsWritten() throws Exception {
        Path run = tmp.resolve("refused");
        try (Sketchfind engine = new Sketchfind()) {
            Job<TrainingOutcome> job = engine.train(TrainingRequest.builder(TestData.path("tu-berlin"), run)
                    .glove(TestData.path("glove", "glove.6B.100d.subset.txt")).build(), JobListener.none());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, job::await);
            assertTrue(e.getMessage().contains("no classes.tsv with a column"), e.getMessage());
            Job<TrainingOutcome> noGlove = engine.train(TrainingRequest.builder(TestData.path("sketchy"), run)
                    .glove(tmp.resolve("absent.txt")).build(), JobListener.none());
            assertTrue(assertThrows(IllegalArgumentException.class, noGlove::await).getMessage()
                    .contains("no GloVe vectors"));
        }
        assertFalse(Files.exists(run));
    }

    private static long steps(List<TrainingEvent> events) {
        return events.stream().filter(e -> e instanceof TrainingEvent.Step).count();
    }
}
