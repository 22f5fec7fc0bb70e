package org.clinicaloutcomes.ingest;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Walks every accepted episode in index order with its accepted sessions in score order, reading
 * the deduplicated partition files one record at a time (partition p holds a contiguous range of
 * episodes, each partition sorted by episode).
 */
public final class AcceptedSessions {

    /** Receives one episode and its sessions (the list is reused: copy what you keep). */
    public interface EpisodeVisitor {
        void visit(int episode, List<SessionRecord> sessions);
    }

    private AcceptedSessions() {
    }

    public static void forEachEpisode(int episodes, int partitions, IntFunction<Path> partitionFile,
                                      int instrumentCount, EpisodeVisitor visitor) {
        List<SessionRecord> sessions = new ArrayList<>();
        int nextEpisode = 0;
        for (int p = 0; p < partitions; p++) {
            Path file = partitionFile.apply(p);
            if (!Files.exists(file)) {
                continue;
            }
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
                SessionRecord record;
                while ((record = SessionSpill.read(in, instrumentCount)) != null) {
                    if (record.episode() < nextEpisode) {
                        throw new IllegalStateException("staged sessions out of episode order in partition " + p);
                    }
                    if (record.episode() != nextEpisode && !sessions.isEmpty()) {
                        visitor.visit(nextEpisode, sessions);
                        sessions.clear();
                        nextEpisode++;
                    }
                    while (nextEpisode < record.episode()) {
                        visitor.visit(nextEpisode++, List.of());
                    }
                    sessions.add(record);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read staged sessions " + file, e);
            }
        }
        if (!sessions.isEmpty()) {
            visitor.visit(nextEpisode++, sessions);
            sessions.clear();
        }
        while (nextEpisode < episodes) {
            visitor.visit(nextEpisode++, List.of());
        }
    }
}
