package org.sketchfind.engine.train;

/**
 * How long to train and how to keep state; separate from the model's hyper-parameters ({@code ZsihConfig}).
 *
 * @param epochs          passes over the training sketches (0: no step at all, the model as initialised, e.g. the
 *                        closed-form anchored codes alone)
 * @param maxSteps        stop after this many steps in total even if epochs remain (≤ 0: no limit)
 * @param checkpointEvery write a checkpoint every N steps (≥ 1); one is also written at the end and on cancel
 * @param keepCheckpoints how many recent checkpoints to keep (≥ 1)
 * @param resume          continue from the run folder's last checkpoint if there is one
 * @param validate        compute the seen-class validation mAP after each epoch
 */
public record RunOptions(int epochs, long maxSteps, int checkpointEvery, int keepCheckpoints, boolean resume,
                         boolean validate) {
    public RunOptions {
        if (epochs < 0) {
            throw new IllegalArgumentException("epochs must be 0 or more: " + epochs);
        }
        if (checkpointEvery < 1 || keepCheckpoints < 1) {
            throw new IllegalArgumentException("checkpointEvery and keepCheckpoints must be at least 1");
        }
    }

    public static RunOptions epochs(int epochs) {
        return new RunOptions(epochs, 0, 100, 2, false, true);
    }

    public RunOptions withMaxSteps(long v) {
        return new RunOptions(epochs, v, checkpointEvery, keepCheckpoints, resume, validate);
    }

    public RunOptions withCheckpointEvery(int v) {
        return new RunOptions(epochs, maxSteps, v, keepCheckpoints, resume, validate);
    }

    public RunOptions withResume(boolean v) {
        return new RunOptions(epochs, maxSteps, checkpointEvery, keepCheckpoints, v, validate);
    }

    public RunOptions withValidate(boolean v) {
        return new RunOptions(epochs, maxSteps, checkpointEvery, keepCheckpoints, resume, v);
    }
}
