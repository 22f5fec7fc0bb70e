package org.clinicaloutcomes.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.clinicaloutcomes.ingest.RefusedFileException;
import org.clinicaloutcomes.metrics.Instrument;
import org.clinicaloutcomes.metrics.significance.CutoffType;
import org.clinicaloutcomes.metrics.significance.SignificanceParameters;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** METRICS.md, "Instruments" (the score columns of DATA.md's sessions.csv): the bundled defaults and file checks. */
class InstrumentCatalogTest {

    private static final String HEADER = "key,name,min,max,higher_is_better,integer,cutoff,reliable_change,rc_sd,rc_reliability";

    @TempDir
    Path folder;

    private Path write(String text) throws Exception {
        return Files.writeString(folder.resolve("instruments.csv"), text, StandardCharsets.UTF_8);
    }

    private InstrumentCatalog load(String text) throws Exception {
        return InstrumentCatalog.load(write(text));
    }

    @Nested
    class Bundled {

        private final List<Instrument> instruments = InstrumentCatalog.bundled().instruments();

        @Test
        void fiveDefaultInstrumentsInOrder() {
            assertThat(instruments).extracting(Instrument::key).containsExactly("pcl5", "phq9", "gad7", "ders16", "aaq2");
            assertThat(instruments).extracting(Instrument::name)
                    .containsExactly("PCL-5", "PHQ-9", "GAD-7", "DERS-16", "AAQ-II");
        }

        @Test
        void rangesOfTheDefaults() {
            assertThat(instruments).extracting(Instrument::min).containsExactly(0.0, 0.0, 0.0, 16.0, 7.0);
            assertThat(instruments).extracting(Instrument::max).containsExactly(80.0, 27.0, 21.0, 80.0, 49.0);
        }

        @Test
        void allDefaultsAreIntegerAndHigherIsWorse() {
            assertThat(instruments).allSatisfy(i -> {
                assertThat(i.integer()).isTrue();
                assertThat(i.higherIsBetter()).isFalse();
            });
        }

        @Test
        void cutoffsOfTheDefaults() {
            assertThat(instruments).extracting(Instrument::cutoff).containsExactly(33.0, 10.0, 8.0, null, 24.0);
        }

        @Test
        void givenReliableChangeThresholds() {
            assertThat(instruments.get(0).reliableChange()).isEqualTo(10.0);
            assertThat(instruments.get(1).reliableChange()).isEqualTo(6.0);
            assertThat(instruments.get(2).reliableChange()).isEqualTo(4.0);
        }

        @Test
        void ders16AndAaq2ThresholdsComeFromJacobsonTruax() {
            // 1.96 × 13.1 × sqrt(2 × (1 − 0.85)) = 25.676 × 0.5477226 = 14.06332
            assertThat(instruments.get(3).reliableChange()).isCloseTo(14.06332, within(1e-5));
            // 1.96 × 9.9 × sqrt(2 × (1 − 0.81)) = 19.404 × 0.6164414 = 11.96143
            assertThat(instruments.get(4).reliableChange()).isCloseTo(11.96143, within(1e-5));
        }

        @Test
        void instrumentsAreFoundByKey() {
            assertThat(InstrumentCatalog.bundled().find("gad7")).map(Instrument::name).contains("GAD-7");
            assertThat(InstrumentCatalog.bundled().find("bdi2")).isEmpty();
        }

        @Test
        void sourceAndTextAreKeptForProvenance() {
            InstrumentCatalog catalog = InstrumentCatalog.bundled();

            assertThat(catalog.source()).contains("instruments.csv");
            assertThat(catalog.text()).startsWith(HEADER);
        }
    }

    @Nested
    class InstrumentFiles {

        @Test
        void validFileIsLoaded() throws Exception {
            InstrumentCatalog catalog = load(HEADER + "\n"
                    + "pcl5,PCL-5,0,80,false,true,33,10,,\n"
                    + "das,\"Dyadic Adjustment Scale, 32 items\",0,151,TRUE,False,105.2,,11.83,0.84\n"
                    + "who5,WHO-5,0,25,true,true,,3.5,,\n");

            assertThat(catalog.instruments()).containsExactly(
                    new Instrument("pcl5", "PCL-5", 0, 80, false, true, 33.0, 10),
                    new Instrument("das", "Dyadic Adjustment Scale, 32 items", 0, 151, true, false, 105.2,
                            Instrument.jacobsonTruax(11.83, 0.84)),
                    new Instrument("who5", "WHO-5", 0, 25, true, true, null, 3.5));
            assertThat(catalog.source()).contains("instruments.csv");
        }

        @Test
        void byteOrderMarkCrlfBlankLinesAndHeaderCaseAreTolerated() throws Exception {
            InstrumentCatalog catalog = load("\uFEFF" + HEADER.toUpperCase() + "\r\n\r\n"
                    + " phq9 , PHQ-9 , 0 , 27 , false , true , 10 , 6 , , \r\n");

            assertThat(catalog.instruments()).containsExactly(new Instrument("phq9", "PHQ-9", 0, 27, false, true, 10.0, 6));
        }

        @Test
        void missingFileIsRefusedNamingIt() {
            assertThatThrownBy(() -> InstrumentCatalog.load(folder.resolve("mine.csv")))
                    .isInstanceOf(RefusedFileException.class)
                    .hasMessageContaining("mine.csv");
        }

        @Test
        void fileWithoutInstrumentsIsRefused() {
            assertThatThrownBy(() -> load(HEADER + "\n"))
                    .isInstanceOf(RefusedFileException.class)
                    .hasMessageContaining("instruments.csv")
                    .hasMessageContaining("no instrument");
            assertThatThrownBy(() -> load(""))
                    .isInstanceOf(RefusedFileException.class)
                    .hasMessageContaining("instruments.csv");
        }

        @Test
        void nonUtf8FileIsRefused() throws Exception {
            Path file = Files.write(folder.resolve("instruments.csv"),
                    (HEADER + "\nbdi,B\u00e9ck,0,63,false,true,,8,,\n").getBytes(StandardCharsets.ISO_8859_1));

            assertThatThrownBy(() -> InstrumentCatalog.load(file))
                    .isInstanceOf(RefusedFileException.class)
                    .hasMessageContaining("UTF-8");
        }
    }

    /** A malformed instrument file refuses the run, naming the line and the problem. */
    @Nested
    class MalformedFiles {

        private void assertRefused(String text, String line, String problem) {
            assertThatThrownBy(() -> load(text))
                    .isInstanceOf(RefusedFileException.class)
                    .hasMessageContaining("instruments.csv")
                    .hasMessageContaining("line " + line)
                    .hasMessageContaining(problem);
        }

        @Test
        void wrongHeaderIsRefusedOnLineOne() {
            assertRefused("key,name,min,max,higher_is_better,integer,cutoff,reliable_change\n"
                    + "pcl5,PCL-5,0,80,false,true,33,10\n", "1", "header");
            assertRefused("name,key,min,max,higher_is_better,integer,cutoff,reliable_change,rc_sd,rc_reliability\n"
                    + "PCL-5,pcl5,0,80,false,true,33,10,,\n", "1", "header");
        }

        @ParameterizedTest
        @ValueSource(strings = {"PCL5", "Pcl5", "1pcl", "_pcl", "pcl-5", "pcl 5", "pcl5_3", "pcl5_20", "client_id",
                "session_date", "session_number", "attended", ""})
        void badKeyIsRefused(String key) {
            assertRefused(HEADER + "\nphq9,PHQ-9,0,27,false,true,10,6,,\n" + key + ",X,0,10,false,true,,2,,\n", "3",
                    "key");
        }

        @Test
        void keysLikeItemsButOutsideOneToTwentyAreAllowed() throws Exception {
            assertThat(load(HEADER + "\npcl5_21,X,0,10,false,true,,2,,\npcl5_0,Y,0,10,false,true,,2,,\n").instruments())
                    .extracting(Instrument::key).containsExactly("pcl5_21", "pcl5_0");
        }

        @ParameterizedTest
        @ValueSource(strings = {"mobile", "name", "city", "phone_count", "client_email"})
        void aKeyNamingAnIdentifierIsRefused(String key) {
            assertRefused(HEADER + "\n" + key + ",X,0,10,false,true,,2,,\n", "2", "identifier");
        }

        @ParameterizedTest
        @ValueSource(strings = {"80f", "80d", "0x1p3", "1e2", "Infinity", "NaN", "+5"})
        void numbersMustBePlainDecimals(String max) {
            assertRefused(HEADER + "\nx,X,0," + max + ",false,true,,2,,\n", "2", "max");
        }

        @ParameterizedTest
        @ValueSource(strings = {"70", "64", "63.5", "-1", "-0.5"})
        void cutoffOutsideMinToMaxIsRefused(String cutoff) {
            assertRefused(HEADER + "\nbdi2,BDI-II,0,63,false,true," + cutoff + ",8,,\n", "2", "cutoff");
        }

        @Test
        void cutoffOutsideTheRangeIsRefusedWithTheRcPairToo() {
            assertRefused(HEADER + "\npcl5,PCL-5,0,80,false,true,33,10,,\nx,X,16,80,true,true,15,,13.1,0.85\n", "3",
                    "cutoff");
        }

        @Test
        void cutoffAtEitherEndOfTheRangeIsAllowed() throws Exception {
            assertThat(load(HEADER + "\na,A,0,63,false,true,0,8,,\nb,B,0,63,false,true,63,8,,\n"
                    + "c,C,-5,5,true,false,-5,1.5,,\n").instruments())
                    .extracting(Instrument::cutoff).containsExactly(0.0, 63.0, -5.0);
        }

        @Test
        void numbersTooLargeForADoubleAreRefusedNamingTheColumn() {
            String huge = "1" + "0".repeat(400);
            assertRefused(HEADER + "\nx,X,0," + huge + ",false,true,,2,,\n", "2", "max");
            assertRefused(HEADER + "\nx,X,-" + huge + ",10,false,true,,2,,\n", "2", "min");
            assertRefused(HEADER + "\nx,X,0,10,false,true," + huge + ",2,,\n", "2", "cutoff");
            assertRefused(HEADER + "\nx,X,0,10,false,true,," + huge + ",,\n", "2", "reliable_change");
            assertRefused(HEADER + "\nx,X,0,10,false,true,,," + huge + ",0.5\n", "2", "rc_sd");
            assertRefused(HEADER + "\nx,X,0,10,false,true,,,3," + huge + "\n", "2", "rc_reliability");
        }

        @Test
        void aThresholdThatOverflowsIsRefused() {
            String large = "1" + "0".repeat(308);
            assertRefused(HEADER + "\nx,X,0,10,false,true,,," + large + ",0\n", "2", "threshold");
        }

        @ParameterizedTest
        @ValueSource(strings = {"1e999", "-Infinity", "inf", "0x10", "0X1A", "1_000", "1,5", "Ⅷ", "٣", "1.", ".5", "1.5.2"})
        void nonFiniteOrNonDecimalSpellingsAreRefused(String value) {
            String cell = value.contains(",") ? "\"" + value + "\"" : value;
            assertRefused(HEADER + "\nx,X,0," + cell + ",false,true,,2,,\n", "2", "max");
            assertRefused(HEADER + "\nx,X,0,10,false,true," + cell + ",2,,\n", "2", "cutoff");
            assertRefused(HEADER + "\nx,X,0,10,false,true,,,3," + cell + "\n", "2", "rc_reliability");
        }

        @Test
        void duplicateKeyIsRefused() {
            assertRefused(HEADER + "\npcl5,PCL-5,0,80,false,true,33,10,,\nphq9,PHQ-9,0,27,false,true,10,6,,\n"
                    + "pcl5,PCL-5 again,0,80,false,true,33,10,,\n", "4", "pcl5");
        }

        @Test
        void minNotBelowMaxIsRefused() {
            assertRefused(HEADER + "\nx,X,10,10,false,true,,2,,\n", "2", "min");
            assertRefused(HEADER + "\nx,X,10,5,false,true,,2,,\n", "2", "min");
        }

        @Test
        void bothReliableChangeAndTheRcPairAreRefused() {
            assertRefused(HEADER + "\nx,X,0,10,false,true,,2,3.0,0.8\n", "2", "reliable_change");
        }

        @Test
        void neitherReliableChangeNorTheRcPairIsRefused() {
            assertRefused(HEADER + "\nx,X,0,10,false,true,5,,,\n", "2", "reliable_change");
        }

        @Test
        void halfOfTheRcPairIsRefused() {
            assertRefused(HEADER + "\nx,X,0,10,false,true,5,,3.0,\n", "2", "rc_reliability");
            assertRefused(HEADER + "\nx,X,0,10,false,true,5,,,0.8\n", "2", "rc_sd");
        }

        @Test
        void rcPairOutsideItsDomainIsRefused() {
            assertRefused(HEADER + "\nx,X,0,10,false,true,,,0,0.8\n", "2", "rc_sd");
            assertRefused(HEADER + "\nx,X,0,10,false,true,,,3,1\n", "2", "rc_reliability");
            assertRefused(HEADER + "\nx,X,0,10,false,true,,,3,-0.1\n", "2", "rc_reliability");
        }

        @Test
        void nonPositiveReliableChangeIsRefused() {
            assertRefused(HEADER + "\nx,X,0,10,false,true,,0,,\n", "2", "threshold");
            assertRefused(HEADER + "\nx,X,0,10,false,true,,-2,,\n", "2", "threshold");
        }

        @ParameterizedTest
        @ValueSource(strings = {"yes", "no", "Y", "1", "0", "", "t"})
        void booleanThatIsNotTrueOrFalseIsRefused(String value) {
            assertRefused(HEADER + "\nx,X,0,10," + value + ",true,,2,,\n", "2", "higher_is_better");
            assertRefused(HEADER + "\nx,X,0,10,false," + value + ",,2,,\n", "2", "integer");
        }

        @Test
        void nonNumberIsRefusedNamingTheColumn() {
            assertRefused(HEADER + "\nx,X,zero,10,false,true,,2,,\n", "2", "min");
            assertRefused(HEADER + "\nx,X,0,ten,false,true,,2,,\n", "2", "max");
            assertRefused(HEADER + "\nx,X,0,10,false,true,five,2,,\n", "2", "cutoff");
            assertRefused(HEADER + "\nx,X,0,10,false,true,,two,,\n", "2", "reliable_change");
            assertRefused(HEADER + "\nx,X,0,10,false,true,,,3 .0,0.8\n", "2", "rc_sd");
            assertRefused(HEADER + "\nx,X,0,10,false,true,,,3,0.8x\n", "2", "rc_reliability");
            assertRefused(HEADER + "\nx,X,0,NaN,false,true,,2,,\n", "2", "max");
            assertRefused(HEADER + "\nx,X,0,Infinity,false,true,,2,,\n", "2", "max");
        }

        @Test
        void emptyMinOrMaxIsRefused() {
            assertRefused(HEADER + "\nx,X,,10,false,true,,2,,\n", "2", "min");
            assertRefused(HEADER + "\nx,X,0,,false,true,,2,,\n", "2", "max");
        }

        @Test
        void emptyNameIsRefused() {
            assertRefused(HEADER + "\nx, ,0,10,false,true,,2,,\n", "2", "name");
        }

        @Test
        void wrongNumberOfFieldsIsRefused() {
            assertRefused(HEADER + "\nx,X,0,10,false,true,,2,\n", "2", "fields");
            assertRefused(HEADER + "\nx,X,0,10,false,true,,2,,,\n", "2", "fields");
        }

        @Test
        void lineNumberCountsBlankLinesAndTheLastLineWithoutNewline() {
            assertRefused(HEADER + "\npcl5,PCL-5,0,80,false,true,33,10,,\n\nx,X,10,5,false,true,,2,,\n", "4", "min");
            assertRefused(HEADER + "\npcl5,PCL-5,0,80,false,true,33,10,,\nx,X,10,5,false,true,,2,,", "3", "min");
            assertRefused(HEADER + "\r\npcl5,PCL-5,0,80,false,true,33,10,,\r\nx,X,10,5,false,true,,2,,\r\n", "3", "min");
        }

        @Test
        void refusalNamesTheLineNotALaterOne() {
            assertThatThrownBy(() -> load(HEADER + "\nx,X,10,5,false,true,,2,,\ny,Y,0,5,false,true,,2,,\n"))
                    .hasMessageContaining("line 2")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("line 3"));
        }
    }

    /** SIGNIFICANCE.md, section 11: the optional clinical-significance columns after the ten. */
    @Nested
    class SignificanceColumns {

        private static final String ALL = "reliability,reliability_post,functional_mean,functional_sd,cutoff_type,"
                + "mid_improvement,mid_deterioration,pct_improvement,pct_deterioration";

        private void assertRefused(String text, String line, String... problems) {
            assertThatThrownBy(() -> load(text))
                    .isInstanceOf(RefusedFileException.class)
                    .hasMessageContaining("instrument file ")
                    .hasMessageContaining("instruments.csv, line " + line + ": ")
                    .satisfies(e -> assertThat(e.getMessage()).contains(problems));
        }

        @Test
        void theBundledFileHasNoneAndReliabilityDefaultsToRcReliability() {
            InstrumentCatalog catalog = InstrumentCatalog.bundled();

            assertThat(catalog.significance("pcl5")).isEqualTo(SignificanceParameters.NONE);
            assertThat(catalog.significance("ders16"))
                    .isEqualTo(SignificanceParameters.NONE.withDefaultReliability(0.85));
            assertThat(catalog.significance("ders16").reliability()).isEqualTo(0.85);
        }

        @Test
        void allColumnsAreRead() throws Exception {
            InstrumentCatalog catalog = load(HEADER + "," + ALL + "\n"
                    + "bdi,BDI-II,0,63,false,true,19.1578,,8.1586,0.801,0.9,0.85,7.0,5.5,c,5,6,0.5,0.25\n");

            assertThat(catalog.significance("bdi")).isEqualTo(new SignificanceParameters(0.9, 0.85, 7.0, 5.5,
                    CutoffType.C, 5.0, 6.0, 0.5, 0.25));
            assertThat(catalog.instruments()).extracting(Instrument::key).containsExactly("bdi");
        }

        @Test
        void aSubsetInAnotherOrderIsReadByName() throws Exception {
            InstrumentCatalog catalog = load(HEADER + ",PCT_IMPROVEMENT, cutoff_type ,reliability\n"
                    + "x,X,0,10,false,true,5,2,,,0.5, b ,0.7\n"
                    + "y,Y,0,10,false,true,5,2,,,,,\n");

            assertThat(catalog.significance("x")).isEqualTo(new SignificanceParameters(0.7, null, null, null,
                    CutoffType.B, null, null, 0.5, 0.5));
            assertThat(catalog.significance("x").missingForCutoff())
                    .containsExactly("functional_mean", "functional_sd");
            assertThat(catalog.significance("y")).isEqualTo(SignificanceParameters.NONE);
            assertThat(catalog.significance("y").cutoffType()).isEqualTo(CutoffType.A);
        }

        @Test
        void defaults() throws Exception {
            InstrumentCatalog catalog = load(HEADER + ",mid_improvement,pct_improvement,reliability\n"
                    + "a,A,0,63,false,true,,,8,0.8,4,0.3,\n"
                    + "b,B,0,63,false,true,,,8,0.8,,,0.95\n"
                    + "c,C,0,63,false,true,,6,,,4,,\n");

            SignificanceParameters a = catalog.significance("a");
            assertThat(a.reliability()).isEqualTo(0.8);
            assertThat(a.midDeterioration()).isEqualTo(4.0);
            assertThat(a.pctDeterioration()).isEqualTo(0.3);
            assertThat(a.cutoffType()).isEqualTo(CutoffType.A);
            assertThat(a.reliabilityPost()).isNull();
            assertThat(a.nkReliabilityPost()).isEqualTo(0.8);
            // a reliability of its own wins over rc_reliability
            assertThat(catalog.significance("b").reliability()).isEqualTo(0.95);
            // neither given: no reliability, so the RCI methods are left out for this instrument
            assertThat(catalog.significance("c").reliability()).isNull();
            assertThat(catalog.significance("c").midImprovement()).isEqualTo(4.0);
        }

        @Test
        void anUnknownInstrumentKeyIsAnError() {
            assertThatThrownBy(() -> InstrumentCatalog.bundled().significance("bdi2"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("bdi2");
        }

        @Test
        void anUnknownExtraColumnIsRefusedNamingIt() {
            assertRefused(HEADER + ",reliability,colour\nx,X,0,10,false,true,,2,,,0.8,red\n", "1", "colour");
            assertRefused(HEADER + ",rc_sd\nx,X,0,10,false,true,,2,,,3\n", "1", "rc_sd");
        }

        @Test
        void aRepeatedExtraColumnIsRefusedNamingIt() {
            assertRefused(HEADER + ",reliability,mid_improvement,Reliability\nx,X,0,10,false,true,,2,,,0.8,2,0.8\n",
                    "1", "reliability", "twice");
        }

        @Test
        void theTenColumnsStayFirstAndInOrder() {
            assertRefused("reliability," + HEADER + "\n0.8,x,X,0,10,false,true,,2,,\n", "1", "header");
            assertRefused("key,name,min,max,higher_is_better,integer,cutoff,reliable_change,rc_sd,reliability,"
                    + "rc_reliability\nx,X,0,10,false,true,,2,,0.8,\n", "1", "header");
        }

        @Test
        void eachRowHasAsManyFieldsAsTheHeader() {
            assertRefused(HEADER + ",reliability\nx,X,0,10,false,true,,2,,\n", "2", "expected 11 fields, found 10");
            assertRefused(HEADER + ",reliability\nx,X,0,10,false,true,,2,,,0.8,\n", "2", "fields");
        }

        @ParameterizedTest
        @ValueSource(strings = {"reliability", "reliability_post", "functional_mean", "functional_sd",
                "mid_improvement", "mid_deterioration", "pct_improvement", "pct_deterioration"})
        void aMalformedNumberIsRefusedNamingLineAndColumn(String column) {
            assertRefused(HEADER + "," + column + "\nx,X,0,10,false,true,,2,,,0.5\ny,Y,0,10,false,true,,2,,,.5\n",
                    "3", column + " is not a number");
        }

        @Test
        void outOfRangeValuesAreRefusedNamingLineAndColumn() {
            String header = HEADER + ",reliability,reliability_post,functional_sd,mid_improvement,mid_deterioration,"
                    + "pct_improvement,pct_deterioration\nok,OK,0,10,false,true,,2,,,0.8,0.8,3,2,2,0.5,0.5\n";
            assertRefused(header + "x,X,0,10,false,true,,2,,,1.5,,,,,,\n", "3", "reliability must lie in [0, 1]");
            assertRefused(header + "x,X,0,10,false,true,,2,,,-0.1,,,,,,\n", "3", "reliability must lie in [0, 1]");
            assertRefused(header + "x,X,0,10,false,true,,2,,,,2,,,,,\n", "3", "reliability_post must lie in [0, 1]");
            assertRefused(header + "x,X,0,10,false,true,,2,,,,,-1,,,,\n", "3", "functional_sd must be");
            assertRefused(header + "x,X,0,10,false,true,,2,,,,,,-2,,,\n", "3", "mid_improvement must be");
            assertRefused(header + "x,X,0,10,false,true,,2,,,,,,,-0.5,,\n", "3", "mid_deterioration must be");
            assertRefused(header + "x,X,0,10,false,true,,2,,,,,,,,1.2,\n", "3", "pct_improvement must lie in [0, 1]");
            assertRefused(header + "x,X,0,10,false,true,,2,,,,,,,,,50\n", "3", "pct_deterioration must lie in [0, 1]");
        }

        @Test
        void reliabilityAndPercentagesAtTheEndsOfTheirRangeAreAccepted() throws Exception {
            InstrumentCatalog catalog = load(HEADER + ",reliability,pct_improvement,pct_deterioration,mid_improvement\n"
                    + "x,X,0,10,false,true,,2,,,1,0,1,0\n");

            assertThat(catalog.significance("x")).isEqualTo(new SignificanceParameters(1.0, null, null, null, null,
                    0.0, 0.0, 0.0, 1.0));
        }

        @ParameterizedTest
        @ValueSource(strings = {"d", "A", "ab", "1", "a b"})
        void aBadCutoffTypeIsRefusedNamingLineAndColumn(String value) {
            assertRefused(HEADER + ",cutoff_type\nx,X,0,10,false,true,,2,,,a\ny,Y,0,10,false,true,,2,,," + value + "\n",
                    "3", "cutoff_type must be a, b or c");
        }
    }
}
