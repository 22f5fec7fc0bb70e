package org.clinicaloutcomes.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.clinicaloutcomes.cli.CommandLineParser;
import org.clinicaloutcomes.cli.RunCommand;
import org.clinicaloutcomes.cli.RunSettings;
import org.junit.jupiter.api.Test;

/** The files researchers start from, under jobs/, stay true to the tool. */
class JobsFolderTest {

    @Test
    void jobsInstrumentsCsvIsTheBundledDefaults() throws Exception {
        assertThat(Files.readString(Path.of("jobs", "instruments.csv")))
                .isEqualTo(InstrumentCatalog.bundled().text());
    }

    @Test
    void theExampleJobFileParsesWithPathsRelativeToItsFolder() throws Exception {
        RunSettings settings = ((RunCommand) CommandLineParser.parse(
                new String[] {"research", "--job=jobs/research-example.properties"})).settings();

        assertThat(settings.input()).isEqualTo(Path.of("sample-data"));
        assertThat(settings.instruments()).isEqualTo(Path.of("jobs", "instruments.csv"));
        assertThat(settings.suppression()).isTrue();
        assertThat(InstrumentCatalog.load(settings.instruments()).instruments()).hasSize(5);
    }

    @Test
    void theJobFilesOfThePublishedDataSetsReadTheirExportsAsTheyAre() throws Exception {
        for (String name : java.util.List.of("claus_2020", "jacobson_1989", "reframed")) {
            RunSettings settings = ((RunCommand) CommandLineParser.parse(
                    new String[] {"research", "--job=jobs/" + name + ".properties"})).settings();
            // a long export, named relative to jobs/, in the shared folder beside the checkout
            assertThat(settings.export().layout()).as(name).isEqualTo(org.clinicaloutcomes.ingest.ExportMapping.Layout.LONG);
            assertThat(settings.export().file()).as(name)
                    .isEqualTo(Path.of("jobs", "..", "..", "shared", "external", name + ".csv").normalize());
            assertThat(settings.suppression()).as(name).isFalse();
            assertThat(InstrumentCatalog.load(settings.instruments()).find(settings.primaryInstrument())).as(name)
                    .isPresent();
        }
    }
}
