package org.clinicaloutcomes.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.clinicaloutcomes.ingest.TestCsv.episode;

import java.io.EOFException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The accepted episodes survive the staging file between steps, and a restart. */
class EpisodeRegistryFileTest {

    @TempDir
    Path folder;

    @Test
    void saveAndLoadGiveEqualEpisodes() throws Exception {
        EpisodeRegistry registry = new EpisodeRegistry();
        registry.accept(new IntakeRecord("E1", TestCsv.day("2025-01-06"), "DBT", "C1", "25-34", "woman", "CA", "icu",
                true, false, null, true, TestCsv.day("2025-03-31"), "completed", 2));
        registry.accept(new IntakeRecord("e1", TestCsv.day("2024-12-31"), "TAU", "clinician-7", null, null, null, null,
                null, null, null, null, IntakeRecord.OPEN, null, 3));
        registry.accept(new IntakeRecord("E-3_x", TestCsv.day("2025-02-28"), "PE", "C1", "65+", "Frau ♀ Müller",
                "PR", "chronic_illness", false, true, false, false, TestCsv.day("2025-02-28"), "other", 9_000_000_000L));
        registry.accept(new IntakeRecord("E4", TestCsv.day("2025-01-01"), "CPT", "C2", null, "", "VI", null,
                null, null, true, false, TestCsv.day("2025-06-30"), "dropout", 11));
        Path file = folder.resolve("episodes.bin");

        EpisodeRegistryFile.save(registry, file);
        EpisodeRegistry loaded = EpisodeRegistryFile.load(file);

        assertThat(loaded.episodes()).isEqualTo(registry.episodes());
        assertThat(loaded.indexOf("e1")).isEqualTo(1);
        assertThat(loaded.indexOf("E-3_x")).isEqualTo(2);
        assertThat(Files.exists(folder.resolve("episodes.bin.tmp"))).isFalse();
    }

