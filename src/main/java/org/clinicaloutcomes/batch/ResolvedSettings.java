package org.clinicaloutcomes.batch;

import java.nio.file.Path;
import java.util.Optional;

import org.clinicaloutcomes.ingest.InputFileKind;
import org.clinicaloutcomes.metrics.ReportWindow;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * The window and output folder a run resolves to (REPORTS.md, "--restart": "the same
 * parameters" are the resolved ones), worked out the way the window step does, from the
 * facts an earlier run's ingest left in its job context. Two runs of the same inputs resolve
 * their defaults from the same facts, so {@code --month=2026-01} and a run that left the month to
 * its default and got 2026-01 are the same.
 *
 * @param from   first day of the window
 * @param to     last day of the window
 * @param label  the report's label (its month, or {@code <from>_<to>})
 * @param output the output folder, absolute
 */
public record ResolvedSettings(String from, String to, String label, Path output) {

    /**
     * The resolved settings of {@code run} with the facts of {@code context}, the job context of
     * an earlier run on the same inputs; empty until that run's ingest steps completed (before,
     * the facts are incomplete), or when the data leave the window open.
     */
    public static Optional<ResolvedSettings> of(RunParameters run, ExecutionContext context) {
        JobFacts facts = JobFacts.of(context);
        if (!facts.counted(InputFileKind.SESSIONS)) {
            return Optional.empty();
        }
        ReportWindow window;
        try {
            window = ResolveWindowTasklet.resolve(run, facts);
        } catch (RunRefused e) {
            return Optional.empty();
        }
        return Optional.of(new ResolvedSettings(window.from().toString(), window.to().toString(), window.label(),
                ResolveWindowTasklet.outputFolder(run, window)));
    }
}
