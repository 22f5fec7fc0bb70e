package org.clinicaloutcomes.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** DATA.md, intake.csv "approach": configured codes, matched case-insensitively, defaults also by full name. */
class ApproachCatalogTest {

    @Test
    void defaultsAreTheFourApproachesInReportOrder() {
        assertThat(ApproachCatalog.defaults().approaches()).containsExactly("DBT", "CPT", "ACT", "PE");
    }

    @ParameterizedTest
    @CsvSource({"DBT,DBT", "dbt,DBT", "Dbt,DBT", "CPT,CPT", "cpt,CPT", "ACT,ACT", "aCt,ACT", "PE,PE", "pe,PE",
            "Dialectical Behavior Therapy,DBT", "DIALECTICAL BEHAVIOR THERAPY,DBT",
            "cognitive processing therapy,CPT", "Acceptance and Commitment Therapy,ACT",
            "acceptance AND commitment therapy,ACT", "Prolonged Exposure,PE", "prolonged exposure,PE"})
    void defaultApproachesResolveByCodeOrFullName(String cell, String code) {
        assertThat(ApproachCatalog.defaults().resolve(cell)).isEqualTo(code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"TAU", "CBT", "EMDR", "", "Prolonged", "Prolonged Exposure Therapy", "DBT CPT"})
    void otherNamesResolveToNothing(String cell) {
        assertThat(ApproachCatalog.defaults().resolve(cell)).isNull();
    }

    @Test
    void configuredExtraApproachResolvesInAnyCase() {
        ApproachCatalog catalog = new ApproachCatalog(List.of("DBT", "TAU"));

        assertThat(catalog.approaches()).containsExactly("DBT", "TAU");
        assertThat(catalog.resolve("TAU")).isEqualTo("TAU");
        assertThat(catalog.resolve("tau")).isEqualTo("TAU");
        assertThat(catalog.resolve("dbt")).isEqualTo("DBT");
        assertThat(catalog.resolve("Dialectical Behavior Therapy")).isEqualTo("DBT");
    }

    @Test
    void approachLeftOutOfTheConfigurationResolvesToNothingByCodeOrName() {
        ApproachCatalog catalog = new ApproachCatalog(List.of("DBT", "TAU"));

        assertThat(catalog.resolve("PE")).isNull();
        assertThat(catalog.resolve("Prolonged Exposure")).isNull();
        assertThat(catalog.resolve("CPT")).isNull();
        assertThat(catalog.resolve("Cognitive Processing Therapy")).isNull();
    }

    @Test
    void configuredSpellingIsTheCanonicalCode() {
        ApproachCatalog catalog = new ApproachCatalog(List.of("Pe", "tau"));

        assertThat(catalog.resolve("PE")).isEqualTo("Pe");
        assertThat(catalog.resolve("prolonged exposure")).isEqualTo("Pe");
        assertThat(catalog.resolve("TAU")).isEqualTo("tau");
    }
}
