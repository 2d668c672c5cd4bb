package io.kibly.engine.batch.history;

import io.kibly.engine.batch.BatchPorts;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.partition.PartitionMapper;
import jakarta.batch.api.partition.PartitionPlan;
import jakarta.batch.api.partition.PartitionPlanImpl;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Properties;

/**
 * One partition per window still to read (after a restart, only the unfinished ones), run with as many threads
 * as the provider allows concurrent calls.
 */
@Named
@Dependent
public class WindowPartitionMapper implements PartitionMapper {

    @Inject
    @BatchProperty
    String tenantId;
    @Inject
    @BatchProperty
    String jobId;

    @Override
    public PartitionPlan mapPartitions() {
        HistoricalImport engine = BatchPorts.lookup(HistoricalImport.class);
        List<Integer> windows = engine.unfinishedWindows(tenantId, jobId);
        PartitionPlanImpl plan = new PartitionPlanImpl();
        plan.setPartitions(windows.size());
        plan.setThreads(Math.max(1, Math.min(windows.size(), engine.parallelWindows(tenantId, jobId))));
        // a restart plans again from the engine's checkpoints instead of replaying the previous plan
        plan.setPartitionsOverride(true);
        Properties[] properties = new Properties[windows.size()];
        for (int i = 0; i < windows.size(); i++) {
            properties[i] = new Properties();
            properties[i].setProperty("window", String.valueOf(windows.get(i)));
        }
        plan.setPartitionProperties(properties);
        return plan;
    }
}