    @Test
    void aPartitionLoadsItsOwnEpisodesWholeAndInIndexOrder() throws Exception {
        EpisodeRegistry registry = new EpisodeRegistry();
        for (int i = 0; i < 40; i++) {
            registry.accept(new IntakeRecord("client-" + i, TestCsv.day("2025-01-06") + i, i % 2 == 0 ? "DBT" : "PE",
                    "C" + (i % 3), "25-34", i % 5 == 0 ? null : "woman", "CA", "icu", true, null, false, true,
                    IntakeRecord.OPEN, null, i + 2));
        }
        Path file = folder.resolve("episodes.bin");
        EpisodeRegistryFile.save(registry, file);
        int partitions = 3;

        int seen = 0;
        for (int p = 0; p < partitions; p++) {
            EpisodeRegistryFile.PartitionEpisodes own = EpisodeRegistryFile.loadPartition(file, p, partitions);
            int partition = p;
            int[] expected = java.util.stream.IntStream.range(0, registry.size())
                    .filter(e -> org.clinicaloutcomes.metrics.Fold.partition(registry.get(e).clientId(), partitions)
                            == partition).toArray();
            assertThat(own.episodes()).containsExactly(expected);
            for (int e : expected) {
                assertThat(own.get(e)).isEqualTo(registry.get(e));
            }
            seen += expected.length;
        }
        assertThat(seen).isEqualTo(40);
        EpisodeRegistryFile.PartitionEpisodes first = EpisodeRegistryFile.loadPartition(file, 0, partitions);
        int notOwn = java.util.stream.IntStream.range(0, 40).filter(e -> Arrays.binarySearch(first.episodes(), e) < 0)
                .findFirst().orElseThrow();
        assertThatThrownBy(() -> first.get(notOwn)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void indexAloneHasTheClientIdsAndDates() throws Exception {
        EpisodeRegistry registry = new EpisodeRegistry();
        registry.accept(new IntakeRecord("E1", TestCsv.day("2025-01-06"), "DBT", "C1", "25-34", "woman", "CA", "icu",
                true, false, null, true, TestCsv.day("2025-03-31"), "completed", 2));
        registry.accept(new IntakeRecord("e1", TestCsv.day("2024-12-31"), "TAU", "clinician-7", null, null, null, null,
                null, null, null, null, IntakeRecord.OPEN, null, 3));
        Path file = folder.resolve("episodes.bin");
        EpisodeRegistryFile.save(registry, file);

        EpisodeIndex index = EpisodeRegistryFile.loadIndex(file);

        assertThat(index.size()).isEqualTo(2);
        assertThat(index.indexOf("E1")).isZero();
        assertThat(index.indexOf("e1")).isEqualTo(1);
        assertThat(index.intakeDay(0)).isEqualTo(TestCsv.day("2025-01-06"));
        assertThat(index.dischargeDay(0)).isEqualTo(TestCsv.day("2025-03-31"));
        assertThat(index.intakeDay(1)).isEqualTo(TestCsv.day("2024-12-31"));
        assertThat(index.dischargeDay(1)).isEqualTo(IntakeRecord.OPEN);
    }

    @Test
    void everyFlagCombinationSurvivesTheRoundTrip() throws Exception {
        Boolean[] values = {null, Boolean.TRUE, Boolean.FALSE};
        EpisodeRegistry registry = new EpisodeRegistry();
        int line = 2;
        for (Boolean a : values) {
            for (Boolean b : values) {
                for (Boolean c : values) {
                    for (Boolean d : values) {
                        registry.accept(new IntakeRecord("E" + line, TestCsv.day("2025-01-06"), "DBT", "C1", null, null,
                                null, null, a, b, c, d, IntakeRecord.OPEN, null, line++));
                    }
                }
            }
        }
        Path file = folder.resolve("episodes.bin");

        EpisodeRegistryFile.save(registry, file);

        assertThat(EpisodeRegistryFile.load(file).episodes()).hasSize(81).isEqualTo(registry.episodes());
    }

    @Test
    void emptyRegistryRoundTrips() throws Exception {
        Path file = folder.resolve("episodes.bin");

        EpisodeRegistryFile.save(new EpisodeRegistry(), file);

        assertThat(EpisodeRegistryFile.load(file).size()).isZero();
    }

    @Test
    void saveReplacesAnEarlierFile() throws Exception {
        Path file = folder.resolve("episodes.bin");
        EpisodeRegistry first = new EpisodeRegistry();
        first.accept(episode("E1", "2025-01-06", 2));
        first.accept(episode("E2", "2025-01-06", 3));
        EpisodeRegistryFile.save(first, file);
        EpisodeRegistry second = new EpisodeRegistry();
        second.accept(episode("E9", "2025-01-06", 2));

        EpisodeRegistryFile.save(second, file);

        assertThat(EpisodeRegistryFile.load(file).episodes()).extracting(IntakeRecord::clientId).containsExactly("E9");
    }

    @Test
    void loadedCodesAreTheCanonicalStrings() throws Exception {
        EpisodeRegistry registry = new EpisodeRegistry();
        registry.accept(new IntakeRecord("E1", TestCsv.day("2025-01-06"), new String("DBT"), "C1",
                new String("25-34"), null, new String("CA"), new String("icu"), null, null, null, null,
                TestCsv.day("2025-03-31"), new String("completed"), 2));
        Path file = folder.resolve("episodes.bin");
        EpisodeRegistryFile.save(registry, file);

        IntakeRecord loaded = EpisodeRegistryFile.load(file).get(0);

        assertThat(loaded.approach()).isSameAs("DBT");
        assertThat(loaded.ageBand()).isSameAs("25-34");
        assertThat(loaded.state()).isSameAs("CA");
        assertThat(loaded.indexEvent()).isSameAs("icu");
        assertThat(loaded.dischargeReason()).isSameAs("completed");
    }

    @Test
    void fileCutShortIsAnError() throws Exception {
        EpisodeRegistry registry = new EpisodeRegistry();
        registry.accept(episode("E1", "2025-01-06", 2));
        Path file = folder.resolve("episodes.bin");
        EpisodeRegistryFile.save(registry, file);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 1));

        assertThatThrownBy(() -> EpisodeRegistryFile.load(file)).isInstanceOf(EOFException.class);
        assertThatThrownBy(() -> EpisodeRegistryFile.loadIndex(file)).isInstanceOf(EOFException.class);
    }
}
