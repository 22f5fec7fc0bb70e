package org.clinicaloutcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.clinicaloutcomes.cli.CommandLineParser;
import org.clinicaloutcomes.cli.RunCommand;
import org.clinicaloutcomes.cli.RunSettings;
import org.clinicaloutcomes.ingest.RefusedFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The preflight of a long or wide export: the export file, not the input folder's two files. */
class RunPreflightExportTest {

    @TempDir
    Path tmp;

    RunSettings settings(String job) throws Exception {
        Path file = Files.writeString(tmp.resolve("job.properties"), job);
        return ((RunCommand) CommandLineParser.parse(new String[] {"research", "--job=" + file,
                "--output=" + tmp.resolve("out")})).settings();
    }

    @Test
    void theExportFileIsCheckedAndStandsForBothInputFiles() throws Exception {
        Path export = Files.writeString(tmp.resolve("export.csv"), "id;wave\nA1;0\n");
        RunPreflight.Checked checked = RunPreflight.check(settings("layout=long\nfile=" + export.getFileName()
                + "\nwaves=0,1\ndelimiter=;\ncolumn.client_id=id\napproach=TAU\n"), "research", LocalDate.of(2026, 11, 26), "run-1");
        assertThat(checked.parameters().intakeFile()).isEqualTo(export.toAbsolutePath().normalize());
        assertThat(checked.parameters().sessionsFile()).isEqualTo(export.toAbsolutePath().normalize());
        assertThat(checked.parameters().export().file()).isEqualTo(export.toAbsolutePath().normalize());
        assertThat(checked.parameters().intakeSha256()).isEqualTo(checked.parameters().sessionsSha256())
                .hasSize(64);
        assertThat(checked.parameters().input()).isEqualTo(tmp.toAbsolutePath().normalize());
        assertThat(checked.warnings()).isEmpty();
    }

    @Test
    void theSignificanceMethodsResolveToJtUnlessTheJobFileNamesThem() throws Exception {
        Path export = Files.writeString(tmp.resolve("export.csv"), "id;wave\nA1;0\n");
        String job = "layout=long\nfile=" + export.getFileName() + "\nwaves=0,1\ndelimiter=;\ncolumn.client_id=id\n"
                + "approach=TAU\n";
        assertThat(RunPreflight.check(settings(job), "research", LocalDate.of(2026, 11, 26), "run-1").parameters()
                .significance()).isEqualTo(org.clinicaloutcomes.metrics.significance.SignificanceMethod.DEFAULT);
        assertThat(RunPreflight.check(settings(job + "significance=percentage,hlm\n"), "research",
                LocalDate.of(2026, 11, 26), "run-1").parameters().significance())
                .containsExactly(org.clinicaloutcomes.metrics.significance.SignificanceMethod.HLM,
                        org.clinicaloutcomes.metrics.significance.SignificanceMethod.PERCENTAGE);
    }

    @Test
    void aMissingOrBadExportFileIsRefused() throws Exception {
        assertThatThrownBy(() -> RunPreflight.check(settings("layout=wide\nfile=none.csv\nwaves=0,1\n"), "research",
                LocalDate.of(2026, 11, 26), "run-1")).isInstanceOf(RefusedFileException.class)
                .hasMessage("export file " + tmp.resolve("none.csv") + " does not exist");
        Files.createDirectories(tmp.resolve("folder.csv"));
        assertThatThrownBy(() -> RunPreflight.check(settings("layout=wide\nfile=folder.csv\nwaves=0,1\n"), "research",
                LocalDate.of(2026, 11, 26), "run-1")).isInstanceOf(RefusedFileException.class)
                .hasMessage("export file " + tmp.resolve("folder.csv") + " is not a regular file");
        Files.write(tmp.resolve("latin.csv"), "id,Thérapie\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> RunPreflight.check(settings("layout=wide\nfile=latin.csv\nwaves=0,1\n"), "research",
                LocalDate.of(2026, 11, 26), "run-1")).isInstanceOf(RefusedFileException.class)
                .hasMessage("latin.csv is not valid UTF-8; export it as UTF-8 (CSV UTF-8)");
        // the same bytes are valid windows-1252
        RunPreflight.Checked latin = RunPreflight.check(settings("layout=wide\nfile=latin.csv\nwaves=0,1\n"
                + "encoding=windows-1252\ncolumn.client_id=id\napproach=TAU\n"), "research", LocalDate.of(2026, 11, 26),
                "run-1");
        assertThat(latin.parameters().export().encoding().name()).isEqualTo("windows-1252");
        // a column neither mapped nor known is named, as written, in one warning
        assertThat(latin.warnings()).containsExactly("latin.csv: column 'Thérapie' is neither mapped nor known: ignored");
        // a mapped column the export lacks refuses it before anything is written
        assertThatThrownBy(() -> RunPreflight.check(settings("layout=wide\nfile=latin.csv\nwaves=0,1\n"
                + "encoding=windows-1252\ncolumn.client_id=patient\napproach=TAU\n"), "research",
                LocalDate.of(2026, 11, 26), "run-1")).isInstanceOf(RefusedFileException.class)
                .hasMessage("latin.csv: column 'patient' (column.client_id in the job file) is missing");
    }

    @Test
    void withoutAPrimaryInstrumentTheFirstOfTheFileIsTakenWhenThereIsNoPcl5() throws Exception {
        Path export = Files.writeString(tmp.resolve("export.csv"), "id,wave,arm,bdi,hamd\nA1,0,TAU,30,20\n");
        Files.writeString(tmp.resolve("instruments.csv"), "key,name,min,max,higher_is_better,integer,cutoff,"
                + "reliable_change,rc_sd,rc_reliability\nbdi,BDI-II,0,63,false,true,19,,8.2,0.8\n"
                + "hamd,HAM-D,0,52,false,true,8,5,,\n");
        RunPreflight.Checked checked = RunPreflight.check(settings("layout=long\nfile=" + export.getFileName()
                + "\nwaves=0,1\ncolumn.client_id=id\ncolumn.approach=arm\ninstruments=instruments.csv\n"),
                "research", LocalDate.of(2026, 12, 3), "run-1");
        assertThat(checked.parameters().primaryInstrument()).isEqualTo("bdi");
        // and without approaches, none are configured: the export's are taken as they come
        assertThat(checked.parameters().approaches()).isEmpty();
    }
}
