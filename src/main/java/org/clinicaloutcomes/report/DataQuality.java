package org.clinicaloutcomes.report;

import java.util.List;

/**
 * What the run made of its input files, for the {@code Data quality} sheet and provenance.
 *
 * @param files    read / accepted / rejected / duplicate counts per file (intake first)
 * @param reasons  rejected rows per file, column and reason, most frequent first
 * @param warnings warnings in the order they arose (unknown columns, dropped exact duplicates);
 *                 they may hold column names from the input, never cell values
 * @param scoreCells a researcher's export's score cells per configured instrument, read and
 *                 rejected (a bad score cell rejects that cell only, its row stands); empty for
 *                 the pipeline's own files
 */
public record DataQuality(List<FileCounts> files, List<ReasonCount> reasons, List<String> warnings,
                          List<DataQualityVerdict.ScoreCells> scoreCells) {

    public DataQuality {
        scoreCells = List.copyOf(scoreCells);
    }

    /** The counts of the pipeline's own files, which have no score cells of their own. */
    public DataQuality(List<FileCounts> files, List<ReasonCount> reasons, List<String> warnings) {
        this(files, reasons, warnings, List.of());
    }

    /**
     * The counts of one input file.
     *
     * @param skipped the rows of an export by wave at a wave the job file does not list: not read
     *                as assessments, counted, not rejected (RESEARCH.md); 0 for every other file
     */
    public record FileCounts(String file, String sha256, long bytes, long read, long accepted, long rejected,
                             long duplicates, long skipped) {

        /** The counts of a file without skipped rows. */
        public FileCounts(String file, String sha256, long bytes, long read, long accepted, long rejected,
                          long duplicates) {
            this(file, sha256, bytes, read, accepted, rejected, duplicates, 0);
        }
    }

    public record ReasonCount(String file, String column, String reason, long rows) {
    }

    /** The reject counts of one file, in the order of {@link #reasons()}. */
    public List<ReasonCount> reasonsOf(String file) {
        return reasons.stream().filter(r -> r.file().equals(file)).toList();
    }
}
