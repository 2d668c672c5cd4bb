package io.kibly.engine.batch.census;

import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * Adds each chunk to the tally kept in the step's persistent user data (so a restarted job continues from its
 * last checkpoint) and publishes the running tally as the job's exit status.
 */
@Named
@Dependent
public class StatusTallyWriter extends AbstractItemWriter {

    @Inject
    JobContext jobContext;

    @Inject
    StepContext stepContext;

    @Override
    public void writeItems(List<Object> items) {
        StatusTally tally = stepContext.getPersistentUserData() instanceof StatusTally saved ? saved : new StatusTally();
        tally.addAll(items);
        stepContext.setPersistentUserData(tally);
        jobContext.setExitStatus(tally.asExitStatus());
    }
}
