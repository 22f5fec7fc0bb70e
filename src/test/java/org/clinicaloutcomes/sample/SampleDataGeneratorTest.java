package org.clinicaloutcomes.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.clinicaloutcomes.analysis.OutcomeTables;
import org.clinicaloutcomes.analysis.SampleCohort;
import org.clinicaloutcomes.cli.GenerateCommand;
import org.clinicaloutcomes.metrics.AttentionReason;
import org.clinicaloutcomes.metrics.ReportWindow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleDataGeneratorTest {

    private static final YearMonth END = YearMonth.of(2026, 10);

    @TempDir
    Path tmp;

    private final SampleDataGenerator generator = new SampleDataGenerator();

    @Test
    void sameSettingsGiveTheSameBytesAndAnotherSeedOtherBytes() throws IOException {
        SampleDataSettings settings = new SampleDataSettings(42, 700, END);
        generator.generate(settings, tmp.resolve("a"));
        new SampleDataGenerator().generate(settings, tmp.resolve("b"));
        generator.generate(new SampleDataSettings(43, 700, END), tmp.resolve("c"));

        for (String file : List.of("intake.csv", "sessions.csv")) {
            String a = sha256(tmp.resolve("a").resolve(file));
            assertThat(sha256(tmp.resolve("b").resolve(file))).as(file).isEqualTo(a);
            assertThat(sha256(tmp.resolve("c").resolve(file))).as(file).isNotEqualTo(a);
        }
    }

    /**
     * sample-data/ is {@code generate --end-month=2026-10} with the default seed and episode count
     * (README): regenerate it when the generator changes. Its counts, as the README gives them and
     * the monthly job prints them, checked here by the independent reader.
     */
    @Test
    void committedSampleDataIsTheGeneratorsOutputWithTheDefaults() throws IOException {
        Path committed = Path.of("sample-data");
        generator.generate(new SampleDataSettings(GenerateCommand.DEFAULT_SEED, GenerateCommand.DEFAULT_EPISODES, END),
                tmp);
        for (String file : List.of("intake.csv", "sessions.csv")) {
            assertThat(sha256(tmp.resolve(file))).as(file).isEqualTo(sha256(committed.resolve(file)));
        }

        SampleFileCheck check = SampleFileCheck.read(committed);
        int intakeRejected = check.intakeRejects.values().stream().mapToInt(Integer::intValue).sum();
        int sessionRejected = check.sessionRejects.values().stream().mapToInt(Integer::intValue).sum();
        assertThat(new int[] {check.intakeRead, check.intakeRead - intakeRejected, intakeRejected})
                .containsExactly(502, 488, 14);
        assertThat(new int[] {check.sessionRead, check.sessionRead - sessionRejected - check.exactDuplicates,
            sessionRejected, check.exactDuplicates}).containsExactly(5492, 5345, 145, 2);
        assertThat(check.intakeRejects).containsEntry("referral after intake", 1).containsEntry("bad date", 3);
    }

    /**
     * The October 2026 report of sample-data/ (the README's sample run) has a client on its
     * attention list for every reason (issue 14): some open clients off track or deteriorated,
     * some without a recent session, some not measured on the primary instrument.
     */
    @Test
    void committedSampleDataPutsEveryReasonOnTheAttentionList() throws Exception {
        OutcomeTables tables = SampleCohort.analyse(Path.of("sample-data"), ReportWindow.monthly(END, 12), true);
        Map<AttentionReason, Integer> counts = new EnumMap<>(AttentionReason.class);
        for (OutcomeTables.AttentionRow row : tables.attention()) {
            row.reasons().forEach(r -> counts.merge(r, 1, Integer::sum));
        }
        System.out.println("sample attention list: " + tables.attention().size() + " clients, " + counts);
        assertThat(counts).containsOnlyKeys(AttentionReason.IN_RANK_ORDER);
        assertThat(counts.get(AttentionReason.NO_MEASURE)).as("several unmeasured open clients").isGreaterThanOrEqualTo(2);
    }

    /**
     * A few episodes are seen without the PCL-5 after the first attended session, or without it
     * at all, while the other questionnaires go on; by chance alone (a PCL-5 at 9 in 10 sessions)
     * hardly any episode with 3 attended sessions has fewer than 2 PCL-5 scores.
     */
    @Test
    void aFewEpisodesAreNotMeasuredOnThePcl5() throws IOException {
        generator.generate(new SampleDataSettings(23, 4000, END), tmp);
        SampleFileCheck check = SampleFileCheck.read(tmp);

        int seen = 0;
        int unmeasured = 0;
        int withoutBaseline = 0;
        for (SampleFileCheck.EpisodeData e : check.episodes.values()) {
            if (e.attended < 3) {
                continue;
            }
            seen++;
            int pcl = e.scores.get(0).size();
            if (pcl < 2) {
                unmeasured++;
                withoutBaseline += pcl == 0 ? 1 : 0;
                assertThat(e.scores.get(1).size()).as(e.id + ": PHQ-9 still given").isGreaterThanOrEqualTo(2);
            }
        }
        System.out.printf("episodes with 3+ attended sessions: %d, fewer than 2 PCL-5 scores %d (none %d)%n", seen,
                unmeasured, withoutBaseline);
        assertThat(unmeasured).as("unmeasured on the PCL-5").isBetween((int) (seen * 0.03), (int) (seen * 0.07));
        assertThat(withoutBaseline).as("some without any PCL-5").isBetween((int) (seen * 0.005),
                unmeasured / 2);
    }

    @Test
    void writesPlainUtf8WithLfAndCreatesTheFolder() throws IOException {
        Path out = tmp.resolve("deep").resolve("er");
        generator.generate(new SampleDataSettings(7, 300, END), out);
        for (String file : List.of("intake.csv", "sessions.csv")) {
            byte[] bytes = Files.readAllBytes(out.resolve(file));
            assertThat(bytes[0]).as("no BOM").isNotEqualTo((byte) 0xEF);
            assertThat(new String(bytes, StandardCharsets.UTF_8)).doesNotContain("\r").endsWith("\n");
        }
    }

    @Test
    void summaryMatchesTheFilesAndFiveHundredEpisodesGiveAboutFiftyFiveHundredSessions() throws IOException {
        GenerationSummary summary = generator.generate(new SampleDataSettings(1, 500, END), tmp);

        assertThat(dataLines(tmp.resolve("intake.csv"))).isEqualTo(summary.episodes());
        assertThat(dataLines(tmp.resolve("sessions.csv"))).isEqualTo(summary.sessions());
        assertThat(summary.episodes()).isBetween(500L, 515L);
        assertThat(summary.sessions()).isBetween(4_800L, 6_200L);
        System.out.printf("500 episodes: %d intake rows, %d session rows%n", summary.episodes(), summary.sessions());
    }

    @Test
    void noEpisodesGiveHeadersOnly() throws IOException {
        GenerationSummary summary = generator.generate(new SampleDataSettings(1, 0, END), tmp);
        assertThat(summary).isEqualTo(new GenerationSummary(0, 0));
        assertThat(Files.readString(tmp.resolve("intake.csv"))).isEqualTo(SampleDataGenerator.INTAKE_HEADER + "\n");
        assertThat(Files.readString(tmp.resolve("sessions.csv")))
                .isEqualTo(SampleDataGenerator.SESSIONS_HEADER + "\n");
    }

    @Test
    void everyKindOfBadRowIsThereAndTheyAreAFewOnly() throws IOException {
        GenerationSummary summary = generator.generate(new SampleDataSettings(3, 500, END), tmp);
        SampleFileCheck check = SampleFileCheck.read(tmp);
        System.out.println("intake rejects " + check.intakeRejects);
        System.out.println("session rejects " + check.sessionRejects + ", exact duplicates " + check.exactDuplicates);

        assertThat(generator.badRowCounts()).containsOnly(2);
        assertThat(check.intakeRejects).containsOnlyKeys("unknown approach", "bad date", "discharge before intake",
                "referral after intake", "reason without discharge", "duplicate client_id", "possible identifier");
        // bad date: two intake dates and one referral date; the other bad referral is after the intake
        assertThat(check.intakeRejects).containsEntry("unknown approach", 2).containsEntry("bad date", 3)
                .containsEntry("discharge before intake", 2).containsEntry("referral after intake", 1)
                .containsEntry("reason without discharge", 2)
                .containsEntry("duplicate client_id", 2).containsEntry("possible identifier", 2);
        assertThat(check.sessionRejects).containsOnlyKeys("out of range", "not an integer", "incomplete items",
                "item sum mismatch", "unknown client", "session before intake", "scores on a missed session",
                "conflicting duplicate", "wrong number of fields", "possible identifier");
        for (String reason : List.of("out of range", "not an integer", "incomplete items", "item sum mismatch",
                "session before intake", "scores on a missed session", "conflicting duplicate",
                "wrong number of fields", "possible identifier")) {
            assertThat(check.sessionRejects).containsEntry(reason, 2);
        }
        assertThat(check.exactDuplicates).isEqualTo(2);
        // unknown client: 2 typos plus the sessions of the 12 rejected intake rows
        assertThat(check.sessionRejects.get("unknown client")).isBetween(2, 2 + 12 * 25);

        int badIntake = check.intakeRejects.values().stream().mapToInt(Integer::intValue).sum();
        assertThat(badIntake).isLessThan((int) (summary.episodes() * 0.03));
        int badSessions = check.sessionRejects.values().stream().mapToInt(Integer::intValue).sum()
                + check.exactDuplicates;
        assertThat(badSessions).isLessThan((int) (summary.sessions() * 0.04));
    }

    @Test
    void valuesAreInRangeAndNothingLiesAfterTheEndMonth() throws IOException {
        generator.generate(new SampleDataSettings(11, 1500, END), tmp);
        SampleFileCheck check = SampleFileCheck.read(tmp);

        assertThat(check.latestSession).isNotNull();
        assertThat(YearMonth.from(check.latestSession)).isEqualTo(END);
        LocalDate first = END.minusMonths(SampleDataGenerator.MONTHS - 1).atDay(1);
        java.util.Set<YearMonth> intakeMonths = new java.util.TreeSet<>();
        for (SampleFileCheck.EpisodeData e : check.episodes.values()) {
            assertThat(e.intake).isBetween(first, END.atEndOfMonth());
            intakeMonths.add(YearMonth.from(e.intake));
            if (e.discharge != null) {
                assertThat(e.discharge).isBeforeOrEqualTo(END.atEndOfMonth());
            }
        }
        assertThat(intakeMonths).as("intakes in each of the months").hasSize(SampleDataGenerator.MONTHS);
        assertThat(SampleDataGenerator.MONTHS).as("a 24-month series and a rolling 12 months before it")
                .isBetween(36, 40);
        assertThat(check.approachesSeen()).containsExactlyInAnyOrder("DBT", "CPT", "ACT", "PE");
        long open = check.episodes.values().stream().filter(e -> e.discharge == null).count();
        assertThat(open).as("open episodes").isBetween(50L, 300L);
        // every accepted row passed the range checks of the reader; the only bad rows are the deliberate ones
        assertThat(check.sessionRejects).doesNotContainKeys("session after discharge", "bad date", "bad id",
                "bad flag", "bad session number");
        assertThat(check.intakeRejects).doesNotContainKeys("bad code", "bad flag", "bad id", "bad gender",
                "discharge without reason");
    }

    @Test
    void mostIntakesHaveARealisticReferralDateOnOrBeforeTheIntake() throws IOException {
        generator.generate(new SampleDataSettings(17, 3000, END), tmp);
        SampleFileCheck check = SampleFileCheck.read(tmp);

        int n = check.episodes.size();
        int withReferral = 0;
        int sameDay = 0;
        int twoToTenWeeks = 0;
        int beyondEighteenWeeks = 0;
        for (SampleFileCheck.EpisodeData e : check.episodes.values()) {
            if (e.referral == null) {
                continue;
            }
            withReferral++;
            long wait = e.intake.toEpochDay() - e.referral.toEpochDay();
            assertThat(wait).as("referral on or before intake").isBetween(0L, 260L);
            assertThat(e.referral.getDayOfWeek().getValue()).as("a working day").isLessThanOrEqualTo(5);
            if (wait == 0) {
                sameDay++;
            } else if (wait >= 14 && wait <= 70) {
                twoToTenWeeks++;
            } else if (wait > 126) {
                beyondEighteenWeeks++;
            }
        }
        System.out.printf("referrals: %d of %d, same day %d, 2-10 weeks %d, over 18 weeks %d%n", withReferral, n,
                sameDay, twoToTenWeeks, beyondEighteenWeeks);
        assertThat(withReferral).as("most intakes have a referral date").isBetween((int) (n * 0.88), (int) (n * 0.97));
        assertThat(twoToTenWeeks).as("most wait 2 to 10 weeks").isGreaterThan((int) (withReferral * 0.6));
        assertThat(beyondEighteenWeeks).as("some wait longer than 18 weeks")
                .isBetween((int) (withReferral * 0.03), (int) (withReferral * 0.12));
        assertThat(sameDay).as("a few on the intake day").isBetween((int) (withReferral * 0.01),
                (int) (withReferral * 0.08));
    }

    @Test
    void outcomesArePlausible() throws IOException {
        generator.generate(new SampleDataSettings(2026, 2000, END), tmp);
        SampleFileCheck check = SampleFileCheck.read(tmp);
        SampleFileCheck.Outcomes o = check.outcomes();

        System.out.printf("2000 episodes: closed %d, paired %d, RI %.1f %%, recovery %.1f %% (of %d cases), "
                        + "RD %.1f %%, dropout %.1f %%%n", o.closed, o.paired, o.riPct(), o.recoveryPct(),
                o.casesAtBaseline, o.rdPct(), o.dropoutPct());
        for (String a : List.of("PE", "CPT", "ACT", "DBT")) {
            System.out.printf("  %-3s mean change pcl5 %.1f, phq9 %.1f, gad7 %.1f, ders16 %.1f, aaq2 %.1f%n", a,
                    o.meanChange(a, 0), o.meanChange(a, 1), o.meanChange(a, 2), o.meanChange(a, 3),
                    o.meanChange(a, 4));
        }
        for (Map.Entry<String, double[]> c : o.clinicianRi.entrySet()) {
            System.out.printf("  %s RI %.0f %% of %.0f%n", c.getKey(), 100 * c.getValue()[1] / c.getValue()[0],
                    c.getValue()[0]);
        }

        assertThat(o.riPct()).as("reliable improvement %").isBetween(57.0, 73.0);
        assertThat(o.recoveryPct()).as("recovery %").isBetween(37.0, 53.0);
        assertThat(o.rdPct()).as("reliable deterioration %").isBetween(4.0, 9.0);
        assertThat(o.dropoutPct()).as("dropout %").isBetween(18.0, 27.0);

        double pe = o.meanChange("PE", 0);
        double cpt = o.meanChange("CPT", 0);
        double act = o.meanChange("ACT", 0);
        double dbt = o.meanChange("DBT", 0);
        assertThat(Math.max(pe, cpt)).as("PE/CPT change beats ACT/DBT (more negative)").isLessThan(Math.min(act, dbt));
        for (String a : List.of("PE", "CPT", "ACT")) {
            assertThat(o.meanChange("DBT", 3)).as("DBT strongest on DERS-16 vs " + a)
                    .isLessThan(o.meanChange(a, 3));
        }
        for (String a : List.of("PE", "CPT", "DBT")) {
            assertThat(o.meanChange("ACT", 4)).as("ACT strongest on AAQ-II vs " + a)
                    .isLessThan(o.meanChange(a, 4));
        }
        for (String a : List.of("PE", "CPT", "ACT", "DBT")) {
            assertThat(o.meanChange(a, 1)).as("PHQ-9 improves moderately").isBetween(-9.0, -2.0);
            assertThat(o.meanChange(a, 2)).as("GAD-7 improves moderately").isBetween(-7.0, -1.5);
        }
    }

    @Test
    void generatesAMillionSessionsQuickly() throws IOException {
        // warm up the JIT a little, then time about 1,000,000 session rows
        generator.generate(new SampleDataSettings(5, 20_000, END), tmp.resolve("warm"));
        long start = System.nanoTime();
        GenerationSummary summary = generator.generate(new SampleDataSettings(5, 90_000, END), tmp.resolve("big"));
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%,d sessions + %,d intakes in %.2f s: %,.0f session rows/s%n", summary.sessions(),
                summary.episodes(), seconds, summary.sessions() / seconds);
        assertThat(summary.sessions()).isBetween(900_000L, 1_150_000L);
        assertThat(seconds).isLessThan(10.0);
    }

    private static long dataLines(Path file) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return in.lines().count() - 1;
        }
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n = in.read(buf); n > 0; n = in.read(buf)) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
