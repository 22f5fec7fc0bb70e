package org.clinicaloutcomes.batch;

import org.clinicaloutcomes.ingest.InputFileKind;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Rows read / accepted / rejected / exact duplicates of one input file, kept in the job's
 * execution context (DATA.md: {@code read = accepted + rejected + duplicates}).
 */
public record IngestCounts(long read, long accepted, long rejected, long duplicates) {

    static String key(InputFileKind kind, String count) {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + "." + count;
    }

    void store(ExecutionContext context, InputFileKind kind) {
        context.putLong(key(kind, "read"), read);
        context.putLong(key(kind, "accepted"), accepted);
        context.putLong(key(kind, "rejected"), rejected);
        context.putLong(key(kind, "duplicates"), duplicates);
    }

    /** Whether the counts of the file are in the context (its ingest, duplicates included, completed). */
    static boolean stored(ExecutionContext context, InputFileKind kind) {
        return context.containsKey(key(kind, "read"));
    }

    public static IngestCounts load(ExecutionContext context, InputFileKind kind) {
        return new IngestCounts(context.getLong(key(kind, "read"), 0), context.getLong(key(kind, "accepted"), 0),
                context.getLong(key(kind, "rejected"), 0), context.getLong(key(kind, "duplicates"), 0));
    }

    public String describe(InputFileKind kind) {
        return String.format(java.util.Locale.ROOT, "%s: read %d, accepted %d, rejected %d, duplicates %d",
                kind.fileName(), read, accepted, rejected, duplicates);
    }
}
