package org.clinicaloutcomes.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinicaloutcomes.ingest.TestCsv.episode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.clinicaloutcomes.config.ApproachCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DATA.md, "intake.csv": the first accepted row with a client_id stands. */
class EpisodeRegistryTest {

    @TempDir
    Path folder;

    @Test
    void acceptedEpisodesAreFoundByClientIdInAcceptanceOrder() {
        EpisodeRegistry registry = new EpisodeRegistry();

        assertThat(registry.accept(episode("E1", "2025-01-06", 2))).isTrue();
        assertThat(registry.accept(episode("E2", "2025-02-01", 3))).isTrue();

        assertThat(registry.size()).isEqualTo(2);
        assertThat(registry.indexOf("E1")).isZero();
        assertThat(registry.indexOf("E2")).isEqualTo(1);
        assertThat(registry.indexOf("E3")).isEqualTo(-1);
        assertThat(registry.intakeDay(1)).isEqualTo(TestCsv.day("2025-02-01"));
        assertThat(registry.dischargeDay(1)).isEqualTo(IntakeRecord.OPEN);
        assertThat(registry.get(0).line()).isEqualTo(2);
        assertThat(registry.episodes()).extracting(IntakeRecord::clientId).containsExactly("E1", "E2");
    }

    @Test
    void laterRowWithTheSameClientIdIsADuplicateAndTheFirstStands() {
        EpisodeRegistry registry = new EpisodeRegistry();
        registry.accept(episode("E1", "2025-01-06", 2));

        assertThat(registry.accept(episode("E1", "2025-03-01", 5))).isFalse();

        assertThat(registry.size()).isEqualTo(1);
        assertThat(registry.get(0).line()).isEqualTo(2);
        assertThat(registry.intakeDay(0)).isEqualTo(TestCsv.day("2025-01-06"));
    }

    @Test
    void clientIdsAreCaseSensitive() {
        EpisodeRegistry registry = new EpisodeRegistry();

        assertThat(registry.accept(episode("e1", "2025-01-06", 2))).isTrue();
        assertThat(registry.accept(episode("E1", "2025-01-07", 3))).isTrue();

        assertThat(registry.indexOf("e1")).isZero();
        assertThat(registry.indexOf("E1")).isEqualTo(1);
    }

    @Test
    void onlyRowsThatPassEveryOtherRuleCountForTheDuplicateRule() throws Exception {
        Path file = TestCsv.write(folder, "intake.csv", """
                client_id,intake_date,approach,clinician_id
                E1,2025-02-30,DBT,C1
                E1,2025-01-06,DBT,C1
                E1,2025-01-07,CPT,C2
                e1,2025-01-08,PE,C3
                E1,2025-01-09,XYZ,C1
                """);
        IntakeRowValidator validator = new IntakeRowValidator(InputFiles.intakeLayout(file), ApproachCatalog.defaults());
        EpisodeRegistry registry = new EpisodeRegistry();
        List<Reject> rejects = new ArrayList<>();
        for (RawRow row : TestCsv.rows(file)) {
            RowResult<IntakeRecord> result = validator.validate(row);
            if (result instanceof RowResult.Rejected<IntakeRecord> rejected) {
                rejects.add(rejected.reject());
            } else if (!registry.accept(((RowResult.Accepted<IntakeRecord>) result).record())) {
                rejects.add(new Reject("intake.csv", row.line(), "client_id", Reject.DUPLICATE_CLIENT_ID));
            }
        }

        assertThat(registry.episodes()).extracting(IntakeRecord::line).containsExactly(3L, 5L);
        assertThat(registry.get(0).approach()).isEqualTo("DBT");
        assertThat(rejects).containsExactly(
                new Reject("intake.csv", 2, "intake_date", Reject.BAD_DATE),
                new Reject("intake.csv", 4, "client_id", Reject.DUPLICATE_CLIENT_ID),
                new Reject("intake.csv", 6, "approach", Reject.UNKNOWN_APPROACH));
    }

    @Test
    void recordToStringShowsNoKey() {
        assertThat(episode("E12345", "2025-01-06", 4).toString()).doesNotContain("E12345").contains("4");
    }
}
