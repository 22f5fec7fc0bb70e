package org.clinicaloutcomes.batch;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * The partitions of a run's analysis ({@code --partitions}): one execution context per partition,
 * {@code partition0} to {@code partition<N−1>}, holding its number. The grid size Spring Batch
 * passes is not used: the count is the run's.
 */
final class AnalysisPartitioner implements Partitioner {

    /** The key of a partition's number in its step execution context. */
    static final String PARTITION = "analysis.partition";

    private final int partitions;

    AnalysisPartitioner(int partitions) {
        this.partitions = partitions;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        Map<String, ExecutionContext> contexts = new LinkedHashMap<>();
        for (int p = 0; p < partitions; p++) {
            ExecutionContext context = new ExecutionContext();
            context.putInt(PARTITION, p);
            contexts.put("partition" + p, context);
        }
        return contexts;
    }
}
