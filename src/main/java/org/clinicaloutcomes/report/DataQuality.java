package org.clinicaloutcomes.report;

import java.util.List;

/**
 * What the run made of its input files, for the {@code Data quality} sheet and provenance.
 *
 * @param files    read / accepted / rejected / duplicate counts per file (intake first)
 * @param reasons  rejected rows per file, column and reason, most frequent first
 * @param warnings warnings in the order they arose (unknown columns, dropped exact duplicates);
 *                 they may hold column names from the input, never cell values
 */
public record DataQuality(List<FileCounts> files, List<ReasonCount> reasons, List<String> warnings) {

    public record FileCounts(String file, String sha256, long bytes, long read, long accepted, long rejected,
                             long duplicates) {
    }

    public record ReasonCount(String file, String column, String reason, long rows) {
    }

    /** The reject counts of one file, in the order of {@link #reasons()}. */
    public List<ReasonCount> reasonsOf(String file) {
        return reasons.stream().filter(r -> r.file().equals(file)).toList();
    }
}
