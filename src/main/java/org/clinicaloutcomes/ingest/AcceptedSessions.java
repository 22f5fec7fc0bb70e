package org.clinicaloutcomes.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.IntFunction;

/**
 * Walks every accepted episode in index order with its accepted sessions in score order, reading
 * the deduplicated partition files one record at a time (partition p holds a contiguous range of
 * episodes, each partition sorted by episode).
 *
 * <p>The files are read and decoded on a second thread, a block of records ahead of the visitor,
 * which runs on the calling thread and sees the episodes in the same order as a single thread
 * reading them would.
 */
public final class AcceptedSessions {

    private static final int BLOCK = 4096;

    /** Receives one episode and its sessions (the list is reused: copy what you keep). */
    public interface EpisodeVisitor {
        void visit(int episode, List<SessionRecord> sessions);
    }

    /** Decoded records of one partition (or a failure, or the end of all partitions). */
    private record Block(int partition, SessionRecord[] records, int size, RuntimeException failure) {
    }

    private static final Block END = new Block(-1, new SessionRecord[0], 0, null);

    private AcceptedSessions() {
    }

    public static void forEachEpisode(int episodes, int partitions, IntFunction<Path> partitionFile,
                                      int instrumentCount, EpisodeVisitor visitor) {
        BlockingQueue<Block> blocks = new ArrayBlockingQueue<>(8);
        Thread reader = new Thread(() -> read(partitions, partitionFile, instrumentCount, blocks), "sessions-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            List<SessionRecord> sessions = new ArrayList<>();
            int nextEpisode = 0;
            Block block;
            while ((block = take(blocks)) != END) {
                if (block.failure() != null) {
                    throw block.failure();
                }
                for (int i = 0; i < block.size(); i++) {
                    SessionRecord record = block.records()[i];
                    if (record.episode() < nextEpisode) {
                        throw new IllegalStateException("staged sessions out of episode order in partition "
                                + block.partition());
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
            }
            if (!sessions.isEmpty()) {
                visitor.visit(nextEpisode++, sessions);
                sessions.clear();
            }
            while (nextEpisode < episodes) {
                visitor.visit(nextEpisode++, List.of());
            }
        } finally {
            reader.interrupt();
        }
    }

    private static Block take(BlockingQueue<Block> blocks) {
        try {
            return blocks.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the staged sessions", e);
        }
    }

    private static void read(int partitions, IntFunction<Path> partitionFile, int instrumentCount,
                             BlockingQueue<Block> blocks) {
        try {
            for (int p = 0; p < partitions; p++) {
                Path file = partitionFile.apply(p);
                if (!Files.exists(file)) {
                    continue;
                }
                try (SessionSpill.Reader in = new SessionSpill.Reader(file, instrumentCount)) {
                    SessionRecord[] records = new SessionRecord[BLOCK];
                    int size = 0;
                    SessionRecord record;
                    while ((record = in.next()) != null) {
                        records[size++] = record;
                        if (size == BLOCK) {
                            blocks.put(new Block(p, records, size, null));
                            records = new SessionRecord[BLOCK];
                            size = 0;
                        }
                    }
                    if (size > 0) {
                        blocks.put(new Block(p, records, size, null));
                    }
                } catch (IOException e) {
                    blocks.put(new Block(p, null, 0, new UncheckedIOException("cannot read staged sessions " + file, e)));
                    return;
                } catch (RuntimeException e) {
                    blocks.put(new Block(p, null, 0, e));
                    return;
                }
            }
            blocks.put(END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the visitor stopped
        }
    }
}
